/* Reading git's index file (git's Documentation/gitformat-index.txt) and
 * comparing it with HEAD's tree, folder by folder, skipping the folders
 * whose cache-tree id equals HEAD's; see index.h for why.
 *
 * The entries are read as a stream, twice: once to find where they end
 * (the cache-tree is an extension after them), then along the walk. No
 * array of entries is built: on a 50,000-file index that array alone costs
 * as much as the whole read, its pages being touched for the first time.
 * Every bound is checked: a file that does not parse is left to libgit2. */
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
	const unsigned char *at, *end;
} ix_reader;

/* Where an entry's parts are, before its path is read. */
typedef struct {
	uint16_t flags, extended;
	const char *name;  /* the path; version 4: the part after the kept prefix */
	size_t name_len;
	size_t strip;      /* version 4: bytes dropped from the previous path */
	const unsigned char *end;
} ix_layout;

/* The entry the walk is at. */
typedef struct {
	const unsigned char *id;  /* in the map */
	uint32_t mode;
	const char *path;         /* in the map, or (version 4) cl_index.path */
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
	size_t nentries;
	const unsigned char *entries_end;
	ix_reader at;             /* the entry after the current one */
	size_t read;              /* entries read so far */
	ix_entry entry;           /* the current entry, when has_entry */
	bool has_entry;
	char *path;               /* version 4: the current path */
	size_t path_cap;
	char *folder;             /* the folder walked, with its '/' */
	size_t folder_cap;
	ct_node *nodes;
	size_t nnodes, nodes_cap;
	cl_index_change *changes;
	size_t nchanges, changes_cap;
	char *paths;              /* the changes' paths, one after another */
	size_t paths_len, paths_cap;
	size_t *path_at;          /* each change's path in paths, while it grows */
	size_t path_at_cap;
	bool added, deleted, modified, typechange;
};

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
	flags |= MAP_POPULATE;  /* every page is read: one call instead of a fault per page */
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
static bool read_header(cl_index *ix)
{
	uint32_t count = be32(ix->map + 8);
	ix->version = be32(ix->map + 4);
	ix->at = (ix_reader){ ix->map + HEADER_BYTES, ix->map + ix->map_len - ID_BYTES };
	ix->nentries = count;
	return !memcmp(ix->map, "DIRC", 4) && ix->version >= 2 && ix->version <= 4;
}

/* ---- entries ------------------------------------------------------------- */

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

/* Versions 2 and 3: the path, then NULs to a multiple of 8 bytes. Version
 * 4: how much of the previous path to drop, then the rest of the path and
 * one NUL. The flags give the path's length up to 4094 (NAME_MASK: that
 * long or longer). */
static bool entry_layout(const cl_index *ix, const ix_reader *c, ix_layout *out)
{
	if (left(c) < ENTRY_FIXED_BYTES + 2)
		return false;
	out->flags = be16(c->at + STAT_BYTES + ID_BYTES);
	out->extended = out->flags & FLAG_EXTENDED ? be16(c->at + ENTRY_FIXED_BYTES) : 0;
	const unsigned char *name = c->at + ENTRY_FIXED_BYTES + (out->flags & FLAG_EXTENDED ? 2 : 0);
	size_t name_len = out->flags & NAME_MASK;
	out->strip = 0;
	if (ix->version == 4 && !read_varint(&name, c->end, &out->strip))
		return false;
	size_t room = (size_t)(c->end - name);
	if (ix->version == 4 || name_len == NAME_MASK)
		name_len = strnlen((const char *)name, room);
	size_t size = ix->version == 4 ? (size_t)(name - c->at) + name_len + 1 :
		      ((size_t)(name - c->at) + name_len + 8) & ~(size_t)7;
	if (name_len >= room || name[name_len] || size > left(c))
		return false;
	out->name = (const char *)name;
	out->name_len = name_len;
	out->end = c->at + size;
	return true;
}

/* Paths strictly increasing (stage 0 only, so one entry per path): what
 * the walk relies on. Version 4 checks before the path is overwritten:
 * both share the kept prefix, so the tails decide. */
static bool in_order(const char *prev, size_t prev_len, const char *path, size_t len)
{
	int cmp = memcmp(prev, path, prev_len < len ? prev_len : len);
	return cmp < 0 || (cmp == 0 && prev_len < len);
}

static bool read_path(cl_index *ix, const ix_layout *layout)
{
	ix_entry *e = &ix->entry;
	if (ix->version != 4) {
		bool ordered = !ix->read || in_order(e->path, e->path_len, layout->name, layout->name_len);
		e->path = layout->name;
		e->path_len = layout->name_len;
		return ordered;
	}
	size_t prev_len = ix->read ? e->path_len : 0;
	if (layout->strip > prev_len)
		return false;
	size_t keep = prev_len - layout->strip;
	if (ix->read && !in_order(ix->path + keep, prev_len - keep, layout->name, layout->name_len))
		return false;
	CL_GROW(ix->path, ix->path_cap, keep + layout->name_len + 1);
	memcpy(ix->path + keep, layout->name, layout->name_len + 1);
	e->path = ix->path;
	e->path_len = keep + layout->name_len;
	return true;
}

