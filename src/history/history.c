/* Staleness queries over the one walk (walk.c): the translation's base is
 * its front matter's commit or its own last content change; the source's
 * content changes after the base are the commits it is behind by, and the
 * source's blob at the base against HEAD gives the changed lines (diff.c).
 * One mutex guards the repository and the walk: queries from worker
 * threads take turns, and each walks only as far as its answer needs. */
#include "history.h"
#include "history_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

#define DEFAULT_KEYWORD "[i18n-ignore]"
#define DEFAULT_LIMIT 5
/* Commits walked between two looks at whether a query has its answer. */
#define WALK_CHUNK 256
/* Where a front-matter base stands when the walk numbered it not. */
#define HIST_PASSED (HIST_NONE - 1)
#define HIST_ELSEWHERE (HIST_NONE - 2)
/* The source is the same at the base as at HEAD: nothing to walk for. */
#define HIST_UNCHANGED (HIST_NONE - 3)

static char *working_tree(git_repository *repo)
{
	char resolved[PATH_MAX];
	const char *workdir = git_repository_workdir(repo);
	if (!workdir || !realpath(workdir, resolved))
		return NULL;
	return cl_sprintf("%s%s", resolved, strcmp(resolved, "/") ? "/" : "");
}

int cl_history_open(cl_history **out, const char *path, const cl_history_options *options, char **error)
{
	static const char *const extensions[] = { "partialclone" };
	git_repository *repo = NULL;
	*out = NULL;
	*error = NULL;
	git_libgit2_init();
	/* As collect/ does: a partial clone opens; absent blobs are errors later. */
	git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, (size_t)1);
	/* The walk reads the same folders' trees commit after commit: keep
	 * them in libgit2's cache (by default only trees under 4 KiB stay,
	 * which a folder of 100 pages is not). */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, (size_t)1 << 20);
	/* ...but bounded: the walk reads each commit once, and a cache that
	 * grows with the history would make memory grow with it. */
	git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)32 << 20);
	/* Each tree is read once per walk: hashing it again on every read is
	 * a sixth of the walk (git itself checks objects in fsck, not here). */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	if (git_repository_open_ext(&repo, path, 0, NULL) < 0) {
		*error = cl_sprintf("%s is not in a git repository", path);
		git_libgit2_shutdown();
		return -1;
	}
	char *workdir = working_tree(repo);
	if (!workdir) {
		*error = cl_sprintf("%s is in a bare repository (no working tree)", path);
		git_repository_free(repo);
		git_libgit2_shutdown();
		return -1;
	}
	cl_history *h = cl_calloc(1, sizeof(*h));
	h->repo = repo;
	h->workdir = workdir;
	h->limit = options && options->commit_limit ? options->commit_limit : DEFAULT_LIMIT;
	pthread_mutex_init(&h->lock, NULL);
	hist_walk_init(&h->walk, repo, options && options->ignore_keyword ? options->ignore_keyword : DEFAULT_KEYWORD);
	*out = h;
	return 0;
}

void cl_history_free(cl_history *history)
{
	if (!history)
		return;
	git_tree_free(history->head_tree);
	hist_walk_dispose(&history->walk);
	pthread_mutex_destroy(&history->lock);
	free(history->workdir);
	git_repository_free(history->repo);
	free(history);
	git_libgit2_shutdown();
}

void cl_history_focus(cl_history *history, const char *const *paths, size_t count)
{
	pthread_mutex_lock(&history->lock);
	if (!history->walk.started)
		hist_walk_focus(&history->walk, paths, count);
	pthread_mutex_unlock(&history->lock);
}

const char *cl_history_workdir(const cl_history *history)
{
	return history->workdir;
}

void cl_staleness_dispose(cl_staleness *staleness)
{
	if (!staleness)
		return;
	free(staleness->base.subject);
	for (size_t i = 0; i < staleness->commit_count; i++)
		free(staleness->commits[i].subject);
	free(staleness->commits);
	free(staleness->changed);
	free(staleness->error);
	memset(staleness, 0, sizeof(*staleness));
}

