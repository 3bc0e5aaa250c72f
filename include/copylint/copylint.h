/*
 * copylint — a translation-quality checker for article repositories.
 *
 * The embeddable API. The command line is a client of exactly this header.
 *
 * Ownership, once for the whole API:
 *  - An object returned through an `out` parameter belongs to the caller and
 *    is released with its matching `_free()`; every `_free(NULL)` is a no-op.
 *  - A `const char *` or `const` struct pointer returned by an accessor is
 *    borrowed: it lives as long as the object it came from.
 *  - Strings passed in are copied when kept.
 *  - An object handed to a callback is borrowed for the duration of the
 *    call only: the library frees it when the callback returns (copy what
 *    you keep). This is how a run streams: copylint_check_sources_each gives
 *    each file's results once and frees them, so memory does not grow with
 *    the number of files or findings.
 *
 * Errors: functions return 0 or a negative `COPYLINT_E*` code; the message of
 * the last error on this thread is `copylint_error_last()`. Out of memory
 * aborts the process.
 *
 * Positions: byte offsets are the truth. Lines and columns are 1-based;
 * `column` counts Unicode code points, `column_utf16` UTF-16 code units and
 * `column_byte` bytes, so each report format can speak its consumer's unit.
 */
#ifndef COPYLINT_COPYLINT_H
#define COPYLINT_COPYLINT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define COPYLINT_VERSION "0.1.0"

enum {
	COPYLINT_OK = 0,
	COPYLINT_ERROR = -1,     /* generic */
	COPYLINT_EINVALID = -2,  /* bad argument or bad configuration */
	COPYLINT_ENOTFOUND = -3, /* no such file, rule, format */
	COPYLINT_EIO = -4        /* a file could not be read or written */
};

typedef enum {
	COPYLINT_SEVERITY_OFF = 0,
	COPYLINT_SEVERITY_INFO = 1,
	COPYLINT_SEVERITY_WARNING = 2,
	COPYLINT_SEVERITY_ERROR = 3
} copylint_severity;

const char *copylint_error_last(void);

/* "off", "info", "warning", "error" <-> the enum; -1 when unknown. */
int copylint_severity_parse(const char *name);
const char *copylint_severity_name(copylint_severity severity);

/* ---- Rules ------------------------------------------------------------ */

typedef struct {
	const char *id;          /* kebab-case, stable forever */
	const char *summary;     /* one line */
	const char *description; /* a paragraph: what it finds, and why */
	copylint_severity default_severity;
	const char *languages;   /* NULL: every language; else space-separated tags */
	const char *const *option_names; /* NULL-terminated; NULL when none */
} copylint_rule_info;

size_t copylint_rule_count(void);
const copylint_rule_info *copylint_rule_at(size_t index);
const copylint_rule_info *copylint_rule_find(const char *id);

/* ---- Configuration ---------------------------------------------------- */

typedef struct copylint_config copylint_config;

/* The defaults: language en-US, every rule at its default severity. */
int copylint_config_new(copylint_config **out);
/* Reads a .copylint.yml. Errors name the file, line and column. */
int copylint_config_load(copylint_config **out, const char *path);
/* Looks for .copylint.yml from start_dir upwards, stopping at the root of
 * the git repository start_dir is in (or at /). *path_out is NULL when
 * there is none; the caller frees it with free(). */
int copylint_config_discover(char **path_out, const char *start_dir);
/* Reads the word lists a project keeps for other spell checkers (a cspell
 * configuration, Vale's vocabularies) in folder dir into config;
 * copylint_config_load does it for the config's folder. dir NULL: the root
 * of the git repository the current folder is in (else the current
 * folder), where the defaults' globs then start. Bad files are errors. */
int copylint_config_read_word_lists(copylint_config *config, const char *dir);
void copylint_config_free(copylint_config *config);

/* Overrides on top of the file, as the command line gives them. */
int copylint_config_set_rule(copylint_config *config, const char *rule_id, copylint_severity severity);
int copylint_config_set_language(copylint_config *config, const char *lang);
/* The file the config came from, or NULL for defaults. */
const char *copylint_config_path(const copylint_config *config);
/* True when path matches the config's exclude globs. */
bool copylint_config_excludes(const copylint_config *config, const char *path);
/* True for a tag the config, --lang and the checker take: BCP 47 in shape
 * (a language of 2 to 8 letters, then subtags of 1 to 8 letters or digits,
 * joined by - or _; at most 35 bytes), such as en-US, cs or pt-BR. */
