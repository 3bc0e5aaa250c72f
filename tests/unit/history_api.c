/* src/history/ on real repositories built with libgit2: how far a
 * translation is behind its source, and by what. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git_fixture.h"
#include "helpers.h"
#include "history/history.h"

static cl_history *open_history(const fx_repo *r)
{
	cl_history *h = NULL;
	char *error = NULL;
	cr_assert_eq(cl_history_open(&h, r->dir, NULL, &error), 0, "%s", error ? error : "");
	return h;
}

static cl_staleness ask(const fx_repo *r, const char *source, const char *translation, const char *base)
{
	cl_history *h = open_history(r);
	cl_staleness s;
	cr_assert_eq(cl_history_staleness(h, source, translation, base, &s), 0, "%s", s.error ? s.error : "");
	cl_history_free(h);
	return s;
}

static char *hex(git_oid id, size_t n)
{
	char *out = calloc(1, 41);
	git_oid_tostr(out, 41, &id);
	out[n] = '\0';
	return out;
}

static const char source_v1[] = "# Title\n\nFirst paragraph.\n\n## Install\n\nRun it.\n";
static const char source_v2[] = "# Title\n\nFirst paragraph.\n\n## Install\n\nRun it twice.\nThen rest.\n";

/* en/a.md and fr/a.md together, then the source alone. */
static fx_repo source_edited_after(git_oid *first)
{
	fx_repo r = fx_init();
	fx_stage(&r, "en/a.md", source_v1);
	fx_stage(&r, "fr/a.md", "# Titre\n\nPremier paragraphe.\n\n## Installer\n\nLancez-le.\n");
	*first = fx_commit(&r, "Add a");
	fx_stage(&r, "en/a.md", source_v2);
	fx_commit(&r, "Run it twice\n\nBody of the message.");
	return r;
}

Test(history_api, source_edited_after_its_translation)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", NULL);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_eq(s.origin, CL_BASE_HISTORY);
	char *id = hex(first, 40);
	cr_assert_str_eq(s.base.id, id);
	cr_assert_str_eq(s.base.subject, "Add a");
	cr_assert_eq(s.base.time, 1700000000);
	cr_assert_eq(s.behind, 1);
	cr_assert_eq(s.commit_count, 1);
	cr_assert_str_eq(s.commits[0].subject, "Run it twice");
	cr_assert_eq(s.lines_added, 2);
	cr_assert_eq(s.lines_removed, 1);
	cr_assert_eq(s.changed_count, 1);
	cr_assert_eq(s.changed[0].first, 7);
	cr_assert_eq(s.changed[0].last, 8);
	cl_staleness_dispose(&s);
	free(id);
	fx_free(&r);
}

Test(history_api, translation_updated_after_its_source)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	fx_stage(&r, "fr/a.md", "# Titre\n\nPremier paragraphe.\n\n## Installer\n\nLancez-le deux fois.\n");
	fx_commit(&r, "fr: run it twice");
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", NULL);
	cr_assert_eq(s.state, CL_STALE_FRESH);
	cr_assert_str_eq(s.base.subject, "fr: run it twice");
	cr_assert_eq(s.behind, 0);
	cr_assert_eq(s.changed_count, 0);
	cl_staleness_dispose(&s);
	fx_free(&r);
}

Test(history_api, many_commits_listed_up_to_the_limit)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	for (int i = 0; i < 7; i++) {
		char text[128], message[32];
		snprintf(text, sizeof(text), "%s\nLine %d.\n", source_v2, i);
		snprintf(message, sizeof(message), "edit %d", i);
		fx_stage(&r, "en/a.md", text);
		fx_commit(&r, message);
	}
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", NULL);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_eq(s.behind, 8, "%zu %s", s.behind, s.base.subject);
	cr_assert_eq(s.commit_count, 5);
	cr_assert_str_eq(s.commits[0].subject, "edit 6");
	cr_assert_str_eq(s.commits[4].subject, "edit 2");
	cl_staleness_dispose(&s);
	fx_free(&r);
}

Test(history_api, front_matter_commit_fresh_and_stale)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	git_oid second;
	cr_assert_eq(git_reference_name_to_id(&second, r.repo, "HEAD"), 0);
	/* The translation was touched later, but its front matter says which
	 * source it follows: that wins. */
	fx_stage(&r, "fr/a.md", "---\ndefault_lang_commit: x\n---\n# Titre\n");
	fx_commit(&r, "fr: typo");
	char *full = hex(second, 40), *abbreviated = hex(first, 7);
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", full);
	cr_assert_eq(s.state, CL_STALE_FRESH);
	cr_assert_eq(s.origin, CL_BASE_FRONT_MATTER);
	cr_assert_str_eq(s.base.id, full);
	cl_staleness_dispose(&s);
	s = ask(&r, "en/a.md", "fr/a.md", abbreviated);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_eq(s.origin, CL_BASE_FRONT_MATTER);
	cr_assert_str_eq(s.base.subject, "Add a");
	cr_assert_eq(s.behind, 1);
	cr_assert_str_eq(s.commits[0].subject, "Run it twice");
	cr_assert_eq(s.changed[0].first, 7);
	cl_staleness_dispose(&s);
	free(full);
	free(abbreviated);
	fx_free(&r);
}

