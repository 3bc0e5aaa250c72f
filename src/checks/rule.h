/* A rule is one file in src/checks/ that defines one cl_rule and adds one
 * line to rules.def. Rules read documents and hand findings to the
 * collector in their context; they never print and never see files. */
#ifndef CL_CHECKS_RULE_H
#define CL_CHECKS_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "copylint/copylint.h"
#include "../history/history.h"
#include "../parse/document.h"
#include "../report/finding.h"
#include "../text/segment.h"
#include "../util/range.h"

typedef struct cl_check_ctx cl_check_ctx;
struct cl_alignment;
struct cl_lineindex_s;

/* A translation checked against its source: what pair rules receive. */
typedef struct {
	const cl_document *source;
	const char *source_lang;        /* BCP 47 */
	const struct cl_alignment *alignment;
	struct cl_lineindex_s *source_lines; /* for related locations in the source */
} cl_translation;

/* For stale-translation, computed by core (src/core/stale.c) when the
 * rule is on and the file is in a git repository: how far a translation is
 * behind its source, or, on a source changed by a --diff, which of its
 * translations the change leaves behind. Independent of the alignment:
 * set even when the two pages are not compared block by block. */
typedef struct {
	const cl_staleness *staleness;   /* the file is a translation; NULL otherwise */
	const char *source_path;         /* the source, as reported (related locations) */
	const cl_document *source;       /* its parsed text, for headings; NULL when not read */
	struct cl_lineindex_s *source_lines;  /* with source */
	bool has_key;                    /* the base came from this front-matter key: */
	size_t key_start, key_end;       /* its bytes in the translation */
	/* The file is a source a --diff changed: the languages (BCP 47, as
	 * the paths write them) of its translations the change did not touch. */
	const char *const *left_behind;
	size_t nleft_behind;
	const cl_byte_range *changed;    /* the change's lines in this file */
	size_t nchanged;
} cl_stale_input;

/* What a rule may be configured with, under `rules: {id: {name: ...}}`. */
typedef enum { CL_OPTION_BOOL, CL_OPTION_INT, CL_OPTION_STRING, CL_OPTION_LIST } cl_option_type;

typedef struct {
	const char *name;
	cl_option_type type;
} cl_option_spec;

typedef struct cl_option_choices {
	const char *name;
	const char *const *values;  /* NULL-terminated */
} cl_option_choices;

typedef struct cl_rule {
	copylint_rule_info info;
	const cl_option_spec *options;  /* terminated by { NULL } ; NULL for none */
	/* String options that take one of a few values, terminated by { NULL };
	 * NULL for none. The config loader rejects other values. */
	const struct cl_option_choices *choices;
	/* Per-thread state a rule keeps between documents (caches, handles);
	 * both NULL when it keeps none. */
	void *(*state_new)(void);
	void (*state_free)(void *state);
	int (*check)(cl_check_ctx *ctx, const cl_document *doc);
} cl_rule;

/* A project word, or a word list or dictionary folder, from the config's
 * words: and dictionaries: keys (absolute paths), for one language or all. */
typedef struct {
	char *lang;   /* BCP 47 tag or primary subtag; NULL: every language */
	char *value;
} cl_lang_value;

/* A configured option value: the scalar, or the list's items. */
typedef struct {
	const char *name;
	const char *const *values;
	size_t count;
} cl_option_value;

struct cl_check_ctx {
	const cl_rule *rule;
	copylint_severity severity;
	const char *lang;        /* BCP 47, such as "en-US" */
	const char *locale;      /* ICU, such as "en_US" */
	cl_segmenter *seg;
	void *state;             /* this rule's per-thread state */
	const cl_option_value *options;
	size_t noptions;
	cl_findings *findings;
	/* Notices for the user, once per run (the core de-duplicates). */
	void (*notice)(void *payload, const char *message);
	void *notice_payload;
	/* The config's words: and dictionaries: that apply to this file (every
	 * language's; a rule picks its own with cl_check_lang_matches). */
	const cl_lang_value *const *words;
	size_t nwords;
	const cl_lang_value *const *dictionaries;
	size_t ndictionaries;
	bool suggestions;  /* the report shows suggestions: worth computing */
	const char *cache_dir;  /* where rules may keep answers between runs; NULL: nowhere */
	unsigned jobs;  /* the run's worker threads (1: one), for state the threads share */
	/* The language the document was translated from (BCP 47, such as
	 * "en"), or NULL when it is not known to be a translation. */
	const char *source_lang;
	/* The file's source when it is a translation with a readable source;
	 * NULL: checked alone (pair rules then have nothing to compare). */
	const cl_translation *translation;
	/* stale-translation's input (see cl_stale_input); NULL: nothing to say. */
	const cl_stale_input *stale;
};

/* Adds a finding of the rule at source bytes [start, end); takes message. */
cl_finding *cl_check_report(cl_check_ctx *ctx, size_t start, size_t end, char *message);
/* Adds a finding on the translation with its related location in the
 * source, at source byte source_at; takes message. */
cl_finding *cl_check_report_pair(cl_check_ctx *ctx, size_t start, size_t end, char *message, size_t source_at);
/* The configured option, or NULL / 0 items when unset. */
const cl_option_value *cl_check_option(const cl_check_ctx *ctx, const char *name);
/* The primary language subtag ("en" for "en-US"), lower-case, in buf. */
const char *cl_check_language(const cl_check_ctx *ctx, char *buf, size_t size);

/* Does a config entry for lang (NULL: all) apply to the document? */
bool cl_check_lang_matches(const cl_check_ctx *ctx, const char *lang);

/* The registry, in rules.def order. */
size_t cl_rules_count(void);
const cl_rule *cl_rules_at(size_t index);
const cl_rule *cl_rules_find(const char *id);
/* Index of a rule in the registry, or -1. */
long cl_rules_index(const char *id);

#endif