bool copylint_language_valid(const char *tag);

/* ---- Findings --------------------------------------------------------- */

/* A certain fix: replace the span with `replacement` ("" deletes it). */
typedef struct {
	size_t start, end;  /* byte span in the file */
	size_t line, column, end_line, end_column;  /* columns: code points */
	size_t column_utf16, end_column_utf16;
	size_t column_byte, end_column_byte;
	const char *original;     /* the text the fix replaces (valid UTF-8) */
	const char *replacement;
} copylint_fix;

typedef struct {
	const char *path;
	size_t offset;
	size_t line, column;
} copylint_related;

typedef struct {
	const char *rule;
	copylint_severity severity;
	const char *path;
	size_t start, end;         /* byte span in the file */
	size_t line, column, end_line, end_column;  /* columns: code points */
	size_t column_utf16, end_column_utf16;
	size_t column_byte, end_column_byte;
	const char *message;
	const char *const *suggestions;
	size_t suggestion_count;
	const copylint_related *related; /* NULL when none */
	const copylint_fix *fix;         /* NULL when none */
	/* The flagged line for display: excerpt holds at most a window of it,
	 * valid UTF-8, and excerpt_column is the code-point column its first
	 * character has on the line. */
	const char *excerpt;
	size_t excerpt_column;
	const char *text;  /* the flagged text itself (valid UTF-8, bounded) */
	size_t occurrence; /* how many earlier findings of this rule in this file flag the same text */
} copylint_finding;

/* ---- Sources ---------------------------------------------------------- */

/* The files a run will check, gathered from paths (folders are walked:
 * hidden entries, git-ignored files and the config's excludes skipped; only
 * article extensions are taken from folders, any file named explicitly is).
 * A path that cannot be read is kept as an entry with an error, so that a run
 * reports it and still checks the rest. */
typedef struct copylint_sources copylint_sources;

int copylint_sources_new(copylint_sources **out);
int copylint_sources_add_paths(copylint_sources *sources, const copylint_config *config,
			       const char *const *paths, size_t count);
/* Adds an in-memory source (standard input, an editor buffer); the bytes
 * are copied. display_path names it in reports and decides its format. */
int copylint_sources_add_buffer(copylint_sources *sources, const char *display_path,
				const char *data, size_t len);
size_t copylint_sources_count(const copylint_sources *sources);
const char *copylint_sources_path(const copylint_sources *sources, size_t index);
/* The file on disk a source stands for: where it is read from, or a git
 * source's place in the working tree; NULL for a buffer. */
const char *copylint_sources_file(const copylint_sources *sources, size_t index);
void copylint_sources_free(copylint_sources *sources);
/* Keeps only shard `shard` (1 to `count`) of the sources, so that `count`
 * runs that gather the same sources, each keeping its own shard, check
 * every source exactly once (CI jobs in parallel). The shares are stable
 * (the same sources give the same shards on any machine), cut by a hash of
 * the paths and balanced by the files' sizes; files whose paths differ only
 * in language segments (content/en/a.md, content/de/a.md; pages/a.md,
 * pages.fr/a.md; a.md, a.de.md) fall in the same shard. */
#define COPYLINT_SHARD_MAX 1000
int copylint_sources_keep_shard(copylint_sources *sources, unsigned shard, unsigned count);

/* Checks every source added so far as a translation of the file at
 * source_path (`copylint check --source SOURCE TRANSLATION`), whatever the
 * config's layouts say. */
int copylint_sources_set_translation_source(copylint_sources *sources, const char *source_path);

/* ---- Translations ------------------------------------------------------ */

typedef enum {
	COPYLINT_PAIR_NONE = 0,  /* no layout matches: not a translation */
	COPYLINT_PAIR_IS_SOURCE, /* the file is in the source language */
	COPYLINT_PAIR_FOUND,     /* source is its counterpart, which exists */
	COPYLINT_PAIR_MISSING    /* a translation whose counterpart does not exist */
} copylint_pair_status;

/* Which file a translation translates. Strings are owned by the pair
 * (copylint_pair_dispose), but layout, borrowed from the config or static. */
