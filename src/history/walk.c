/* The one walk over history: see walk.h. Each commit is compared with its
 * first parent by hand, tree against tree, descending only into subtrees
 * whose ids differ, so a commit that changes one file costs a few tree
 * reads however large the site. Merges are skipped: the commits they bring
 * in are walked themselves. */
#include "walk.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"

/* A path added or deleted by one commit, matched afterwards into renames. */
typedef struct {
	char *path;
	git_oid blob;
	bool matched;
} hist_event;

typedef struct {
	hist_walk *walk;
	const git_oid *commit;
	uint32_t ordinal;
	bool ignored;            /* the message holds the keyword */
	bool focused;            /* only the focus paths' trees are read */
	bool focus_added;        /* a focus path was added: look for where from */
	hist_event *adds, *dels;
	size_t nadds, ndels, capadds, capdels;
	int error;
} hist_commit;

void hist_walk_init(hist_walk *walk, git_repository *repo, const char *keyword)
{
	memset(walk, 0, sizeof(*walk));
	walk->repo = repo;
	walk->keyword = cl_strdup(keyword);
}

void hist_walk_dispose(hist_walk *walk)
{
	for (size_t i = 0; i < walk->npaths; i++) {
		free(walk->paths[i].path);
		free(walk->paths[i].changes);
	}
	free(walk->paths);
	cl_keyset_dispose(&walk->index);
	cl_keyset_dispose(&walk->bases);
	for (size_t i = 0; i < walk->nfocus; i++)
		free(walk->focus[i]);
	free(walk->focus);
	git_revwalk_free(walk->revwalk);
	free(walk->keyword);
}

static uint32_t path_index(hist_walk *walk, const char *path)
{
	size_t existing;
	if (cl_keyset_put(&walk->index, path, strlen(path), walk->npaths, &existing))
		return (uint32_t)existing;
	CL_GROW(walk->paths, walk->cap, walk->npaths + 1);
	hist_path *p = &walk->paths[walk->npaths];
	memset(p, 0, sizeof(*p));
	p->path = cl_strdup(path);
	p->renamed_from = HIST_NONE;
	return (uint32_t)walk->npaths++;
}

const hist_path *hist_walk_path(const hist_walk *walk, const char *path)
{
	size_t index;
	return cl_keyset_get(&walk->index, path, strlen(path), &index) ? &walk->paths[index] : NULL;
}

const hist_path *hist_walk_at(const hist_walk *walk, uint32_t index)
{
	return index < walk->npaths ? &walk->paths[index] : NULL;
}

static void record_change(hist_commit *c, const char *path)
{
	if (c->ignored)
		return;
	uint32_t index = path_index(c->walk, path);  /* may move paths */
	hist_path *p = &c->walk->paths[index];
	/* A commit that both deletes and re-adds a path records it once. */
	if (p->count && p->changes[p->count - 1].ordinal == c->ordinal)
		return;
	CL_GROW(p->changes, p->cap, p->count + 1);
	p->changes[p->count++] = (hist_change){ *c->commit, c->ordinal };
}

static void add_focus(hist_walk *walk, const char *path)
{
	CL_GROW(walk->focus, walk->capfocus, walk->nfocus + 1);
	walk->focus[walk->nfocus++] = cl_strdup(path);
}

void hist_walk_focus(hist_walk *walk, const char *const *paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add_focus(walk, paths[i]);
}

/* Is path (a file, or a folder when folder) on the way to a focus path? */
static bool in_focus(const hist_walk *walk, const char *path, size_t len, bool folder)
{
	if (!walk->nfocus)
		return true;
	for (size_t i = 0; i < walk->nfocus; i++) {
		const char *f = walk->focus[i];
		if (!strncmp(f, path, len) && (folder ? f[len] == '/' : f[len] == '\0'))
			return true;
	}
	return false;
}

static void record_rename(hist_commit *c, const char *to, const char *from)
{
	uint32_t from_index = path_index(c->walk, from), to_index = path_index(c->walk, to);
	hist_path *p = &c->walk->paths[to_index];
	/* Newest first: the first rename met is the one that made this path. */
	if (p->renamed_from == HIST_NONE) {
		p->renamed_from = from_index;
		p->renamed_at = c->ordinal;
		if (c->walk->nfocus && in_focus(c->walk, to, strlen(to), false) &&
		    !in_focus(c->walk, from, strlen(from), false))
			add_focus(c->walk, from);  /* its older history is under that name */
	}
}