Test(history_api, front_matter_commit_unknown_or_off_the_branch)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", "0123456789abcdef");
	cr_assert_eq(s.state, CL_STALE_ERROR);
	cr_assert_str_eq(s.error, "the source commit '0123456789abcdef' in front matter is not in this repository. "
			 "Fetch the whole history: in GitHub Actions set `fetch-depth: 0` on actions/checkout, "
			 "in GitLab CI set GIT_DEPTH: 0, or run `git fetch --unshallow`");
	cl_staleness_dispose(&s);
	s = ask(&r, "en/a.md", "fr/a.md", "not-a-commit");
	cr_assert_eq(s.state, CL_STALE_ERROR);
	cr_assert_str_eq(s.error, "the source commit 'not-a-commit' in front matter is not a commit id "
			 "(4 to 40 hexadecimal digits)");
	cl_staleness_dispose(&s);
	fx_branch(&r, "other");
	fx_stage(&r, "en/a.md", "# Elsewhere\n");
	char *side = hex(fx_commit(&r, "on another branch"), 12);
	fx_checkout(&r, "main");
	s = ask(&r, "en/a.md", "fr/a.md", side);
	cr_assert_eq(s.state, CL_STALE_ERROR);
	cr_assert(strstr(s.error, "is not an ancestor of HEAD") != NULL, "%s", s.error);
	cr_assert(strstr(s.error, "fetch-depth: 0") != NULL, "%s", s.error);
	cl_staleness_dispose(&s);
	free(side);
	fx_free(&r);
}

Test(history_api, ignored_mass_reformat)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	/* A reformat of every page, translations too, does not make the
	 * translation up to date... */
	fx_stage(&r, "en/a.md", "# Title\n\nFirst  paragraph.\n\n## Install\n\nRun it twice.\nThen rest.\n");
	fx_stage(&r, "fr/a.md", "# Titre\n\nPremier  paragraphe.\n\n## Installer\n\nLancez-le.\n");
	fx_commit(&r, "Reformat everything [i18n-ignore]");
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", NULL);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_str_eq(s.base.subject, "Add a");
	cr_assert_eq(s.behind, 1);
	cr_assert_str_eq(s.commits[0].subject, "Run it twice");
	cl_staleness_dispose(&s);
	/* ...and a reformat of the source alone does not make it stale. */
	fx_stage(&r, "fr/a.md", "# Titre\n\nPremier paragraphe.\n\n## Installer\n\nDeux fois.\n");
	fx_commit(&r, "fr: catch up");
	fx_stage(&r, "en/a.md", source_v2);
	fx_commit(&r, "Undo the spaces [i18n-ignore]");
	s = ask(&r, "en/a.md", "fr/a.md", NULL);
	cr_assert_eq(s.state, CL_STALE_FRESH);
	cr_assert_eq(s.behind, 0);
	cl_staleness_dispose(&s);
	fx_free(&r);
}

Test(history_api, rename_of_the_source)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	/* Pure renames of both: not content changes. */
	fx_remove(&r, "en/a.md");
	fx_remove(&r, "fr/a.md");
	fx_stage(&r, "en/b.md", source_v2);
	fx_stage(&r, "fr/b.md", "# Titre\n\nPremier paragraphe.\n\n## Installer\n\nLancez-le.\n");
	fx_commit(&r, "Rename a to b");
	cl_staleness s = ask(&r, "en/b.md", "fr/b.md", NULL);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_str_eq(s.base.subject, "Add a");
	cr_assert_eq(s.behind, 1);
	cr_assert_str_eq(s.commits[0].subject, "Run it twice");
	cr_assert_eq(s.changed_count, 1);
	cr_assert_eq(s.changed[0].first, 7);
	cl_staleness_dispose(&s);
	/* A move into a folder with an edit: a change, and followed. */
	fx_remove(&r, "en/b.md");
	fx_stage(&r, "en/guide/b.md", "# Title\n\nFirst paragraph.\n\n## Install\n\nRun it twice.\nThen rest.\nMore.\n");
	fx_commit(&r, "Move b into the guide");
	s = ask(&r, "en/guide/b.md", "fr/b.md", NULL);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_eq(s.behind, 2);
	cr_assert_str_eq(s.commits[0].subject, "Move b into the guide");
	cr_assert_str_eq(s.commits[1].subject, "Run it twice");
	cr_assert_eq(s.lines_added, 3);
	cl_staleness_dispose(&s);
	fx_free(&r);
}