typedef struct {
	copylint_pair_status status;
	char *source;          /* FOUND and MISSING: the counterpart's path */
	char *lang;            /* the translation's tag as the path writes it */
	const char *layout;    /* the translation pattern that matched */
	bool well_known;       /* a built-in layout: the config has no translations: layouts */
	char *problem;         /* a message for the user, or NULL */
} copylint_pair;

/* Pairs path (relative to the current folder, or absolute) by the config's
 * translations: layouts, or without them by the well-known layouts
 * (Docusaurus, Astro Starlight, Hugo content/{lang}/, pages.{lang}/, and
 * name.{lang}.md) whose counterpart exists. */
int copylint_pair_find(copylint_pair *out, const copylint_config *config, const char *path);
void copylint_pair_dispose(copylint_pair *pair);
/* The source language: the config's translations: source, else "en". */
const char *copylint_pair_source_language(const copylint_config *config);

/* ---- Sources from git -------------------------------------------------- */

/* Which part of a change a git run checks. */
typedef enum {
	COPYLINT_SCOPE_LINES = 0, /* changed files; findings only on added or changed lines */
	COPYLINT_SCOPE_FILES,     /* changed files, every finding in them */
	COPYLINT_SCOPE_ALL        /* every article in the index (staged) or HEAD's tree (diff) */
} copylint_scope;

#define COPYLINT_GIT_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	/* A folder inside the repository; NULL: the current folder. As git
	 * does, GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE in the environment
	 * take precedence, and linked worktrees are followed. */
	const char *repository;
	copylint_scope scope;
	/* Limit to these paths or globs, relative to `repository` as git takes
	 * them relative to the current folder; none: every changed file. */
	const char *const *pathspecs;
	size_t npathspecs;
} copylint_git_options;
#define COPYLINT_GIT_OPTIONS_INIT { COPYLINT_GIT_OPTIONS_VERSION, NULL, COPYLINT_SCOPE_LINES, NULL, 0 }

/* Adds the articles staged for the next commit: the index against HEAD (the
 * empty tree before the first commit), with the index's bytes (nothing is
 * read from the working tree). Added, modified, renamed and copied files are
 * taken; deletions, submodules, symlinks, binary blobs and Git LFS pointers
 * are not. Articles are the config's include globs (or the article
 * extensions) minus its exclude globs. Paths are relative to the repository
 * root, as `git diff --name-only` prints them. Unmerged entries are an error
 * (COPYLINT_EINVALID) that names them. */
int copylint_sources_add_staged(copylint_sources *sources, const copylint_config *config,
				const copylint_git_options *options);
/* Adds the articles a branch changed: range is "BASE" (BASE...HEAD),
 * "A..B" or "A...B" (both mean: B against the merge base of A and B, so
 * that what was merged into A meanwhile is not reported). Bytes come from
 * B's tree. A base that is not in the repository (a shallow clone) is an
 * error (COPYLINT_ENOTFOUND) that says how to fetch it. */
int copylint_sources_add_diff(copylint_sources *sources, const copylint_config *config,
			      const char *range, const copylint_git_options *options);
/* The folder git runs hooks from for the repository `repository` is in
 * (NULL: the current folder): core.hooksPath when set, else the common git
 * folder's hooks/. The caller frees *out with free(). */
int copylint_git_hooks_dir(char **out, const char *repository);

/* ---- Checking --------------------------------------------------------- */

typedef enum {
	COPYLINT_FILE_CHECKED = 0,
	COPYLINT_FILE_SKIPPED_BINARY,
	COPYLINT_FILE_ERROR
} copylint_file_status;

typedef struct copylint_results copylint_results;
typedef struct copylint_checker copylint_checker;

/* Called after each file, from the thread that owns the run. */
typedef void (*copylint_progress_cb)(size_t files_done, size_t files_total,
				     size_t findings, void *payload);

#define COPYLINT_CHECKER_OPTIONS_VERSION 2
typedef struct {
	unsigned version;
	const char *language;     /* forces every document's language; NULL: resolve */
	unsigned jobs;            /* worker threads; 0 or 1: none */
	copylint_progress_cb progress;
	void *progress_payload;
	/* Compute suggestions (spelling: up to 3 per word, within a per-run time
	 * budget). Turn off when the report does not show them: they cost far
	 * more than finding the word. Default true. */
	bool suggestions;
	/* Since version 2. A folder where rules keep what they learnt between
	 * runs (spelling: the dictionary's answers, so that a run whose words
	 * were all seen before need not load the dictionary); made when
	 * missing. NULL: nothing is kept. Files there are named by a hash of
	 * what they depend on, written atomically, and a damaged one is ignored. */
	const char *cache_dir;
} copylint_checker_options;
#define COPYLINT_CHECKER_OPTIONS_INIT { COPYLINT_CHECKER_OPTIONS_VERSION, NULL, 1, NULL, NULL, true, NULL }