static void add_event(hist_event **events, size_t *n, size_t *cap, const char *path, const git_oid *blob)
{
	CL_GROW(*events, *cap, *n + 1);
	(*events)[(*n)++] = (hist_event){ cl_strdup(path), *blob, false };
}

/* ---- tree against tree ------------------------------------------------- */

static void compare_trees(hist_commit *c, git_tree *old, git_tree *new, cl_buf *prefix);

static git_tree *subtree(hist_commit *c, const git_tree_entry *entry)
{
	git_tree *tree = NULL;
	if (entry && git_tree_entry_type(entry) == GIT_OBJECT_TREE &&
	    git_tree_lookup(&tree, c->walk->repo, git_tree_entry_id(entry)) < 0)
		c->error = -1;
	return tree;
}

static bool is_file(const git_tree_entry *entry)
{
	return entry && git_tree_entry_type(entry) == GIT_OBJECT_BLOB;
}

/* One name present in old, new or both. */
static void compare_entry(hist_commit *c, const git_tree_entry *old, const git_tree_entry *new, cl_buf *prefix)
{
	if (old && new && git_tree_entry_filemode(old) == git_tree_entry_filemode(new) &&
	    git_oid_equal(git_tree_entry_id(old), git_tree_entry_id(new)))
		return;
	size_t mark = prefix->size;
	cl_buf_puts(prefix, git_tree_entry_name(old ? old : new));
	bool file = is_file(old) || is_file(new);
	if (c->focused && !in_focus(c->walk, prefix->ptr, prefix->size, !file)) {
		prefix->size = mark;
		prefix->ptr[mark] = '\0';
		return;
	}
	c->focus_added |= c->focused && is_file(new) && !is_file(old);
	if (is_file(old) && is_file(new))
		record_change(c, prefix->ptr);
	else if (is_file(new))
		add_event(&c->adds, &c->nadds, &c->capadds, prefix->ptr, git_tree_entry_id(new));
	else if (is_file(old))
		add_event(&c->dels, &c->ndels, &c->capdels, prefix->ptr, git_tree_entry_id(old));
	git_tree *old_tree = subtree(c, old), *new_tree = subtree(c, new);
	if (old_tree || new_tree) {
		cl_buf_putc(prefix, '/');
		compare_trees(c, old_tree, new_tree, prefix);
	}
	git_tree_free(old_tree);
	git_tree_free(new_tree);
	prefix->size = mark;
	prefix->ptr[mark] = '\0';
}

static void compare_trees(hist_commit *c, git_tree *old, git_tree *new, cl_buf *prefix)
{
	size_t nnew = new ? git_tree_entrycount(new) : 0, nold = old ? git_tree_entrycount(old) : 0;
	for (size_t i = 0; i < nnew && !c->error; i++) {
		const git_tree_entry *n = git_tree_entry_byindex(new, i);
		const git_tree_entry *o = old ? git_tree_entry_byname(old, git_tree_entry_name(n)) : NULL;
		compare_entry(c, o, n, prefix);
	}
	for (size_t i = 0; i < nold && !c->error; i++) {
		const git_tree_entry *o = git_tree_entry_byindex(old, i);
		if (!new || !git_tree_entry_byname(new, git_tree_entry_name(o)))
			compare_entry(c, o, NULL, prefix);
	}
}

/* ---- one commit -------------------------------------------------------- */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* An added path whose blob a deleted path had is a pure rename (no content
 * change); failing that, one with the deleted path's file name is a move
 * with edits (a content change, and the history carries on under the old
 * name). */
static void match_renames(hist_commit *c)
{
	for (size_t pass = 0; pass < 2; pass++) {
		for (size_t a = 0; a < c->nadds; a++) {
			for (size_t d = 0; d < c->ndels && !c->adds[a].matched; d++) {
				hist_event *add = &c->adds[a], *del = &c->dels[d];
				if (del->matched || (pass == 0 ? !git_oid_equal(&add->blob, &del->blob) :
						     strcmp(base_name(add->path), base_name(del->path))))
					continue;
				add->matched = del->matched = true;
				record_rename(c, add->path, del->path);
				if (pass == 1)
					record_change(c, add->path);
			}
		}
	}
	for (size_t a = 0; a < c->nadds; a++)
		if (!c->adds[a].matched)
			record_change(c, c->adds[a].path);
}

