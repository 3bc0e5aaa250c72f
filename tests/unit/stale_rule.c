/* stale-translation on real repositories (Hugo layout, content/{lang}/):
 * the exact findings, their severity, message and related location. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git_fixture.h"
#include "helpers.h"

static const char en_v1[] = "# Title\n\nFirst paragraph here.\n\n## Install\n\nRun it.\n\n## Usage\n\nUse it.\n";
static const char en_v2[] = "# Title\n\nFirst paragraph here.\n\n## Install\n\nRun it twice.\nThen rest.\n\n"
			    "## Usage\n\nUse it.\n";
static const char fr_v1[] = "# Titre\n\nPremier paragraphe ici.\n\n## Installer\n\nLancez-le.\n\n"
			    "## Utilisation\n\nUtilisez-le.\n";
static const char fr_v2[] = "# Titre\n\nPremier paragraphe ici.\n\n## Installer\n\nLancez-le deux fois.\n\n"
			    "## Utilisation\n\nUtilisez-le.\n";

/* The short id of a commit. */
static char *short_id(git_oid id)
{
	char *out = calloc(1, 41);
	git_oid_tostr(out, 41, &id);
	out[7] = '\0';
	return out;
}

/* text with every "dir/" removed. */
static void strip_dir(char *text, const char *dir)
{
	size_t dlen = strlen(dir);
	for (char *p; (p = strstr(text, dir)) && p[dlen] == '/';)
		memmove(p, p + dlen + 1, strlen(p + dlen + 1) + 1);
}

static copylint_config *only_stale(const fx_repo *r, const char *config_text)
{
	copylint_config *config = NULL;
	if (config_text) {
		fx_write(r, ".copylint.yml", config_text);
		char *path = fx_path(r, ".copylint.yml");
		cr_assert_eq(copylint_config_load(&config, path), 0, "%s", copylint_error_last());
		free(path);
	} else {
		copylint_config_new(&config);
	}
	for (size_t i = 0; i < copylint_rule_count(); i++)
		if (strcmp(copylint_rule_at(i)->id, "stale-translation"))
			copylint_config_set_rule(config, copylint_rule_at(i)->id, COPYLINT_SEVERITY_OFF);
	return config;
}

/* "path:line:column severity message -> related:line", one a line. */
static char *describe(const fx_repo *r, const copylint_results *results)
{
	static const char *const severities[] = { "off", "info", "warning", "error" };
	size_t len = 0;
	char *out = calloc(1, 1);
	for (size_t i = 0; i < copylint_results_count(results); i++) {
		const copylint_finding *f = copylint_results_at(results, i);
		char *line = NULL;
		int n = f->related ?
			asprintf(&line, "%s:%zu:%zu %s %s -> %s:%zu\n", f->path, f->line, f->column,
				 severities[f->severity], f->message, f->related->path, f->related->line) :
			asprintf(&line, "%s:%zu:%zu %s %s\n", f->path, f->line, f->column, severities[f->severity],
				 f->message);
		out = realloc(out, len + (size_t)n + 1);
		memcpy(out + len, line, (size_t)n + 1);
		len += (size_t)n;
		free(line);
	}
	strip_dir(out, r->dir);
	return out;
}

typedef struct {
	char *findings;
	char *notices;
	int error;
} run_out;

static void run_free(run_out *o)
{
	free(o->findings);
	free(o->notices);
}

static run_out check_sources(const fx_repo *r, copylint_config *config, copylint_sources *sources)
{
	copylint_checker *checker;
	copylint_results *results;
	run_out o;
	copylint_checker_new(&checker, config, NULL);
	o.error = copylint_check_sources(&results, checker, sources);
	o.findings = describe(r, results);
	size_t len = 0;
	o.notices = calloc(1, 1);
	for (size_t i = 0; i < copylint_results_notice_count(results); i++) {
		const char *n = copylint_results_notice_at(results, i);
		if (strstr(n, "well-known layout"))
			continue;
		o.notices = realloc(o.notices, len + strlen(n) + 2);
		sprintf(o.notices + len, "%s\n", n);
		len += strlen(n) + 1;
	}
	strip_dir(o.notices, r->dir);
	copylint_results_free(results);
	copylint_checker_free(checker);
	return o;
}

