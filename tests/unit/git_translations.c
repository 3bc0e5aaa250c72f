/* --staged and --diff on real repositories: a translation is compared with
 * its source as the same snapshot holds it (the index, the branch tip's
 * tree), not as the working tree does; a source the snapshot lacks leaves
 * the translation checked alone, with a notice. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git_fixture.h"
#include "helpers.h"

#define EN_LS "# Title\n\nRun `ls` to list the files.\n"
#define EN_DIR "# Title\n\nRun `dir` to list the files.\n"
#define FR_LS "# Titre\n\nLancez `ls` pour lister les fichiers.\n"
#define FR_DIR "# Titre\n\nLancez `dir` pour lister les fichiers.\n"

typedef struct {
	char *findings;  /* "path:line:column rule <- related path:line\n" each */
	char *notices;   /* one a line */
} outcome;

static void append(char **out, const char *text)
{
	size_t len = *out ? strlen(*out) : 0;
	*out = realloc(*out, len + strlen(text) + 1);
	strcpy(*out + len, text);
}

static void describe(const copylint_results *results, outcome *o)
{
	o->findings = calloc(1, 1);
	o->notices = calloc(1, 1);
	for (size_t i = 0; i < copylint_results_count(results); i++) {
		const copylint_finding *f = copylint_results_at(results, i);
		char line[512];
		snprintf(line, sizeof(line), "%s:%zu:%zu %s <- %s:%zu\n", f->path, f->line, f->column, f->rule,
			 f->related ? f->related->path : "-", f->related ? f->related->line : 0);
		append(&o->findings, line);
	}
	for (size_t i = 0; i < copylint_results_notice_count(results); i++) {
		append(&o->notices, copylint_results_notice_at(results, i));
		append(&o->notices, "\n");
	}
}

/* --staged (range NULL) or --diff range in r, with only code-mismatch on. */
static outcome run_git(const fx_repo *r, const char *range)
{
	copylint_config *config;
	copylint_sources *sources;
	copylint_checker *checker;
	copylint_results *results;
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	options.repository = r->dir;
	options.scope = COPYLINT_SCOPE_FILES;
	copylint_config_new(&config);
	for (size_t i = 0; i < copylint_rule_count(); i++)
		if (strcmp(copylint_rule_at(i)->id, "code-mismatch"))
			copylint_config_set_rule(config, copylint_rule_at(i)->id, COPYLINT_SEVERITY_OFF);
	copylint_sources_new(&sources);
	int error = range ? copylint_sources_add_diff(sources, config, range, &options)
			  : copylint_sources_add_staged(sources, config, &options);
	cr_assert_eq(error, 0, "%s", copylint_error_last());
	copylint_checker_new(&checker, config, NULL);
	copylint_check_sources(&results, checker, sources);
	outcome o;
	describe(results, &o);
	copylint_results_free(results);
	copylint_checker_free(checker);
	copylint_sources_free(sources);
	copylint_config_free(config);
	return o;
}

static void assert_outcome(outcome o, const char *findings, const char *notice)
{
	cr_assert_str_eq(o.findings, findings);
	if (notice)
		cr_assert(strstr(o.notices, notice), "notices: %s", o.notices);
	free(o.findings);
	free(o.notices);
}

Test(git_translations, staged_source_not_the_working_tree)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", EN_LS);
	fx_stage(&r, "content/fr/a.md", FR_LS);
	fx_commit(&r, "first");
	fx_stage(&r, "content/fr/a.md", FR_DIR);
	fx_write(&r, "content/en/a.md", EN_DIR);  /* not staged: not seen */
	assert_outcome(run_git(&r, NULL), "content/fr/a.md:3:9 code-mismatch <- content/en/a.md:3\n", NULL);
	fx_stage(&r, "content/en/a.md", EN_DIR);  /* staged with it: the commit is consistent */
	assert_outcome(run_git(&r, NULL), "", NULL);
	fx_free(&r);
}

Test(git_translations, staged_source_unchanged_is_read_from_the_index)
{
	fx_repo r = fx_init();
	fx_stage(&r, "docs/page.md", EN_LS);
	fx_commit(&r, "first");
	fx_remove(&r, "docs/page.md");
	fx_commit(&r, "source gone from the index");
	fx_write(&r, "docs/page.md", EN_LS);  /* on disk only */
	fx_stage(&r, "docs/page.fr.md", FR_DIR);
	assert_outcome(run_git(&r, NULL), "",
		       "docs/page.fr.md: its source docs/page.md is not in the index: checked alone");
	fx_stage(&r, "docs/page.md", EN_LS);
	fx_commit(&r, "source back");
	fx_stage(&r, "docs/page.fr.md", FR_DIR "\nPlus.\n");
	assert_outcome(run_git(&r, NULL), "docs/page.fr.md:3:9 code-mismatch <- docs/page.md:3\n", NULL);
	fx_free(&r);
}

Test(git_translations, diff_compares_the_tips_source)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", EN_LS);
	fx_stage(&r, "content/fr/a.md", FR_LS);
	fx_commit(&r, "first");
	fx_branch(&r, "topic");
	fx_stage(&r, "content/en/a.md", EN_DIR);
	fx_stage(&r, "content/fr/a.md", FR_LS "\nPlus.\n");
	fx_commit(&r, "the source changed, the translation did not follow");
	fx_write(&r, "content/en/a.md", EN_LS);  /* the working tree is not the tip */
	assert_outcome(run_git(&r, "main...topic"), "content/fr/a.md:3:9 code-mismatch <- content/en/a.md:3\n", NULL);
	fx_stage(&r, "content/en/a.md", EN_DIR);
	fx_stage(&r, "content/fr/a.md", FR_DIR);
	fx_commit(&r, "both in step");
	assert_outcome(run_git(&r, "main...topic"), "", NULL);
	fx_free(&r);
}

Test(git_translations, diff_source_missing_from_the_tip)
{
	fx_repo r = fx_init();
	fx_stage(&r, "content/en/a.md", EN_LS);
	fx_stage(&r, "content/fr/a.md", FR_LS);
	fx_commit(&r, "first");
	fx_branch(&r, "topic");
	fx_remove(&r, "content/en/a.md");
	fx_stage(&r, "content/en/b.md", EN_LS);  /* the source folder stays */
	fx_stage(&r, "content/fr/a.md", FR_DIR);
	fx_commit(&r, "source removed");
	assert_outcome(run_git(&r, "main...topic"), "",
		       "content/fr/a.md: its source content/en/a.md is not in the branch tip: checked alone");
	fx_free(&r);
}
