/* Reading git's index file (git's Documentation/gitformat-index.txt) and
 * comparing it with HEAD's tree, folder by folder, skipping the folders
 * whose cache-tree id equals HEAD's; see index.h for why. Every bound is
 * checked: a file that does not parse is left to libgit2. */
#include "index.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"

#define ID_BYTES 20       /* SHA-1: git.c leaves other object formats to libgit2 */
#define HEADER_BYTES 12   /* "DIRC", version, entry count */
#define STAT_BYTES 40     /* ctime, mtime, dev, ino, mode, uid, gid, size */
#define MODE_OFFSET 24
#define ENTRY_FIXED_BYTES (STAT_BYTES + ID_BYTES + 2)
#define FLAG_EXTENDED 0x4000
#define FLAG_STAGE 0x3000
#define NAME_MASK 0x0fff
/* Extended flags: skip-worktree changes nothing in what is staged;
 * intent-to-add (0x2000) and the reserved bit are left to libgit2. */
#define EXTENDED_SKIP_WORKTREE 0x4000
#define TYPE_MASK 0170000
/* Deeper than any real tree; bounds the recursion on a crafted file. */
#define MAX_DEPTH 1024
#define NO_NODE SIZE_MAX

typedef struct {
	const unsigned char *id;  /* in the map */
	uint32_t mode;
	size_t path_at;           /* in the map, or (version 4) in paths */
	size_t path_len;
} ix_entry;

/* A cache-tree node (the TREE extension), in the file's pre-order. */
typedef struct {
	const char *name;         /* in the map; "" for the root */
	size_t name_len;
	long entries;             /* index entries under it; -1: invalidated */
	const unsigned char *id;  /* NULL when invalidated */
	size_t end;               /* the node after its subtree */
} ct_node;

struct cl_index {
	git_repository *repo;
	unsigned char *map;
	size_t map_len;
	uint32_t version;
	ix_entry *entries;
	size_t nentries;
	char *paths;              /* version 4: the expanded paths, NUL-terminated */
	size_t paths_len, paths_cap;
	ct_node *nodes;
	size_t nnodes, nodes_cap;
	cl_index_change *changes;
	size_t nchanges, changes_cap;
	bool added, deleted, modified, typechange;
};

typedef struct {
	const unsigned char *at, *end;
} ix_reader;

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static size_t left(const ix_reader *c)
{
	return (size_t)(c->end - c->at);
}

static const char *path_of(const cl_index *ix, const ix_entry *e)
{
	return (ix->version == 4 ? ix->paths : (const char *)ix->map) + e->path_at;
}

/* The modes the diff and the articles know; a sparse index's folder
 * entries (040000) and odd legacy modes are left to libgit2. */
static bool known_mode(uint32_t mode)
{
	return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE ||
	       mode == GIT_FILEMODE_LINK || mode == GIT_FILEMODE_COMMIT;
}

/* ---- the file ------------------------------------------------------------ */

static bool map_file(cl_index *ix, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		  st.st_size >= HEADER_BYTES + ID_BYTES && (uintmax_t)st.st_size <= SIZE_MAX;
	int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
	flags |= MAP_POPULATE;  /* every page is read: one fault instead of one per page */
#endif
	void *map = ok ? mmap(NULL, (size_t)st.st_size, PROT_READ, flags, fd, 0) : MAP_FAILED;
	close(fd);
	if (map == MAP_FAILED)
		return false;
	ix->map = map;
	ix->map_len = (size_t)st.st_size;
	return true;
}

/* The trailing checksum is not verified: git does not either, outside fsck. */
static bool read_header(cl_index *ix, ix_reader *c)
{
	uint32_t count = be32(ix->map + 8);
	ix->version = be32(ix->map + 4);
	c->at = ix->map + HEADER_BYTES;
	c->end = ix->map + ix->map_len - ID_BYTES;
	if (memcmp(ix->map, "DIRC", 4) || ix->version < 2 || ix->version > 4)
		return false;
	if (count > left(c) / (ENTRY_FIXED_BYTES + 1))
		return false;  /* more entries than the file can hold */
	ix->nentries = count;
	ix->entries = cl_malloc((count ? count : 1) * sizeof(*ix->entries));
	return true;
}

/* ---- entries ------------------------------------------------------------- */

/* The mode, id and flags; *fixed is where the path starts, *name_len the
 * length the flags give (NAME_MASK: that long or longer). */
