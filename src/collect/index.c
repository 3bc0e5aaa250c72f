/* The index fast path of --staged: git's index compared with HEAD's
 * tree, folder by folder, skipping the folders whose cache-tree id equals
 * HEAD's; see index.h for why. The file itself is read by index_read.c. */
#include "index_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "../util/alloc.h"

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
	return out->folder || cl_index_known_mode(mode);
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
	return ok && cl_index_advance(ix);
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
		if (!in_folder(ix, folder->prefix_len) || !cl_index_advance(ix))
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
	if (!cl_index_read_file(ix, path) || !compare_root(ix, head)) {
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