/* copylint check PATH... in the repository. */
static run_out check_paths(const fx_repo *r, const char *config_text, const char *const *paths, size_t n)
{
	copylint_config *config = only_stale(r, config_text);
	copylint_sources *sources;
	copylint_sources_new(&sources);
	char **full = calloc(n, sizeof(char *));
	for (size_t i = 0; i < n; i++)
		full[i] = fx_path(r, paths[i]);
	copylint_sources_add_paths(sources, config, (const char *const *)full, n);
	run_out o = check_sources(r, config, sources);
	for (size_t i = 0; i < n; i++)
		free(full[i]);
	free(full);
	copylint_sources_free(sources);
	copylint_config_free(config);
	return o;
}

static run_out check_fr(const fx_repo *r)
{
	const char *const paths[] = { "content/fr/a.md" };
	return check_paths(r, NULL, paths, 1);
}

static run_out check_diff(const fx_repo *r, const char *range)
{
	copylint_config *config = only_stale(r, NULL);
	copylint_sources *sources;
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	options.repository = r->dir;
	copylint_sources_new(&sources);
	cr_assert_eq(copylint_sources_add_diff(sources, config, range, &options), 0, "%s", copylint_error_last());
	run_out o = check_sources(r, config, sources);
	copylint_sources_free(sources);
	copylint_config_free(config);
	return o;
}

/* The source and its French translation, then the source alone. */
static fx_repo site(git_oid *first, git_oid *second)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", en_v1);
	fx_stage(&r, "content/fr/a.md", fr_v1);
	*first = fx_commit(&r, "Add a");
	fx_stage(&r, "content/en/a.md", en_v2);
	*second = fx_commit(&r, "Run it twice\n\nWhy, at length.");
	return r;
}

/* line: the finding's (1, or the front-matter key's, 3). */
static void assert_behind(const run_out *o, const char *since, git_oid base, git_oid change, size_t line)
{
	size_t counterpart = line == 1 ? 7 : 11;  /* after 4 lines of front matter */
	char *b = short_id(base), *c = short_id(change), *expected = NULL;
	cr_assert(asprintf(&expected,
			   "content/fr/a.md:%zu:1 info behind its source content/en/a.md by 1 commit since %s %s "
			   "(2023-11-14): %s 2023-11-14 “Run it twice”; the source changed (+2 −1 lines) in "
			   "“Install” (lines 7–8) -> content/en/a.md:7\n"
			   "content/fr/a.md:%zu:1 info the source changed here since this translation "
			   "(content/en/a.md lines 7–8) -> content/en/a.md:7\n",
			   line, since, b, c, counterpart) > 0);
	cr_assert_str_eq(o->findings, expected);
	cr_assert_eq(o->error, 0);
	free(expected);
	free(b);
	free(c);
}

Test(stale_rule, source_edited_after_its_translation)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	run_out o = check_fr(&r);
	assert_behind(&o, "its own last change", first, second, 1);
	cr_assert_str_eq(o.notices, "");
	run_free(&o);
	fx_free(&r);
}

Test(stale_rule, translation_updated_after_its_source)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	fx_stage(&r, "content/fr/a.md", fr_v2);
	fx_commit(&r, "fr: run it twice");
	run_out o = check_fr(&r);
	cr_assert_str_eq(o.findings, "");
	run_free(&o);
	fx_free(&r);
}

static char *with_front_matter(const char *key, const char *id)
{
	char *text = NULL;
	cr_assert(asprintf(&text, "---\ntitle: Titre\n%s: %s\n---\n%s", key, id, fr_v1) > 0);
	return text;
}