static bool read_fixed(const cl_index *ix, const ix_reader *c, ix_entry *e, size_t *fixed, size_t *name_len)
{
	if (left(c) < ENTRY_FIXED_BYTES)
		return false;
	uint16_t flags = be16(c->at + STAT_BYTES + ID_BYTES);
	*fixed = ENTRY_FIXED_BYTES;
	if (flags & FLAG_EXTENDED) {
		if (ix->version < 3 || left(c) < ENTRY_FIXED_BYTES + 2 ||
		    (be16(c->at + ENTRY_FIXED_BYTES) & ~EXTENDED_SKIP_WORKTREE))
			return false;
		*fixed += 2;
	}
	e->mode = be32(c->at + MODE_OFFSET);
	e->id = c->at + STAT_BYTES;
	*name_len = flags & NAME_MASK;
	/* Unmerged entries: the libgit2 path names them in its error. */
	return known_mode(e->mode) && !(flags & FLAG_STAGE);
}

/* Versions 2 and 3: the path, NUL-padded to a multiple of 8 bytes. A NUL
 * inside the path is caught where the path is used (record). */
static bool read_path_padded(const cl_index *ix, ix_reader *c, ix_entry *e, size_t fixed, size_t name_len)
{
	const char *name = (const char *)c->at + fixed;
	size_t room = left(c) - fixed;
	size_t len = name_len == NAME_MASK ? strnlen(name, room) : name_len;
	size_t size = (fixed + len + 8) & ~(size_t)7;
	if (len >= room || name[len] || size > left(c))
		return false;
	e->path_at = (size_t)((const unsigned char *)name - ix->map);
	e->path_len = len;
	c->at += size;
	return true;
}

/* git's offset varint (varint.c): each continuation adds one. */
static bool read_varint(const unsigned char **p, const unsigned char *end, size_t *out)
{
	if (*p >= end)
		return false;
	unsigned char byte = *(*p)++;
	size_t value = byte & 127;
	while (byte & 128) {
		if (*p >= end || value > (SIZE_MAX >> 8))
			return false;
		byte = *(*p)++;
		value = ((value + 1) << 7) + (byte & 127);
	}
	*out = value;
	return true;
}

/* Version 4: drop that many bytes from the end of the previous path, then
 * append the NUL-terminated rest; no padding. */
static bool read_path_compressed(cl_index *ix, ix_reader *c, ix_entry *e, size_t fixed, const ix_entry *prev)
{
	const unsigned char *p = c->at + fixed;
	size_t strip, prev_len = prev ? prev->path_len : 0;
	if (!read_varint(&p, c->end, &strip) || strip > prev_len)
		return false;
	size_t suffix_len = strnlen((const char *)p, (size_t)(c->end - p));
	if (suffix_len == (size_t)(c->end - p))
		return false;
	size_t keep = prev_len - strip;
	CL_GROW(ix->paths, ix->paths_cap, ix->paths_len + keep + suffix_len + 1);
	if (keep)
		memcpy(ix->paths + ix->paths_len, ix->paths + prev->path_at, keep);
	memcpy(ix->paths + ix->paths_len + keep, p, suffix_len + 1);
	e->path_at = ix->paths_len;
	e->path_len = keep + suffix_len;
	ix->paths_len += e->path_len + 1;
	c->at = p + suffix_len + 1;
	return true;
}

/* Paths strictly increasing (stage 0 only, so one entry per path): what
 * the walk's bisection relies on. Empty folder names are caught where the
 * walk meets them (compare_next). */
static bool in_order(const char *prev, size_t prev_len, const char *path, size_t len)
{
	if (!prev)
		return true;
	int cmp = memcmp(prev, path, prev_len < len ? prev_len : len);
	return cmp < 0 || (cmp == 0 && prev_len < len);
}

static bool read_entry(cl_index *ix, ix_reader *c, ix_entry *e, const ix_entry *prev)
{
	size_t fixed, name_len;
	if (!read_fixed(ix, c, e, &fixed, &name_len))
		return false;
	bool read = ix->version == 4 ? read_path_compressed(ix, c, e, fixed, prev) :
		    read_path_padded(ix, c, e, fixed, name_len);
	if (!read || (name_len == NAME_MASK ? e->path_len < NAME_MASK : e->path_len != name_len))
		return false;
	return in_order(prev ? path_of(ix, prev) : NULL, prev ? prev->path_len : 0,
			path_of(ix, e), e->path_len);
}

