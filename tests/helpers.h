/* Shared by the tests: run the real binary, check a buffer through the
 * public API, and find a finding. */
#ifndef COPYLINT_TESTS_HELPERS_H
#define COPYLINT_TESTS_HELPERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "copylint/copylint.h"

typedef struct {
	char *out;    /* standard output */
	size_t out_len;
	char *err;    /* standard error */
	int status;   /* exit status, or -1 when it did not exit */
} run_result;

/* Runs build/copylint with argv (NULL-terminated, without argv[0]) in cwd
 * (NULL: the current folder), feeding stdin_data (NULL: empty) and with
 * env_extra ("NAME=value" strings, NULL-terminated, may be NULL) added to a
 * clean environment (no CI variables, NO_COLOR=1). */
run_result run_copylint(const char *cwd, const char *const *argv, const char *stdin_data,
			const char *const *env_extra);
void run_result_free(run_result *r);

/* Checks text as the file `path` (its extension picks the format), with
 * language lang (NULL: resolve), through the public API. Only rule_only is
 * enabled when it is non-NULL. */
copylint_results *check_text(const char *path, const char *text, const char *lang, const char *rule_only);

/* The number of findings of rule; and whether one is at line:column. */
size_t count_rule(const copylint_results *results, const char *rule);
const copylint_finding *find_at(const copylint_results *results, const char *rule, size_t line, size_t column);

/* Reads a whole file (NULL when it cannot); *len may be NULL. */
char *read_file(const char *path, size_t *len);
/* A new empty temporary folder (caller frees the string; remove_tree deletes it). */
char *make_temp_dir(void);
void remove_tree(const char *path);
void write_file(const char *path, const char *data, size_t len);
/* Writes text to dir/relative, making the folders between. */
void write_file_under(const char *dir, const char *relative, const char *text);
/* Writes source as dir/page<ext> and translation as dir/page.<lang><ext>
 * (the name.{lang}.md layout pairs them) and checks the translation with
 * only rule on: at level, or at the rule's default when level is
 * COPYLINT_SEVERITY_OFF. */
copylint_results *check_translation_pair(const char *dir, const char *lang, const char *ext, const char *source,
					 const char *translation, const char *rule, copylint_severity level);

/* A table-driven rule test: text checked as path in lang with only the rule
 * on gives exactly count findings, the first RULE_CASE_MAX_AT of them at
 * these lines and columns. */
#define RULE_CASE_MAX_AT 6
typedef struct {
	const char *lang, *path, *text;
	size_t count;
	size_t at[RULE_CASE_MAX_AT][2];
} rule_case;
void run_rule_cases(const char *rule, const rule_case *cases, size_t n);
#define RUN_RULE_CASES(rule, cases) run_rule_cases(rule, cases, sizeof(cases) / sizeof(cases[0]))

/* Makes exactly the dictionaries names (NULL-terminated, e.g. "en_US"; may
 * be empty) the ones copylint finds, here and in every copylint the test
 * starts, whatever the machine has installed: a folder of links to them
 * becomes $DICPATH and the system folders are left out
 * (COPYLINT_SYSTEM_DICTIONARIES=""). Fails the test when one is not found. */
void use_only_dictionaries(const char *const *names);

/* xorshift64: reproducible random numbers for differential tests; *state
 * is the seed, never 0. */
uint64_t test_random(uint64_t *state);

#endif