int hist_head(cl_history *h)
{
	git_commit *commit = NULL;
	if (h->head_read)
		return 0;
	h->head_read = true;
	if (git_repository_head_unborn(h->repo) == 1)
		return 0;
	if (git_reference_name_to_id(&h->head, h->repo, "HEAD") < 0 || git_commit_lookup(&commit, h->repo, &h->head) < 0 ||
	    git_commit_tree(&h->head_tree, commit) < 0) {
		git_commit_free(commit);
		return -1;
	}
	git_commit_free(commit);
	h->has_head = true;
	return 0;
}

/* ---- lineages: a path and the paths it was renamed from ---------------- */

void hist_lineage_build(hist_lineage *out, const hist_walk *walk, const char *path)
{
	memset(out, 0, sizeof(*out));
	const hist_path *p = hist_walk_path(walk, path);
	uint32_t newest = 0;
	while (p && out->count < HIST_LINEAGE_MAX) {
		hist_segment *s = &out->segments[out->count++];
		s->path = p;
		s->newest = newest;
		s->oldest = p->renamed_from == HIST_NONE ? HIST_NONE : p->renamed_at;
		if (p->renamed_from == HIST_NONE)
			break;
		newest = p->renamed_at + 1;
		p = hist_walk_at(walk, p->renamed_from);
	}
}

/* The i-th content change of the lineage, newest first; NULL past the end. */
const hist_change *hist_lineage_change(const hist_lineage *lineage, size_t i)
{
	for (size_t s = 0; s < lineage->count; s++) {
		const hist_segment *seg = &lineage->segments[s];
		for (size_t c = 0; c < seg->path->count; c++) {
			const hist_change *change = &seg->path->changes[c];
			if (change->ordinal < seg->newest || change->ordinal > seg->oldest)
				continue;
			if (i-- == 0)
				return change;
		}
	}
	return NULL;
}

/* ---- the base ---------------------------------------------------------- */

static void fill_commit(cl_history_commit *out, git_repository *repo, const git_oid *id)
{
	git_commit *commit = NULL;
	git_oid_tostr(out->id, sizeof(out->id), id);
	if (git_commit_lookup(&commit, repo, id) < 0) {
		out->subject = cl_strdup("");
		return;
	}
	const char *message = git_commit_message(commit);
	message = message ? message : "";
	out->subject = cl_strndup(message, strcspn(message, "\r\n"));
	out->time = (int64_t)git_commit_time(commit);
	git_commit_free(commit);
}

static int fail(cl_staleness *out, const char *what)
{
	const git_error *e = git_error_last();
	out->error = cl_sprintf("%s: %s", what, e && e->message ? e->message : "unknown libgit2 error");
	return -1;
}

static int stale_error(cl_staleness *out, char *message)
{
	out->state = CL_STALE_ERROR;
	out->error = message;
	return 0;
}

static const char fetch_advice[] =
	"Fetch the whole history: in GitHub Actions set `fetch-depth: 0` on actions/checkout, in GitLab CI "
	"set GIT_DEPTH: 0, or run `git fetch --unshallow`";

/* The translation's own last content change, walking as far as needed. */
static int history_base(cl_history *h, const char *translation, cl_staleness *out, uint32_t *ordinal)
{
	for (;;) {
		hist_lineage lineage;
		hist_lineage_build(&lineage, &h->walk, translation);
		const hist_change *change = hist_lineage_change(&lineage, 0);
		if (change) {
			*ordinal = change->ordinal;
			out->origin = CL_BASE_HISTORY;
			fill_commit(&out->base, h->repo, &change->id);
			return 1;
		}
		if (h->walk.done)
			break;
		if (hist_walk_step(&h->walk, WALK_CHUNK) < 0)
			return fail(out, "cannot walk the history");
	}
	if (h->walk.error)
		return fail(out, "cannot walk the history");
	if (h->walk.truncated)
		return stale_error(out, cl_sprintf("%s: its last change is older than this repository's history "
						   "(this is a shallow clone). %s", translation, fetch_advice));
	out->state = CL_STALE_UNKNOWN;
	return 0;
}