Test(history_api, deleted_source_or_uncommitted_translation)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	fx_remove(&r, "en/a.md");
	fx_commit(&r, "Drop a");
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", NULL);
	cr_assert_eq(s.state, CL_STALE_UNKNOWN);
	cl_staleness_dispose(&s);
	fx_write(&r, "fr/new.md", "# Nouveau\n");
	s = ask(&r, "en/a.md", "fr/new.md", NULL);
	cr_assert_eq(s.state, CL_STALE_UNKNOWN);
	cl_staleness_dispose(&s);
	fx_free(&r);
}

static char *shallow_clone(const fx_repo *origin)
{
	char *dir = make_temp_dir(), command[4096];
	snprintf(command, sizeof(command), "git clone -q --depth 1 'file://%s' '%s/clone' 2>/dev/null", origin->dir, dir);
	cr_assert_eq(fx_sh(dir, command), 0, "%s", command);
	return dir;
}

Test(history_api, shallow_clone)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	char *dir = shallow_clone(&r), *clone = NULL, *error = NULL, *id = hex(first, 40);
	cr_assert(asprintf(&clone, "%s/clone", dir) > 0);
	cl_history *h = NULL;
	cr_assert_eq(cl_history_open(&h, clone, NULL, &error), 0, "%s", error ? error : "");
	cl_staleness s;
	cr_assert_eq(cl_history_staleness(h, "en/a.md", "fr/a.md", NULL, &s), 0);
	cr_assert_eq(s.state, CL_STALE_ERROR);
	cr_assert_str_eq(s.error, "fr/a.md: its last change is older than this repository's history (this is a "
			 "shallow clone). Fetch the whole history: in GitHub Actions set `fetch-depth: 0` on "
			 "actions/checkout, in GitLab CI set GIT_DEPTH: 0, or run `git fetch --unshallow`");
	cl_staleness_dispose(&s);
	cr_assert_eq(cl_history_staleness(h, "en/a.md", "fr/a.md", id, &s), 0);
	cr_assert_eq(s.state, CL_STALE_ERROR);
	cr_assert(strstr(s.error, "is not in this repository (this is a shallow clone). Fetch the whole history")
		  != NULL, "%s", s.error);
	cl_staleness_dispose(&s);
	cl_history_free(h);
	remove_tree(dir);
	free(dir);
	free(clone);
	free(id);
	fx_free(&r);
}

Test(history_api, outside_a_repository)
{
	char *dir = make_temp_dir(), *error = NULL;
	cl_history *h = (cl_history *)1;
	cr_assert_eq(cl_history_open(&h, dir, NULL, &error), -1);
	cr_assert_null(h);
	char *expected = NULL;
	cr_assert(asprintf(&expected, "%s is not in a git repository", dir) > 0);
	cr_assert_str_eq(error, expected);
	free(expected);
	free(error);
	remove_tree(dir);
	free(dir);
}

typedef struct {
	cl_history *h;
	int behind;
} thread_job;

static void *ask_in_thread(void *arg)
{
	thread_job *job = arg;
	cl_staleness s;
	if (cl_history_staleness(job->h, "en/a.md", "fr/a.md", NULL, &s) == 0)
		job->behind = (int)s.behind;
	cl_staleness_dispose(&s);
	return NULL;
}

Test(history_api, worker_threads_ask_at_once)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	cl_history *h = open_history(&r);
	pthread_t threads[4];
	thread_job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (thread_job){ h, -1 };
		pthread_create(&threads[i], NULL, ask_in_thread, &jobs[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(threads[i], NULL);
		cr_assert_eq(jobs[i].behind, 1);
	}
	cl_history_free(h);
	fx_free(&r);
}