/* The processors this process may use: its CPU affinity, capped by its
 * cgroup's CPU quota (v2 cpu.max, v1 cpu.cfs_quota_us), rounded up, as
 * containers and CI jobs set them; at least 1. A good `jobs`. */
unsigned copylint_processors_available(void);

/* The checker keeps a pointer to config, which must outlive it. It keeps
 * what it loads (break iterators, dictionaries) between calls, so reuse one
 * checker for many checks; use it from one thread at a time (with jobs > 1
 * it runs its own worker threads). */
int copylint_checker_new(copylint_checker **out, const copylint_config *config,
			 const copylint_checker_options *options);
void copylint_checker_free(copylint_checker *checker);

/* Checks every source; findings come out sorted by path, line, column,
 * rule. Per-file problems (unreadable, binary) are in the results, not in
 * the return code. One exception: when the stale-translation rule could
 * read the base of no translation it checked (a shallow clone), the
 * results are complete and the return is COPYLINT_ENOTFOUND, with
 * copylint_error_last saying how to fetch the history. */
int copylint_check_sources(copylint_results **out, copylint_checker *checker,
			   const copylint_sources *sources);
/* Receives one file's results: that file (copylint_results_file_count is 1,
 * with its status and message) and its findings, sorted by line, column,
 * rule. Borrowed: freed when the callback returns. */
typedef void (*copylint_file_results_cb)(const copylint_results *file, void *payload);

/* Checks every source like copylint_check_sources, but hands each file's
 * results to each as soon as that file and every file before it are done,
 * then frees them. Files come in order of display path (sources with the
 * same path in the order they were added), which is the order of
 * copylint_check_sources' findings; with jobs > 1 the order is the same,
 * and each is called from the thread that called this function. *out
 * receives the run's notices (no files and no findings); out may be NULL
 * when they are not wanted. */
int copylint_check_sources_each(copylint_results **out, copylint_checker *checker,
				const copylint_sources *sources,
				copylint_file_results_cb each, void *payload);
/* Checks one buffer as if it were the file display_path. */
int copylint_check_buffer(copylint_results **out, copylint_checker *checker,
			  const char *display_path, const char *data, size_t len);

size_t copylint_results_count(const copylint_results *results);
const copylint_finding *copylint_results_at(const copylint_results *results, size_t index);
size_t copylint_results_file_count(const copylint_results *results);
const char *copylint_results_file_path(const copylint_results *results, size_t index);
copylint_file_status copylint_results_file_status(const copylint_results *results, size_t index);
/* The file's place among the sources of the run (copylint_sources_path's
 * index): in one file's results, where that file came in the sources. */
size_t copylint_results_file_source_index(const copylint_results *results, size_t index);
/* The reason a file was skipped or failed; NULL when it was checked. */
const char *copylint_results_file_message(const copylint_results *results, size_t index);
/* Notices meant for the user once per run (a missing dictionary, ...). */
size_t copylint_results_notice_count(const copylint_results *results);
const char *copylint_results_notice_at(const copylint_results *results, size_t index);
/* Findings at or above severity; files that could not be read count as errors
 * separately, see copylint_results_file_status. */
size_t copylint_results_count_at_least(const copylint_results *results, copylint_severity severity);
void copylint_results_free(copylint_results *results);

/* ---- Reports ---------------------------------------------------------- */

/* Receives the report's bytes; returns 0, or non-zero to stop writing. */
typedef int (*copylint_write_cb)(const char *data, size_t len, void *payload);