/* ---- the cache-tree (TREE extension) ------------------------------------- */

/* A decimal ending with stop; "-1" marks an invalidated node. */
static bool read_number(ix_reader *c, unsigned char stop, long *out)
{
	bool negative = c->at < c->end && *c->at == '-';
	long value = 0;
	size_t digits = 0;
	c->at += negative;
	for (; c->at < c->end && *c->at >= '0' && *c->at <= '9' && digits < 9; c->at++, digits++)
		value = value * 10 + (*c->at - '0');
	if (!digits || c->at >= c->end || *c->at != stop)
		return false;
	c->at++;
	*out = negative ? -value : value;
	return true;
}

/* One node: name NUL, entry count SP, subtree count LF, id when valid,
 * then its subtrees. */
static bool read_node(cl_index *ix, ix_reader *c, int depth)
{
	const unsigned char *nul = c->at < c->end ? memchr(c->at, '\0', left(c)) : NULL;
	long subtrees;
	if (!nul || depth > MAX_DEPTH)
		return false;
	ct_node node = { (const char *)c->at, (size_t)(nul - c->at), -1, NULL, 0 };
	c->at = nul + 1;
	if (!read_number(c, ' ', &node.entries) || !read_number(c, '\n', &subtrees) ||
	    node.entries < -1 || subtrees < 0 || (depth > 0) != (node.name_len > 0))
		return false;
	if (node.entries >= 0) {
		if (left(c) < ID_BYTES)
			return false;
		node.id = c->at;
		c->at += ID_BYTES;
	}
	size_t at = ix->nnodes;
	CL_GROW(ix->nodes, ix->nodes_cap, at + 1);
	ix->nodes[ix->nnodes++] = node;
	for (long i = 0; i < subtrees; i++)
		if (!read_node(ix, c, depth + 1))
			return false;
	ix->nodes[at].end = ix->nnodes;
	return true;
}

static bool read_cache_tree(cl_index *ix, const unsigned char *data, size_t size)
{
	ix_reader c = { data, data + size };
	return ix->nnodes == 0 && read_node(ix, &c, 0) && c.at == c.end;
}

/* Optional extensions (an upper-case first letter) other than TREE are
 * skipped; a required one (split index "link", sparse index "sdir") is
 * left to libgit2. */
static bool read_extensions(cl_index *ix, ix_reader *c)
{
	while (c->at < c->end) {
		if (left(c) < 8)
			return false;
		const unsigned char *signature = c->at;
		size_t size = be32(c->at + 4);
		c->at += 8;
		if (size > left(c))
			return false;
		if (!memcmp(signature, "TREE", 4) ? !read_cache_tree(ix, c->at, size) :
		    signature[0] < 'A' || signature[0] > 'Z')
			return false;
		c->at += size;
	}
	return true;
}

static bool read_index(cl_index *ix, const char *path)
{
	ix_reader c;
	if (!map_file(ix, path) || !read_header(ix, &c))
		return false;
	for (size_t i = 0; i < ix->nentries; i++)
		if (!read_entry(ix, &c, &ix->entries[i], i ? &ix->entries[i - 1] : NULL))
			return false;
	return read_extensions(ix, &c);
}

/* ---- comparing with HEAD ------------------------------------------------- */

/* One name in a folder, ordered as git orders trees: a folder's name
 * compares as if followed by '/'. */
typedef struct {
	const char *name;
	size_t len;
	bool folder;
} ix_name;

static int compare_names(ix_name a, ix_name b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int cmp = memcmp(a.name, b.name, n);
	if (cmp)
		return cmp;
	int next_a = a.len > n ? (unsigned char)a.name[n] : a.folder ? '/' : 0;
	int next_b = b.len > n ? (unsigned char)b.name[n] : b.folder ? '/' : 0;
	return next_a - next_b;
}

/* A folder of the walk: the entries [lo, hi) under the first prefix_len
 * bytes of their paths ('/' included), HEAD's tree for it (NULL: not in
 * HEAD) and its cache-tree node. */
typedef struct {
	size_t lo, hi, prefix_len, node;
	const git_oid *tree_id;
	int depth;
} ix_folder;

/* Where the walk of one folder is. */
typedef struct {
	size_t lo;         /* the next index entry */
	size_t t;          /* the next tree entry */
	size_t cursor;     /* where the next cache-tree child search starts */
	ix_name previous;  /* the last tree entry's name, to check the order */
} folder_walk;