Test(history_api, front_matter_keys)
{
	static const char yaml[] = "---\ntitle: x\nsource_commit: 'abc1234' # pinned\ndefault_lang_commit: "
				   "deadbeef\n---\nBody\n";
	char *id = cl_history_front_matter_commit(yaml, strlen(yaml), NULL);
	cr_assert_str_eq(id, "deadbeef");
	free(id);
	const char *const keys[] = { "source_commit", NULL };
	id = cl_history_front_matter_commit(yaml, strlen(yaml), keys);
	cr_assert_str_eq(id, "abc1234");
	free(id);
	static const char toml[] = "+++\ntitle = \"x\"\ndefault_lang_commit = \"0a1b2c3d\"\n+++\n";
	id = cl_history_front_matter_commit(toml, strlen(toml), NULL);
	cr_assert_str_eq(id, "0a1b2c3d");
	free(id);
	static const char body[] = "# Title\n\ndefault_lang_commit: abcdef0\n";
	cr_assert_null(cl_history_front_matter_commit(body, strlen(body), NULL));
	static const char after[] = "---\ntitle: x\n---\ndefault_lang_commit: abcdef0\n";
	cr_assert_null(cl_history_front_matter_commit(after, strlen(after), NULL));
	static const char nested[] = "---\nparams:\n  default_lang_commit: abcdef0\n---\n";
	cr_assert_null(cl_history_front_matter_commit(nested, strlen(nested), NULL));
}

/* A front-matter base the walk already went past (numbered by no one):
 * the source's changes are then sorted by ancestry. */
Test(history_api, front_matter_base_after_the_walk)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	fx_stage(&r, "en/other.md", "Other.\n");
	git_oid later = fx_commit(&r, "Other page");
	fx_stage(&r, "en/a.md", "# Title\n\nThird version.\n");
	fx_commit(&r, "Third version");
	cl_history *h = open_history(&r);
	cl_staleness s;
	cr_assert_eq(cl_history_staleness(h, "en/a.md", "fr/a.md", NULL, &s), 0);
	cr_assert_eq(s.behind, 2);
	cl_staleness_dispose(&s);
	char *base = hex(first, 10), *mid = hex(later, 40);
	cr_assert_eq(cl_history_staleness(h, "en/a.md", "fr/a.md", base, &s), 0);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_eq(s.behind, 2);
	cr_assert_str_eq(s.commits[0].subject, "Third version");
	cr_assert_str_eq(s.commits[1].subject, "Run it twice");
	cl_staleness_dispose(&s);
	cr_assert_eq(cl_history_staleness(h, "en/a.md", "fr/a.md", mid, &s), 0);
	cr_assert_eq(s.behind, 1);
	cr_assert_str_eq(s.commits[0].subject, "Third version");
	cl_staleness_dispose(&s);
	cl_history_free(h);
	free(base);
	free(mid);
	fx_free(&r);
}

/* Focused on a few paths, the walk reads only their trees, and still
 * follows the source's renames (whose old name is outside the focus). */
Test(history_api, focused_walk_follows_renames)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	fx_stage(&r, "en/unrelated.md", "Other.\n");
	fx_commit(&r, "Unrelated");
	fx_remove(&r, "en/a.md");
	fx_stage(&r, "en/guide/b.md", source_v2);
	fx_commit(&r, "Move a into the guide as b");
	cl_history *h = open_history(&r);
	const char *const focus[] = { "en/guide/b.md", "fr/a.md" };
	cl_history_focus(h, focus, 2);
	cl_staleness s;
	cr_assert_eq(cl_history_staleness(h, "en/guide/b.md", "fr/a.md", NULL, &s), 0);
	cr_assert_eq(s.state, CL_STALE_BEHIND);
	cr_assert_str_eq(s.base.subject, "Add a");
	cr_assert_eq(s.behind, 1);
	cr_assert_str_eq(s.commits[0].subject, "Run it twice");
	cr_assert_eq(s.changed_count, 1);
	cr_assert_eq(s.changed[0].first, 7);
	cl_staleness_dispose(&s);
	cl_history_free(h);
	fx_free(&r);
}

/* A base whose source equals HEAD's is current without a walk, but only
 * when it is HEAD's ancestor. */
Test(history_api, front_matter_base_with_the_same_source)
{
	git_oid first;
	fx_repo r = source_edited_after(&first);
	fx_stage(&r, "en/other.md", "Other.\n");
	char *ancestor = hex(fx_commit(&r, "Other page"), 40);
	fx_branch(&r, "side");
	fx_stage(&r, "en/side.md", "Side.\n");
	char *side = hex(fx_commit(&r, "Side page"), 40);
	fx_checkout(&r, "main");
	cl_staleness s = ask(&r, "en/a.md", "fr/a.md", ancestor);
	cr_assert_eq(s.state, CL_STALE_FRESH);
	cr_assert_str_eq(s.base.subject, "Other page");
	cl_staleness_dispose(&s);
	s = ask(&r, "en/a.md", "fr/a.md", side);
	cr_assert_eq(s.state, CL_STALE_ERROR);
	cr_assert(strstr(s.error, "is not an ancestor of HEAD") != NULL, "%s", s.error);
	cl_staleness_dispose(&s);
	free(ancestor);
	free(side);
	fx_free(&r);
}