#define COPYLINT_REPORT_OPTIONS_VERSION 2
typedef struct {
	unsigned version;
	bool color;            /* ANSI colours (text format) */
	bool show_summary;     /* the closing summary line (text format) */
	/* Since version 2. SARIF's runs[0].automationDetails.id, which tells
	 * GitHub code scanning apart the uploads of one commit (the part before
	 * the last slash is the category), e.g. "copylint/shard-2-of-7/" for a
	 * shard; NULL: none. Kept as a pointer: it must outlive the stream. */
	const char *automation_id;
} copylint_report_options;
#define COPYLINT_REPORT_OPTIONS_INIT { COPYLINT_REPORT_OPTIONS_VERSION, false, true, NULL }

size_t copylint_report_format_count(void);
const char *copylint_report_format_name(size_t index);
int copylint_report_write(const copylint_results *results, const char *format,
			  const copylint_report_options *options,
			  copylint_write_cb write, void *payload);

/* A report written as a run goes: add each file's results as
 * copylint_check_sources_each gives them (in that order), then finish.
 * The bytes are exactly those copylint_report_write gives for the whole
 * run. Most formats write each file at once; those whose opening needs the
 * run's totals keep, until the end, never the findings but: junit a small
 * record per file (path, status, count; its testcases follow the sources'
 * order, copylint_results_file_source_index) and the failure text in a
 * temporary file; github the first annotations of each kind and the log
 * listing in a temporary file; github-summary at most its 200 rows. (With
 * no temporary folder, the temporary file's bytes stay in memory.) write
 * may be called from _new, _add and _finish. A write callback's failure is
 * COPYLINT_EIO; later writes are dropped. */
typedef struct copylint_report_stream copylint_report_stream;

int copylint_report_stream_new(copylint_report_stream **out, const char *format,
			       const copylint_report_options *options,
			       copylint_write_cb write, void *payload);
/* file_results is borrowed: nothing of it is kept after the call. */
int copylint_report_stream_add(copylint_report_stream *stream, const copylint_results *file_results);
/* Writes the end of the report; the stream takes no more files. */
int copylint_report_stream_finish(copylint_report_stream *stream);
/* Frees the stream; one never finished writes nothing more. */
void copylint_report_stream_free(copylint_report_stream *stream);

/* ---- Status of the translations ---------------------------------------- */

/* Every translation of a site at a glance: per language, which source
 * pages are translated and up to date with their source, stale (the source
 * changed since, from git history), missing, or orphaned (the source is
 * gone). */
typedef struct copylint_status copylint_status;

typedef struct {
	const char *tag;       /* as the first translation's path writes it */
	size_t sources;        /* source pages of the layouts this language has */
	size_t translated;     /* translations whose source exists */
	size_t up_to_date, stale;
	size_t uncommitted;    /* not in the history yet */
	size_t errors;         /* a base commit that cannot be used */
	size_t missing;        /* source pages with no translation */
	size_t orphaned;       /* translations whose source does not exist */
} copylint_status_language;

#define COPYLINT_STATUS_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	bool history;          /* look staleness up in git; default true */
} copylint_status_options;
#define COPYLINT_STATUS_OPTIONS_INIT { COPYLINT_STATUS_OPTIONS_VERSION, true }

/* The status of the files under paths (folders are walked as for a check),
 * paired by the config's translations: layouts or the well-known ones;
 * staleness takes the stale-translation rule's options (keys,
 * ignore-keyword) from config, which is required.
 * Outside a git repository staleness is left out and
 * copylint_status_history_note says so. */
int copylint_status_new(copylint_status **out, const copylint_config *config, const char *const *paths,
			size_t count, const copylint_status_options *options);
void copylint_status_free(copylint_status *status);
size_t copylint_status_language_count(const copylint_status *status);
const copylint_status_language *copylint_status_language_at(const copylint_status *status, size_t index);
/* Up-to-date translations per 1000 source pages (translated ones when no
 * history was read); 1000 when the language has no source page. */
size_t copylint_status_coverage_permille(const copylint_status *status, size_t index);
/* NULL when staleness was looked up; else why not, said once. */
const char *copylint_status_history_note(const copylint_status *status);
/* Problems met on the way (a layout whose source folder does not exist). */
size_t copylint_status_notice_count(const copylint_status *status);
const char *copylint_status_notice_at(const copylint_status *status, size_t index);
/* Writes the status as "text", "json", "markdown" or "html" (one page,
 * XHTML5, styles inline, no script). A write failure is COPYLINT_EIO. */
int copylint_status_write(const copylint_status *status, const char *format, copylint_write_cb write,
			  void *payload);

#ifdef __cplusplus
}
#endif

#endif