static void dispose_events(hist_commit *c)
{
	for (size_t i = 0; i < c->nadds; i++)
		free(c->adds[i].path);
	for (size_t i = 0; i < c->ndels; i++)
		free(c->dels[i].path);
	free(c->adds);
	free(c->dels);
}

static void compare_commit(hist_commit *c, git_tree *old, git_tree *tree)
{
	cl_buf prefix = CL_BUF_INIT;
	cl_buf_puts(&prefix, "");
	compare_trees(c, old, tree, &prefix);
	cl_buf_dispose(&prefix);
}

/* Returns 0, 1 when the parent is missing (a shallow clone's edge), or -1. */
static int parent_tree(git_tree **out, git_commit *commit)
{
	git_commit *parent = NULL;
	*out = NULL;
	if (git_commit_parentcount(commit) == 0)
		return 0;
	int error = git_commit_parent(&parent, commit, 0);
	if (error == GIT_ENOTFOUND)
		return 1;
	if (error == 0)
		error = git_commit_tree(out, parent);
	git_commit_free(parent);
	return error < 0 ? -1 : 0;
}

static int walk_commit(hist_walk *walk, const git_oid *id)
{
	git_commit *commit = NULL;
	git_tree *tree = NULL, *old = NULL;
	hist_commit c = { .walk = walk, .commit = id, .ordinal = walk->next++ };
	walk->last = *id;
	if (walk->want && git_oid_equal(id, &walk->wanted)) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof(hex), id);
		cl_keyset_put(&walk->bases, hex, GIT_OID_HEXSZ, c.ordinal, NULL);
	}
	int error = git_commit_lookup(&commit, walk->repo, id);
	if (error < 0 || git_commit_parentcount(commit) > 1)
		goto done;
	const char *message = git_commit_message(commit);
	c.ignored = *walk->keyword && message && strstr(message, walk->keyword);
	if ((error = parent_tree(&old, commit)) != 0 || (error = git_commit_tree(&tree, commit)) < 0)
		goto done;
	c.focused = walk->nfocus > 0;
	compare_commit(&c, old, tree);
	if (c.focus_added && !c.error) {
		/* A followed path appeared: where from may lie outside the focus. */
		dispose_events(&c);
		c = (hist_commit){ .walk = walk, .commit = id, .ordinal = c.ordinal, .ignored = c.ignored };
		compare_commit(&c, old, tree);
	}
	if (!(error = c.error))
		match_renames(&c);
done:
	dispose_events(&c);
	git_tree_free(old);
	git_tree_free(tree);
	git_commit_free(commit);
	return error;
}

static int start(hist_walk *walk)
{
	walk->started = true;
	if (git_repository_head_unborn(walk->repo) == 1) {
		walk->done = true;
		return 0;
	}
	if (git_revwalk_new(&walk->revwalk, walk->repo) < 0 ||
	    git_revwalk_sorting(walk->revwalk, GIT_SORT_NONE) < 0 || git_revwalk_push_head(walk->revwalk) < 0)
		return -1;
	return 0;
}

static int stop(hist_walk *walk, int error)
{
	walk->done = true;
	git_revwalk_free(walk->revwalk);
	walk->revwalk = NULL;
	if (error < 0)
		walk->error = error;
	return error < 0 ? -1 : 0;
}

int hist_walk_step(hist_walk *walk, size_t n)
{
	if (!walk->started && start(walk) < 0)
		return stop(walk, -1);
	git_oid id;
	for (size_t i = 0; i < n && !walk->done; i++) {
		int error = git_revwalk_next(&id, walk->revwalk);
		if (error == GIT_ITEROVER)
			return stop(walk, 0);
		if (error == 0)
			error = walk_commit(walk, &id);
		if (error == GIT_ENOTFOUND || error == 1) {
			/* A commit or parent that is not here: the edge of a
			 * shallow clone. What lies beyond is unknown. */
			walk->truncated = true;
			git_error_clear();
			return stop(walk, 0);
		}
		if (error < 0)
			return stop(walk, error);
	}
	return 0;
}