static bool is_hex(const char *s)
{
	size_t n = strspn(s, "0123456789abcdefABCDEF");
	return n >= 4 && n <= GIT_OID_HEXSZ && s[n] == '\0';
}

static bool base_ordinal(const cl_history *h, const git_oid *base, uint32_t *ordinal)
{
	char hex[GIT_OID_HEXSZ + 1];
	size_t value;
	git_oid_tostr(hex, sizeof(hex), base);
	if (!cl_keyset_get(&h->walk.bases, hex, GIT_OID_HEXSZ, &value))
		return false;
	*ordinal = (uint32_t)value;
	return true;
}

/* The walk has gone past base: base is not the last commit walked's
 * ancestor (the walk goes from descendants to ancestors). */
static bool walked_past(cl_history *h, const git_oid *base)
{
	if (!h->walk.next)
		return false;
	return git_oid_equal(&h->walk.last, base) || git_graph_descendant_of(h->repo, &h->walk.last, base) != 1;
}

/* Where a front-matter base stands: its ordinal, walking on to it when
 * the walk has not reached it yet (meeting it proves it is HEAD's
 * ancestor, without asking the graph); HIST_PASSED when the walk went
 * past it before anyone asked; HIST_ELSEWHERE when it is not HEAD's
 * ancestor. Returns 0 or -1. */
static int locate(cl_history *h, const git_oid *base, uint32_t *ordinal)
{
	if (base_ordinal(h, base, ordinal))
		return 0;
	if (walked_past(h, base)) {
		bool ancestor = git_oid_equal(&h->head, base) || git_graph_descendant_of(h->repo, &h->head, base) == 1;
		*ordinal = ancestor ? HIST_PASSED : HIST_ELSEWHERE;
		return 0;
	}
	h->walk.wanted = *base;
	h->walk.want = true;
	while (!h->walk.done && !base_ordinal(h, base, ordinal))
		if (hist_walk_step(&h->walk, WALK_CHUNK) < 0)
			break;
	h->walk.want = false;
	if (h->walk.error)
		return -1;
	if (!base_ordinal(h, base, ordinal))
		*ordinal = HIST_ELSEWHERE;
	return 0;
}

/* The commit the front matter names: in the repository and an ancestor of
 * HEAD, or a CL_STALE_ERROR saying what to do. Returns 1 when found. */
static const char not_ancestor[] = "the source commit '%s' in front matter is not an ancestor of HEAD (another "
				   "branch, or rewritten history)%s. Name a commit of this branch's history. %s";

/* The source's blob is the same at base as at HEAD (under the same name):
 * the translation is current whatever happened between, and when base is
 * HEAD's ancestor no walk is needed (a translator who just set the id). */
static bool unchanged_since(cl_history *h, const char *source, const git_oid *base)
{
	hist_diff plan;
	if (hist_diff_plan(h, source, base, &plan) < 0 || !plan.has_now || !plan.has_then ||
	    !git_oid_equal(&plan.now, &plan.then))
		return false;
	return git_oid_equal(&h->head, base) || git_graph_descendant_of(h->repo, &h->head, base) == 1;
}