static bool compare_folder(cl_index *ix, const ix_folder *folder);

static bool has_prefix(const cl_index *ix, size_t i, const char *prefix, size_t len)
{
	return ix->entries[i].path_len > len && !memcmp(path_of(ix, &ix->entries[i]), prefix, len);
}

/* The entries sharing entry lo's first len bytes (a folder and its '/')
 * are a run from lo, the entries being sorted: its end by bisection. */
static size_t folder_end(const cl_index *ix, size_t lo, size_t hi, size_t len)
{
	const char *prefix = path_of(ix, &ix->entries[lo]);
	while (lo + 1 < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (has_prefix(ix, mid, prefix, len))
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

/* The file or subfolder that entry lo starts in the folder; *end is the
 * entry after it. */
static ix_name index_item(const cl_index *ix, const ix_folder *folder, size_t lo, size_t *end)
{
	const ix_entry *e = &ix->entries[lo];
	ix_name item = { path_of(ix, e) + folder->prefix_len, e->path_len - folder->prefix_len, false };
	const char *slash = memchr(item.name, '/', item.len);
	*end = lo + 1;
	if (slash) {
		item.len = (size_t)(slash - item.name);
		item.folder = true;
		*end = folder_end(ix, lo, folder->hi, folder->prefix_len + item.len + 1);
	}
	return item;
}

static bool tree_item(const git_tree_entry *te, ix_name *out)
{
	uint32_t mode = git_tree_entry_filemode_raw(te);
	out->name = git_tree_entry_name(te);
	out->len = strlen(out->name);
	out->folder = mode == GIT_FILEMODE_TREE;
	return out->folder || known_mode(mode);
}

static bool node_matches(const cl_index *ix, size_t node, const git_oid *id)
{
	return node != NO_NODE && ix->nodes[node].id && !memcmp(ix->nodes[node].id, id->id, ID_BYTES);
}

static size_t scan_children(const cl_index *ix, size_t from, size_t to, ix_name name)
{
	for (size_t child = from; child < to; child = ix->nodes[child].end)
		if (ix->nodes[child].name_len == name.len && !memcmp(ix->nodes[child].name, name.name, name.len))
			return child;
	return NO_NODE;
}

/* The cache-tree child of node called name. Children mostly come in the
 * order of the walk, so the search starts after the last one found. */
static size_t find_child(const cl_index *ix, size_t node, ix_name name, size_t *cursor)
{
	if (node == NO_NODE)
		return NO_NODE;
	size_t child = scan_children(ix, *cursor, ix->nodes[node].end, name);
	if (child == NO_NODE)
		child = scan_children(ix, node + 1, *cursor, name);
	if (child != NO_NODE)
		*cursor = ix->nodes[child].end;
	return child;
}

static bool record(cl_index *ix, const ix_entry *e, const git_tree_entry *old)
{
	const char *path = path_of(ix, e);
	if (strlen(path) != e->path_len)
		return false;  /* a NUL inside the path */
	CL_GROW(ix->changes, ix->changes_cap, ix->nchanges + 1);
	cl_index_change *change = &ix->changes[ix->nchanges++];
	memset(change, 0, sizeof(*change));
	change->path = path;
	change->added = old == NULL;
	if (old)
		git_oid_cpy(&change->old_id, git_tree_entry_id(old));
	git_oid_fromraw(&change->new_id, e->id);
	change->new_mode = e->mode;
	return true;
}

/* Deletions are skipped, but libgit2 would pair an addition with a
 * deletion (a rename) or a modification (a copy) and diff them: those
 * change sets are left to it, as are typechanges. */
static bool must_fall_back(const cl_index *ix)
{
	return ix->typechange || (ix->added && (ix->deleted || ix->modified));
}

static bool add_entries(cl_index *ix, size_t lo, size_t end)
{
	ix->added = true;
	for (size_t i = lo; i < end; i++)
		if (!record(ix, &ix->entries[i], NULL))
			return false;
	return true;
}

static bool compare_file(cl_index *ix, const ix_entry *e, const git_tree_entry *te)
{
	uint32_t old_mode = git_tree_entry_filemode_raw(te);
	if ((old_mode & TYPE_MASK) != (e->mode & TYPE_MASK)) {
		ix->typechange = true;
	} else if (old_mode != e->mode || memcmp(git_tree_entry_id(te)->id, e->id, ID_BYTES)) {
		ix->modified = true;
		return record(ix, e, te);
	}
	return true;
}

static bool compare_subfolder(cl_index *ix, const ix_folder *folder, folder_walk *walk,
			      ix_name item, const git_tree_entry *te, size_t end)
{
	ix_folder sub = { walk->lo, end, folder->prefix_len + item.len + 1,
			  find_child(ix, folder->node, item, &walk->cursor), git_tree_entry_id(te),
			  folder->depth + 1 };
	return compare_folder(ix, &sub);
}

/* One step of the merge of the folder's index items and tree entries. */
static bool compare_next(cl_index *ix, const ix_folder *folder, const git_tree *tree, folder_walk *walk)
{
	size_t end = walk->lo;
	ix_name item = { NULL, 0, false }, head = { NULL, 0, false };
	const git_tree_entry *te = tree ? git_tree_entry_byindex(tree, walk->t) : NULL;
	if (te && (!tree_item(te, &head) || (walk->t && compare_names(walk->previous, head) >= 0)))
		return false;  /* a mode the diff does not know, or an unsorted tree */
	if (walk->lo < folder->hi && !(item = index_item(ix, folder, walk->lo, &end)).len)
		return false;  /* an empty folder or file name: "/a", "a//b", "a/" */
	int cmp = walk->lo >= folder->hi ? 1 : !te ? -1 : compare_names(item, head);
	bool ok = true;
	if (cmp < 0)
		ok = add_entries(ix, walk->lo, end);
	else if (cmp > 0)
		ix->deleted = true;
	else if (item.folder)
		ok = compare_subfolder(ix, folder, walk, item, te, end);
	else
		ok = compare_file(ix, &ix->entries[walk->lo], te);
	if (cmp <= 0)
		walk->lo = end;
	if (cmp >= 0) {
		walk->previous = head;
		walk->t++;
	}
	return ok;
}

/* A folder whose valid cache-tree id equals HEAD's has nothing staged:
 * it is skipped without reading its tree, as git does. */
static bool compare_folder(cl_index *ix, const ix_folder *folder)
{
	git_tree *tree = NULL;
	if (folder->depth > MAX_DEPTH)
		return false;
	if (folder->tree_id && node_matches(ix, folder->node, folder->tree_id))
		return ix->nodes[folder->node].entries == (long)(folder->hi - folder->lo);
	if (folder->tree_id && git_tree_lookup(&tree, ix->repo, folder->tree_id) < 0)
		return false;
	folder_walk walk = { folder->lo, 0, folder->node == NO_NODE ? NO_NODE : folder->node + 1,
			     { NULL, 0, false } };
	size_t ntree = tree ? git_tree_entrycount(tree) : 0;
	bool ok = true;
	while (ok && (walk.lo < folder->hi || walk.t < ntree))
		ok = compare_next(ix, folder, tree, &walk) && !must_fall_back(ix);
	git_tree_free(tree);
	return ok;
}

/* ---- the entry point ----------------------------------------------------- */

/* Without a cache-tree every tree of HEAD would be read, which is what
 * libgit2 does: then it may as well do it. Before the first commit there
 * is nothing to compare, and no need for one. */
int cl_index_staged(cl_index **out, const char *path, git_repository *repo, const git_tree *head)
{
	cl_index *ix = cl_calloc(1, sizeof(*ix));
	ix->repo = repo;
	*out = NULL;
	bool handled = read_index(ix, path) && (!head || ix->nnodes > 0);
	if (handled) {
		ix_folder root = { 0, ix->nentries, 0, ix->nnodes ? 0 : NO_NODE,
				   head ? git_tree_id(head) : NULL, 0 };
		handled = compare_folder(ix, &root) && !must_fall_back(ix);
	}
	if (!handled) {
		cl_index_free(ix);
		git_error_clear();
		return CL_INDEX_NOT_HANDLED;
	}
	*out = ix;
	return 0;
}

const cl_index_change *cl_index_changes(const cl_index *index, size_t *count)
{
	*count = index->nchanges;
	return index->changes;
}

void cl_index_free(cl_index *index)
{
	if (!index)
		return;
	if (index->map)
		munmap(index->map, index->map_len);
	free(index->entries);
	free(index->paths);
	free(index->nodes);
	free(index->changes);
	free(index);
}