Test(stale_rule, front_matter_commit_fresh_and_stale)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	char *head = short_id(second), *old = short_id(first);
	char *fresh = with_front_matter("default_lang_commit", head);
	fx_stage(&r, "content/fr/a.md", fresh);
	fx_commit(&r, "fr: names its source");
	run_out o = check_fr(&r);
	cr_assert_str_eq(o.findings, "");
	run_free(&o);
	/* Touched after the source changed, but it says it follows the first. */
	char *stale = with_front_matter("default_lang_commit", old);
	fx_stage(&r, "content/fr/a.md", stale);
	fx_commit(&r, "fr: typo");
	o = check_fr(&r);
	assert_behind(&o, "default_lang_commit", first, second, 3);
	run_free(&o);
	free(fresh);
	free(stale);
	free(head);
	free(old);
	fx_free(&r);
}

Test(stale_rule, configured_keys)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	char *old = short_id(first), *text = with_front_matter("translated_from", old);
	fx_stage(&r, "content/fr/a.md", text);
	fx_commit(&r, "fr: typo");
	const char *const paths[] = { "content/fr/a.md" };
	run_out o = check_paths(&r, "rules:\n  stale-translation:\n    keys: [translated_from]\n", paths, 1);
	assert_behind(&o, "translated_from", first, second, 3);
	run_free(&o);
	free(text);
	free(old);
	fx_free(&r);
}

Test(stale_rule, front_matter_commit_not_in_the_repository)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	char *bad = with_front_matter("source_commit", "0123456789");
	fx_stage(&r, "content/fr/a.md", bad);
	fx_stage(&r, "content/de/a.md", fr_v1);
	fx_commit(&r, "fr names a commit of another repository; de is current");
	run_out o = check_paths(&r, NULL, (const char *const[]){ "content/fr/a.md", "content/de/a.md" }, 2);
	/* An error for that file; the other is checked (and is current). */
	cr_assert_str_eq(o.findings, "content/fr/a.md:3:1 error the source commit '0123456789' in front matter is not "
			 "in this repository. Fetch the whole history: in GitHub Actions set `fetch-depth: 0` "
			 "on actions/checkout, in GitLab CI set GIT_DEPTH: 0, or run `git fetch --unshallow`\n");
	cr_assert_eq(o.error, 0);
	run_free(&o);
	/* Every translation checked has it: the run fails (exit 2). */
	o = check_fr(&r);
	cr_assert_eq(o.error, COPYLINT_ENOTFOUND);
	cr_assert(strstr(copylint_error_last(), "stale-translation: no translation's base could be read "
				  "(1 checked), so this repository lacks the history, not one page: the source "
				  "commit '0123456789'") != NULL, "%s", copylint_error_last());
	run_free(&o);
	free(bad);
	fx_free(&r);
}

Test(stale_rule, exit_2_only_when_every_file_has_a_base_error)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	char *bad = with_front_matter("source_commit", "0123456789");
	fx_stage(&r, "content/fr/a.md", bad);
	fx_commit(&r, "fr names a commit of another repository");
	const char *const argv[] = { "check", "--rule", "spelling=off", "content/fr/a.md", NULL };
	run_result res = run_copylint(r.dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 2, "%s", res.err);
	cr_assert(strstr(res.out, "content/fr/a.md:3:1: error: the source commit '0123456789'") != NULL, "%s", res.out);
	cr_assert(strstr(res.err, "copylint: error: stale-translation: no translation's base could be read") != NULL,
		  "%s", res.err);
	run_result_free(&res);
	fx_stage(&r, "content/de/a.md", fr_v1);
	fx_commit(&r, "de");
	const char *const both[] = { "check", "--rule", "spelling=off", "content/fr/a.md", "content/de/a.md", NULL };
	res = run_copylint(r.dir, both, NULL, NULL);
	cr_assert_eq(res.status, 1, "%s", res.err);
	run_result_free(&res);
	free(bad);
	fx_free(&r);
}