static int front_matter_base(cl_history *h, const char *id, const char *source, cl_staleness *out, git_oid *base,
			     uint32_t *ordinal)
{
	git_commit *commit = NULL;
	git_oid prefix;
	out->origin = CL_BASE_FRONT_MATTER;
	if (!is_hex(id))
		return stale_error(out, cl_sprintf("the source commit '%s' in front matter is not a commit id "
						   "(4 to 40 hexadecimal digits)", id));
	git_oid_fromstrn(&prefix, id, strlen(id));
	int error = git_commit_lookup_prefix(&commit, h->repo, &prefix, strlen(id));
	if (error == GIT_EAMBIGUOUS)
		return stale_error(out, cl_sprintf("the source commit '%s' in front matter is ambiguous: give "
						   "more of its digits", id));
	if (error == GIT_ENOTFOUND)
		return stale_error(out, cl_sprintf("the source commit '%s' in front matter is not in this "
						   "repository%s. %s", id, git_repository_is_shallow(h->repo) == 1 ?
						   " (this is a shallow clone)" : "", fetch_advice));
	if (error < 0)
		return fail(out, "cannot read the front matter's commit");
	*base = *git_commit_id(commit);
	fill_commit(&out->base, h->repo, base);
	git_commit_free(commit);
	if (hist_head(h) < 0 || !h->has_head)
		return fail(out, "cannot read HEAD");
	if (unchanged_since(h, source, base)) {
		*ordinal = HIST_UNCHANGED;
		return 1;
	}
	if (locate(h, base, ordinal) < 0)
		return fail(out, "cannot walk the history");
	if (*ordinal == HIST_ELSEWHERE)
		return stale_error(out, cl_sprintf(not_ancestor, id, git_repository_is_shallow(h->repo) == 1 ?
						   " or beyond this shallow clone's history" : "", fetch_advice));
	return 1;
}

/* ---- the source's commits since the base -------------------------------- */

static void list_commit(cl_history *h, cl_staleness *out, const git_oid *id)
{
	out->behind++;
	if (out->commit_count >= h->limit)
		return;
	if (!out->commits)
		out->commits = cl_calloc(h->limit, sizeof(*out->commits));
	fill_commit(&out->commits[out->commit_count++], h->repo, id);
}

static void commits_since_ordinal(cl_history *h, const char *source, uint32_t base, cl_staleness *out)
{
	hist_lineage lineage;
	hist_lineage_build(&lineage, &h->walk, source);
	const hist_change *c;
	for (size_t i = 0; (c = hist_lineage_change(&lineage, i)) && c->ordinal < base; i++)
		list_commit(h, out, &c->id);
}

/* The source's changes after a base the walk passed before anyone asked
 * for it: its descendants, newest first, up to the first that it descends
 * from. */
static void commits_since_commit(cl_history *h, const char *source, const git_oid *base, cl_staleness *out)
{
	hist_lineage lineage;
	hist_lineage_build(&lineage, &h->walk, source);
	const hist_change *c;
	for (size_t i = 0; (c = hist_lineage_change(&lineage, i)); i++) {
		if (git_oid_equal(&c->id, base) || git_graph_descendant_of(h->repo, base, &c->id) == 1)
			break;
		if (git_graph_descendant_of(h->repo, &c->id, base) == 1)
			list_commit(h, out, &c->id);
	}
}

/* Returns 1 when the diff is still to run (plan set). */
static int staleness_locked(cl_history *h, const char *source, const char *translation, const char *base_commit,
			    cl_staleness *out, hist_diff *plan)
{
	git_oid base;
	uint32_t ordinal = HIST_NONE;
	int found = base_commit ? front_matter_base(h, base_commit, source, out, &base, &ordinal) :
		    history_base(h, translation, out, &ordinal);
	if (found <= 0)
		return found;
	if (!base_commit)
		git_oid_fromstr(&base, out->base.id);
	if (ordinal == HIST_PASSED)
		commits_since_commit(h, source, &base, out);
	else if (ordinal != HIST_UNCHANGED)
		commits_since_ordinal(h, source, ordinal, out);
	if (hist_diff_plan(h, source, &base, plan) < 0)
		return fail(out, "cannot read HEAD");
	return 1;
}

int cl_history_staleness(cl_history *history, const char *source_path, const char *translation_path,
			 const char *base_commit, cl_staleness *out)
{
	hist_diff plan;
	memset(out, 0, sizeof(*out));
	pthread_mutex_lock(&history->lock);
	int found = staleness_locked(history, source_path, translation_path, base_commit, out, &plan);
	pthread_mutex_unlock(&history->lock);
	return found <= 0 ? found : hist_diff_run(history->repo, &plan, source_path, out);
}