/* Makes the next entry the current one (has_entry false after the last).
 * False: a malformed entry, or one libgit2 must handle. */
static bool advance(cl_index *ix)
{
	ix_layout layout;
	ix->has_entry = false;
	if (ix->read == ix->nentries)
		return true;
	if (!entry_layout(ix, &ix->at, &layout) || (layout.flags & FLAG_STAGE) ||
	    (layout.extended & ~EXTENDED_SKIP_WORKTREE) || (ix->version < 3 && (layout.flags & FLAG_EXTENDED)))
		return false;  /* unmerged entries: the libgit2 path names them in its error */
	ix->entry.mode = be32(ix->at.at + MODE_OFFSET);
	ix->entry.id = ix->at.at + STAT_BYTES;
	if (!known_mode(ix->entry.mode) || !read_path(ix, &layout))
		return false;
	size_t flags_len = layout.flags & NAME_MASK;
	if (flags_len == NAME_MASK ? ix->entry.path_len < NAME_MASK : ix->entry.path_len != flags_len)
		return false;
	ix->at.at = layout.end;
	ix->read++;
	ix->has_entry = true;
	return true;
}

/* The first pass: where the entries end, without reading their paths. */
static bool find_entries_end(cl_index *ix)
{
	ix_reader c = ix->at;
	ix_layout layout;
	for (size_t i = 0; i < ix->nentries; i++) {
		if (!entry_layout(ix, &c, &layout))
			return false;
		c.at = layout.end;
	}
	ix->entries_end = c.at;
	return true;
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
static bool read_extensions(cl_index *ix)
{
	ix_reader c = { ix->entries_end, ix->at.end };
	while (c.at < c.end) {
		if (left(&c) < 8)
			return false;
		const unsigned char *signature = c.at;
		size_t size = be32(c.at + 4);
		c.at += 8;
		if (size > left(&c))
			return false;
		if (!memcmp(signature, "TREE", 4) ? !read_cache_tree(ix, c.at, size) :
		    signature[0] < 'A' || signature[0] > 'Z')
			return false;
		c.at += size;
	}
	return true;
}

static bool read_index(cl_index *ix, const char *path)
{
	return map_file(ix, path) && read_header(ix) && find_entries_end(ix) && read_extensions(ix) &&
	       advance(ix);
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

/* A folder of the walk: its path and '/' are ix->folder's first
 * prefix_len bytes; HEAD's tree for it (NULL: not in HEAD); its
 * cache-tree node. */
typedef struct {
	size_t prefix_len, node;
	const git_oid *tree_id;
	int depth;
} ix_folder;

/* Where the walk of one folder is. */
typedef struct {
	size_t t;          /* the next tree entry */
	size_t cursor;     /* where the next cache-tree child search starts */
	ix_name previous;  /* the last tree entry's name, to check the order */
} folder_walk;

static bool compare_folder(cl_index *ix, const ix_folder *folder);

static bool in_folder(const cl_index *ix, size_t prefix_len)
{
	return ix->has_entry && ix->entry.path_len > prefix_len &&
	       !memcmp(ix->entry.path, ix->folder, prefix_len);
}

/* The file or subfolder that the current entry is in the folder. */
static ix_name index_item(const cl_index *ix, size_t prefix_len)
{
	ix_name item = { ix->entry.path + prefix_len, ix->entry.path_len - prefix_len, false };
	const char *slash = memchr(item.name, '/', item.len);
	if (slash) {
		item.len = (size_t)(slash - item.name);
		item.folder = true;
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

/* The current entry as a change; its path is copied (the walk moves on),
 * and pointed to once every path is in (cl_index_staged). */
static bool record(cl_index *ix, const git_tree_entry *old)
{
	const ix_entry *e = &ix->entry;
	if (memchr(e->path, '\0', e->path_len))
		return false;
	CL_GROW(ix->changes, ix->changes_cap, ix->nchanges + 1);
	CL_GROW(ix->path_at, ix->path_at_cap, ix->nchanges + 1);
	CL_GROW(ix->paths, ix->paths_cap, ix->paths_len + e->path_len + 1);
	ix->path_at[ix->nchanges] = ix->paths_len;
	cl_index_change *change = &ix->changes[ix->nchanges++];
	memset(change, 0, sizeof(*change));
	memcpy(ix->paths + ix->paths_len, e->path, e->path_len + 1);
	ix->paths_len += e->path_len + 1;
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

static bool compare_file(cl_index *ix, const git_tree_entry *te)
{
	uint32_t old_mode = te ? git_tree_entry_filemode_raw(te) : 0;
	bool ok = true;
	if (!te) {
		ix->added = true;
		ok = record(ix, NULL);
	} else if ((old_mode & TYPE_MASK) != (ix->entry.mode & TYPE_MASK)) {
		ix->typechange = true;
	} else if (old_mode != ix->entry.mode || memcmp(git_tree_entry_id(te)->id, ix->entry.id, ID_BYTES)) {
		ix->modified = true;
		ok = record(ix, te);
	}
	return ok && advance(ix);
}

/* te NULL: a folder that HEAD does not have, all of it added. */
static bool compare_subfolder(cl_index *ix, const ix_folder *folder, folder_walk *walk,
			      ix_name item, const git_tree_entry *te)
{
	size_t prefix_len = folder->prefix_len + item.len + 1;
	CL_GROW(ix->folder, ix->folder_cap, prefix_len);
	memcpy(ix->folder + folder->prefix_len, item.name, item.len);
	ix->folder[prefix_len - 1] = '/';
	ix_folder sub = { prefix_len, te ? find_child(ix, folder->node, item, &walk->cursor) : NO_NODE,
			  te ? git_tree_entry_id(te) : NULL, folder->depth + 1 };
	return compare_folder(ix, &sub);
}

/* One step of the merge of the folder's index items and tree entries. */
static bool compare_next(cl_index *ix, const ix_folder *folder, const git_tree *tree, folder_walk *walk)
{
	ix_name item = { NULL, 0, false }, head = { NULL, 0, false };
	bool has_item = in_folder(ix, folder->prefix_len);
	const git_tree_entry *te = tree ? git_tree_entry_byindex(tree, walk->t) : NULL;
	if (te && (!tree_item(te, &head) || (walk->t && compare_names(walk->previous, head) >= 0)))
		return false;  /* a mode the diff does not know, or an unsorted tree */
	if (has_item && !(item = index_item(ix, folder->prefix_len)).len)
		return false;  /* an empty folder or file name: "/a", "a//b", "a/" */
	int cmp = !has_item ? 1 : !te ? -1 : compare_names(item, head);
	bool ok = true;
	if (cmp > 0)
		ix->deleted = true;
	else if (item.folder)
		ok = compare_subfolder(ix, folder, walk, item, cmp == 0 ? te : NULL);
	else
		ok = compare_file(ix, cmp == 0 ? te : NULL);
	if (cmp >= 0) {
		walk->previous = head;
		walk->t++;
	}
	return ok;
}

/* A valid cache-tree node says how many entries the folder has. */
static bool skip_folder(cl_index *ix, const ix_folder *folder)
{
	for (long i = 0; i < ix->nodes[folder->node].entries; i++)
		if (!in_folder(ix, folder->prefix_len) || !advance(ix))
			return false;
	return !in_folder(ix, folder->prefix_len);
}

/* A folder whose valid cache-tree id equals HEAD's has nothing staged:
 * its tree is not read, as git does. */
static bool compare_folder(cl_index *ix, const ix_folder *folder)
{
	git_tree *tree = NULL;
	if (folder->depth > MAX_DEPTH)
		return false;
	if (folder->tree_id && node_matches(ix, folder->node, folder->tree_id))
		return skip_folder(ix, folder);
	if (folder->tree_id && git_tree_lookup(&tree, ix->repo, folder->tree_id) < 0)
		return false;
	folder_walk walk = { 0, folder->node == NO_NODE ? NO_NODE : folder->node + 1, { NULL, 0, false } };
	size_t ntree = tree ? git_tree_entrycount(tree) : 0;
	bool ok = true;
	while (ok && (in_folder(ix, folder->prefix_len) || walk.t < ntree))
		ok = compare_next(ix, folder, tree, &walk) && !must_fall_back(ix);
	git_tree_free(tree);
	return ok;
}

/* ---- the entry point ----------------------------------------------------- */

/* Without a cache-tree every tree of HEAD would be read, which is what
 * libgit2 does: then it may as well do it. Before the first commit there
 * is nothing to compare, and no need for one. */
static bool compare_root(cl_index *ix, const git_tree *head)
{
	if (head && ix->nnodes == 0)
		return false;
	CL_GROW(ix->folder, ix->folder_cap, 1);
	ix_folder root = { 0, ix->nnodes ? 0 : NO_NODE, head ? git_tree_id(head) : NULL, 0 };
	return compare_folder(ix, &root) && !must_fall_back(ix) && !ix->has_entry &&
	       ix->read == ix->nentries && ix->at.at == ix->entries_end;
}

int cl_index_staged(cl_index **out, const char *path, git_repository *repo, const git_tree *head)
{
	cl_index *ix = cl_calloc(1, sizeof(*ix));
	ix->repo = repo;
	*out = NULL;
	if (!read_index(ix, path) || !compare_root(ix, head)) {
		cl_index_free(ix);
		git_error_clear();
		return CL_INDEX_NOT_HANDLED;
	}
	for (size_t i = 0; i < ix->nchanges; i++)
		ix->changes[i].path = ix->paths + ix->path_at[i];
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
	free(index->path);
	free(index->folder);
	free(index->nodes);
	free(index->changes);
	free(index->paths);
	free(index->path_at);
	free(index);
}