Test(stale_rule, ignored_mass_reformat)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	fx_stage(&r, "content/fr/a.md", "# Titre\n\nPremier  paragraphe ici.\n\n## Installer\n\nLancez-le.\n\n"
		 "## Utilisation\n\nUtilisez-le.\n");
	fx_commit(&r, "Reformat every page [i18n-ignore]");
	run_out o = check_fr(&r);
	assert_behind(&o, "its own last change", first, second, 1);
	run_free(&o);
	/* With another keyword, the reformat is the translation's last change. */
	const char *const paths[] = { "content/fr/a.md" };
	o = check_paths(&r, "rules:\n  stale-translation:\n    ignore-keyword: \"[skip-l10n]\"\n", paths, 1);
	cr_assert_str_eq(o.findings, "");
	run_free(&o);
	fx_free(&r);
}

Test(stale_rule, rename_of_the_source)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	fx_remove(&r, "content/en/a.md");
	fx_remove(&r, "content/fr/a.md");
	fx_stage(&r, "content/en/b.md", en_v2);
	fx_stage(&r, "content/fr/b.md", fr_v1);
	fx_commit(&r, "Rename a to b");
	const char *const paths[] = { "content/fr/b.md" };
	run_out o = check_paths(&r, NULL, paths, 1);
	char *b = short_id(first), *c = short_id(second), *expected = NULL;
	cr_assert(asprintf(&expected,
			   "content/fr/b.md:1:1 info behind its source content/en/b.md by 1 commit since its own "
			   "last change %s (2023-11-14): %s 2023-11-14 “Run it twice”; the source changed (+2 −1 "
			   "lines) in “Install” (lines 7–8) -> content/en/b.md:7\n"
			   "content/fr/b.md:7:1 info the source changed here since this translation "
			   "(content/en/b.md lines 7–8) -> content/en/b.md:7\n", b, c) > 0);
	cr_assert_str_eq(o.findings, expected);
	run_free(&o);
	free(expected);
	free(b);
	free(c);
	fx_free(&r);
}

Test(stale_rule, deleted_source)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	fx_remove(&r, "content/en/a.md");
	fx_stage(&r, "content/en/other.md", en_v1);
	fx_commit(&r, "Drop a");
	run_out o = check_fr(&r);
	cr_assert_str_eq(o.findings, "");
	cr_assert_eq(o.error, 0);
	run_free(&o);
	fx_free(&r);
}

Test(stale_rule, shallow_clone)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	char *dir = make_temp_dir(), command[4096];
	snprintf(command, sizeof(command), "git clone -q --depth 1 'file://%s' '%s/clone' 2>/dev/null", r.dir, dir);
	cr_assert_eq(fx_sh(dir, command), 0, "%s", command);
	const char *const argv[] = { "check", "--rule", "spelling=off", "content/fr/a.md", NULL };
	char *clone = NULL;
	cr_assert(asprintf(&clone, "%s/clone", dir) > 0);
	run_result res = run_copylint(clone, argv, NULL, NULL);
	cr_assert_eq(res.status, 2, "%s", res.err);
	cr_assert(strstr(res.out, "content/fr/a.md:1:1: error: content/fr/a.md: its last change is older than this "
				  "repository's history (this is a shallow clone). Fetch the whole history: in GitHub "
				  "Actions set `fetch-depth: 0` on actions/checkout") != NULL, "%s", res.out);
	run_result_free(&res);
	free(clone);
	remove_tree(dir);
	free(dir);
	fx_free(&r);
}

Test(stale_rule, outside_a_repository)
{
	char *dir = make_temp_dir();
	write_file_under(dir, "content/en/a.md", en_v2);
	write_file_under(dir, "content/fr/a.md", fr_v1);
	write_file_under(dir, "content/de/a.md", fr_v1);
	const char *const argv[] = { "check", "--jobs", "1", "--rule", "spelling=off", "content/fr", "content/de",
				     NULL };
	run_result res = run_copylint(dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 0, "%s", res.err);
	char *expected = NULL;
	cr_assert(asprintf(&expected, "copylint: notice: stale-translation needs a git repository (content/de is "
			   "not in a git repository): it is off for this run\n") > 0);
	cr_assert(strstr(res.err, expected) != NULL, "%s", res.err);
	/* Said once, not per file. */
	cr_assert_eq(strstr(res.err, expected), strstr(res.err, "stale-translation") - strlen("copylint: notice: "));
	cr_assert_null(strstr(strstr(res.err, expected) + strlen(expected), "stale-translation"));
	run_result_free(&res);
	free(expected);
	remove_tree(dir);
	free(dir);
}

/* A commit in progress that names the source commit the translation now
 * follows: the key's line changed, so the finding stays in --staged. */
Test(stale_rule, staged_translation_names_an_old_source_commit)
{
	git_oid first, second;
	fx_repo r = site(&first, &second);
	char *old = short_id(first), *text = with_front_matter("default_lang_commit", old);
	fx_stage(&r, "content/fr/a.md", text);
	int error;
	char *found = fx_staged(r.dir, COPYLINT_SCOPE_LINES, &error);
	cr_assert_eq(error, 0);
	cr_assert_str_eq(found, "content/fr/a.md:3:1 stale-translation\n");
	free(found);
	/* The message names the source as git runs name files. */
	copylint_config *config = only_stale(&r, NULL);
	copylint_sources *sources;
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	options.repository = r.dir;
	copylint_sources_new(&sources);
	cr_assert_eq(copylint_sources_add_staged(sources, config, &options), 0);
	run_out o = check_sources(&r, config, sources);
	cr_assert(strncmp(o.findings, "content/fr/a.md:3:1 info behind its source content/en/a.md by 1 commit", 69) == 0,
		  "%s", o.findings);
	cr_assert(strstr(o.findings, "-> content/en/a.md:7\n") != NULL, "%s", o.findings);
	run_free(&o);
	copylint_sources_free(sources);
	copylint_config_free(config);
	/* Without a front-matter base, the staged translation is the update. */
	fx_stage(&r, "content/fr/a.md", fr_v2);
	found = fx_staged(r.dir, COPYLINT_SCOPE_FILES, &error);
	cr_assert_str_eq(found, "");
	free(found);
	free(text);
	free(old);
	fx_free(&r);
}

/* main: the source and two translations. feature: a change to the source. */
static fx_repo pull_request(void)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", en_v1);
	fx_stage(&r, "content/fr/a.md", fr_v1);
	fx_stage(&r, "content/ja/a.md", fr_v1);
	fx_commit(&r, "Add a");
	fx_branch(&r, "feature");
	fx_stage(&r, "content/en/a.md", en_v2);
	fx_commit(&r, "Run it twice");
	return r;
}

Test(stale_rule, diff_reports_the_translations_left_behind)
{
	fx_repo r = pull_request();
	run_out o = check_diff(&r, "main");
	cr_assert_str_eq(o.findings, "content/en/a.md:7:1 info the French and Japanese translations do not have this "
			 "yet\n");
	run_free(&o);
	/* The French one follows in the same change: only Japanese is behind. */
	fx_stage(&r, "content/fr/a.md", fr_v2);
	fx_commit(&r, "fr: run it twice");
	o = check_diff(&r, "main");
	cr_assert_str_eq(o.findings, "content/en/a.md:7:1 info the Japanese translation does not have this yet\n");
	run_free(&o);
	/* Both updated together: nothing to say. */
	fx_stage(&r, "content/ja/a.md", fr_v2);
	fx_commit(&r, "ja: run it twice");
	o = check_diff(&r, "main");
	cr_assert_str_eq(o.findings, "");
	run_free(&o);
	fx_free(&r);
}

Test(stale_rule, diff_in_the_step_summary)
{
	fx_repo r = pull_request();
	const char *const argv[] = { "check", "--rule", "spelling=off", "--diff", "main", "--format",
				     "github-summary", NULL };
	run_result res = run_copylint(r.dir, argv, NULL, NULL);
	cr_assert_eq(res.status, 0, "%s", res.err);
	cr_assert(strstr(res.out, "#### Translations and their source\n\n| Where | What |\n| --- | --- |\n"
				  "| content/en/a.md:7 | the French and Japanese translations do not have this yet |\n")
		  != NULL, "%s", res.out);
	run_result_free(&res);
	fx_free(&r);
}
