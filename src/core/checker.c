/* The pipeline for one file — read, detect, parse, check, suppress,
 * resolve — and the run over many files, on worker threads when asked.
 * Each worker owns its segmenter and rule states; a file's bytes live only
 * while that file is checked. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copylint/copylint.h"
#include "../checks/langid.h"
#include "../checks/rule.h"
#include "../collect/sources.h"
#include "../config/config.h"
#include "../parse/parse.h"
#include "../report/results.h"
#include "../text/normalize.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/error.h"
#include "language.h"

/* What one thread keeps between files. */
typedef struct {
	cl_segmenter *seg;
	void **rule_state;  /* per registry index */
	copylint_results *results;
} worker;

struct copylint_checker {
	const copylint_config *config;
	/* The worker of single-threaded runs, kept between runs so that break
	 * iterators and rule states (dictionaries) are made once, not per call. */
	worker *own_worker;
	char *language;  /* forced by the caller, or NULL */
	unsigned jobs;
	copylint_progress_cb progress;
	void *progress_payload;
	bool suggestions;
	char *cache_dir;  /* NULL: none */
};

/* A file's outcome, before it joins the sorted results. */
typedef struct {
	copylint_file_status status;
	char *message;
	copylint_finding *findings;
	size_t count, cap;
} file_outcome;

static void worker_dispose(worker *w);

int copylint_checker_new(copylint_checker **out, const copylint_config *config,
			 const copylint_checker_options *options)
{
	copylint_checker_options defaults = COPYLINT_CHECKER_OPTIONS_INIT;
	if (!options)
		options = &defaults;
	if (!config)
		return cl_error_set(COPYLINT_EINVALID, "a checker needs a configuration");
	if (options->version != 1 && options->version != COPYLINT_CHECKER_OPTIONS_VERSION)
		return cl_error_set(COPYLINT_EINVALID, "checker options version %u is not supported",
				    options->version);
	copylint_checker *checker = cl_calloc(1, sizeof(*checker));
	checker->config = config;
	checker->language = options->language ? cl_strdup(options->language) : NULL;
	checker->jobs = options->jobs ? options->jobs : 1;
	checker->progress = options->progress;
	checker->progress_payload = options->progress_payload;
	checker->suggestions = options->suggestions;
	/* Version 1 callers' structs end before cache_dir. */
	if (options->version >= 2 && options->cache_dir)
		checker->cache_dir = cl_strdup(options->cache_dir);
	*out = checker;
	return 0;
}

void copylint_checker_free(copylint_checker *checker)
{
	if (!checker)
		return;
	if (checker->own_worker) {
		worker_dispose(checker->own_worker);
		free(checker->own_worker);
	}
	free(checker->language);
	free(checker->cache_dir);
	free(checker);
}

static void worker_init(worker *w, copylint_results *results)
{
	w->seg = cl_segmenter_new();
	w->rule_state = cl_calloc(cl_rules_count(), sizeof(void *));
	w->results = results;
}

static void worker_dispose(worker *w)
{
	for (size_t i = 0; i < cl_rules_count(); i++)
		if (w->rule_state[i] && cl_rules_at(i)->state_free)
			cl_rules_at(i)->state_free(w->rule_state[i]);
	free(w->rule_state);
	cl_segmenter_free(w->seg);
	cl_text_release_scratch();
}

static void add_notice(void *payload, const char *message)
{
	cl_results_add_notice(payload, message);
}

static bool rule_applies(const cl_rule *rule, const char *lang)
{
	const char *list = rule->info.languages;
	if (!list)
		return true;
	size_t primary = strcspn(lang, "-_");
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, " ");
		if (len == primary && !strncasecmp(p, lang, len))
			return true;
		p += len;
		p += strspn(p, " ");
	}
	return false;
}

static void run_rules(const copylint_checker *checker, worker *w, const cl_document *doc,
		      const cl_resolved *settings, const char *lang, cl_findings *findings)
{
	char locale[64];
	cl_language_to_locale(lang, locale, sizeof(locale));
	for (size_t i = 0; i < cl_rules_count(); i++) {
		const cl_rule *rule = cl_rules_at(i);
		if (settings->severity[i] == COPYLINT_SEVERITY_OFF || !rule_applies(rule, lang))
			continue;
		if (rule->state_new && !w->rule_state[i])
			w->rule_state[i] = rule->state_new();
		const cl_rule_setting *setting = settings->setting[i];
		cl_check_ctx ctx = {
			.rule = rule, .severity = settings->severity[i], .lang = lang, .locale = locale,
			.seg = w->seg, .state = w->rule_state[i],
			.options = setting ? setting->options : NULL,
			.noptions = setting ? setting->noptions : 0,
			.findings = findings, .notice = add_notice, .notice_payload = w->results,
			.words = settings->words, .nwords = settings->nwords,
			.dictionaries = settings->dictionaries, .ndictionaries = settings->ndictionaries,
			.suggestions = checker->suggestions,
			.cache_dir = checker->cache_dir,
		};
		if (rule->check(&ctx, doc) < 0) {
			char *message = cl_sprintf("%s: rule %s failed: %s", doc->path, rule->info.id,
						   cl_error_get());
			cl_results_add_notice(w->results, message);
			free(message);
		}
	}
}

static const char *document_language(const copylint_checker *checker, const cl_document *doc,
				     const cl_resolved *settings, const char *path, char *buf, size_t size)
{
	if (checker->language)
		return checker->language;
	if (doc->lang)
		return doc->lang;
	if (settings->language != checker->config->language)  /* an override set it */
		return settings->language;
	const char *from_path = cl_language_from_path(path, buf, size);
	return from_path ? from_path : settings->language;
}

/* Judges each block's language once, for the rules that ask (spelling
 * skips a paragraph left in another language, untranslated reports it). */
static void mark_foreign_blocks(cl_document *doc, const cl_resolved *settings, const char *lang)
{
	static const char *const askers[] = { "spelling", "untranslated" };
	char primary[16];
	size_t n = strcspn(lang, "-_");
	if (n >= sizeof(primary))
		return;
	for (size_t i = 0; i < n; i++)
		primary[i] = (char)(lang[i] >= 'A' && lang[i] <= 'Z' ? lang[i] + 32 : lang[i]);
	primary[n] = '\0';
	for (size_t i = 0; i < sizeof(askers) / sizeof(askers[0]); i++) {
		long rule = cl_rules_index(askers[i]);
		if (rule >= 0 && settings->severity[rule] != COPYLINT_SEVERITY_OFF) {
			cl_langid_mark(doc, primary);
			return;
		}
	}
}

/* Bytes that are not text at all: refused before parsing. */
static bool refuse_encoding(const char *data, size_t len, const char *path, file_outcome *out,
			    cl_findings *findings)
{
	const cl_rule *encoding = cl_rules_find("encoding");
	if (len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF'))) {
		cl_findings_add(findings, encoding->info.id, COPYLINT_SEVERITY_ERROR, 0, 2,
				cl_strdup("UTF-16 is not supported: save the file as UTF-8"));
		return true;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		out->status = COPYLINT_FILE_SKIPPED_BINARY;
		out->message = cl_sprintf("%s: binary file (NUL byte at offset %zu), skipped", path,
					  (size_t)(nul - data));
		return true;
	}
	return false;
}

/* config_path: where the config's globs look for the file (a git source's
 * place in the working tree), usually path itself. */
static void check_bytes(const copylint_checker *checker, worker *w, const char *path,
			const char *config_path, const char *data, size_t len, file_outcome *out)
{
	cl_findings findings = { NULL, 0, 0 };
	cl_document doc;
	cl_resolved settings;
	char path_lang[16];

	out->status = COPYLINT_FILE_CHECKED;
	if (!refuse_encoding(data, len, path, out, &findings)) {
		cl_document_init(&doc, path, data, len, cl_format_for_path(path));
		doc.invalid_utf8_count = cl_utf8_validate(data, len, &doc.first_invalid_utf8);
		if (doc.invalid_utf8_count)
			doc.first_invalid_byte = (unsigned char)data[doc.first_invalid_utf8];
		cl_parse_document(&doc);
		cl_config_resolve(checker->config, config_path, &settings);
		const char *lang = document_language(checker, &doc, &settings, path, path_lang, sizeof(path_lang));
		mark_foreign_blocks(&doc, &settings, lang);
		run_rules(checker, w, &doc, &settings, lang, &findings);
		cl_suppress_apply(&doc, &findings);
		cl_resolved_dispose(&settings);
		cl_document_dispose(&doc);
	}
	cl_resolve_findings(&findings, data, len, path, &out->findings, &out->count, &out->cap);
	cl_findings_dispose(&findings);
}

static void check_source(const copylint_checker *checker, worker *w, const cl_source *source,
			 const char *path, file_outcome *out)
{
	char *data, *error;
	size_t len;
	if (cl_source_read(source, &data, &len, &error) < 0) {
		out->status = COPYLINT_FILE_ERROR;
		out->message = error;
		return;
	}
	check_bytes(checker, w, path, source->config_path ? source->config_path : path, data, len, out);
	if (source->limit_to_changed)
		cl_results_keep_changed(out->findings, &out->count, source->changed, source->nchanged, len);
	free(data);
}

/* ---- the run ---------------------------------------------------------- */

typedef struct {
	const copylint_checker *checker;
	const copylint_sources *sources;
	copylint_results *results;
	file_outcome *outcomes;
	atomic_size_t next;
	pthread_mutex_t lock;
	pthread_cond_t done_cond;
	size_t done, findings;
} run_state;

static void finish_file(run_state *run, const file_outcome *outcome)
{
	pthread_mutex_lock(&run->lock);
	run->done++;
	run->findings += outcome->count;
	pthread_cond_signal(&run->done_cond);
	pthread_mutex_unlock(&run->lock);
}

static void work_with(run_state *run, worker *w)
{
	w->results = run->results;
	for (;;) {
		size_t i = atomic_fetch_add(&run->next, 1);
		if (i >= run->sources->count)
			break;
		check_source(run->checker, w, &run->sources->items[i], run->results->files[i].path,
			     &run->outcomes[i]);
		finish_file(run, &run->outcomes[i]);
	}
}

static void *work(void *arg)
{
	run_state *run = arg;
	worker w;
	worker_init(&w, run->results);
	work_with(run, &w);
	worker_dispose(&w);
	return NULL;
}

static void work_here(run_state *run, copylint_checker *checker)
{
	if (!checker->own_worker) {
		checker->own_worker = cl_malloc(sizeof(worker));
		worker_init(checker->own_worker, run->results);
	}
	work_with(run, checker->own_worker);
}

static void report_progress(run_state *run)
{
	const copylint_checker *checker = run->checker;
	pthread_mutex_lock(&run->lock);
	size_t reported = (size_t)-1;
	while (run->done < run->sources->count) {
		pthread_cond_wait(&run->done_cond, &run->lock);
		if (checker->progress && run->done != reported) {
			reported = run->done;
			size_t done = run->done, findings = run->findings;
			pthread_mutex_unlock(&run->lock);
			checker->progress(done, run->sources->count, findings, checker->progress_payload);
			pthread_mutex_lock(&run->lock);
		}
	}
	pthread_mutex_unlock(&run->lock);
}

static void run_threads(run_state *run, unsigned jobs)
{
	pthread_t *threads = cl_calloc(jobs, sizeof(pthread_t));
	unsigned started = 0;
	for (; started < jobs; started++)
		if (pthread_create(&threads[started], NULL, work, run) != 0)
			break;
	if (started == 0)
		work(run);  /* no thread could start: do it here */
	else
		report_progress(run);
	for (unsigned i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
}

static void gather(run_state *run)
{
	copylint_results *results = run->results;
	for (size_t i = 0; i < run->sources->count; i++) {
		file_outcome *o = &run->outcomes[i];
		results->files[i].status = o->status;
		results->files[i].message = o->message;
		CL_GROW(results->findings, results->cap, results->count + o->count);
		if (o->count)
			memcpy(results->findings + results->count, o->findings, o->count * sizeof(copylint_finding));
		results->count += o->count;
		free(o->findings);
	}
	cl_results_sort(results);
}

int copylint_check_sources(copylint_results **out, copylint_checker *checker,
			   const copylint_sources *sources)
{
	run_state run;
	memset(&run, 0, sizeof(run));
	run.checker = checker;
	run.sources = sources;
	run.results = cl_results_new(sources->count);
	run.outcomes = cl_calloc(sources->count ? sources->count : 1, sizeof(file_outcome));
	for (size_t i = 0; i < sources->count; i++)
		run.results->files[i].path = cl_strdup(sources->items[i].path);
	atomic_init(&run.next, 0);
	pthread_mutex_init(&run.lock, NULL);
	pthread_cond_init(&run.done_cond, NULL);

	unsigned jobs = checker->jobs;
	if (jobs > sources->count)
		jobs = (unsigned)sources->count;
	if (jobs <= 1 && !checker->progress)
		work_here(&run, checker);
	else
		run_threads(&run, jobs ? jobs : 1);

	gather(&run);
	pthread_cond_destroy(&run.done_cond);
	pthread_mutex_destroy(&run.lock);
	free(run.outcomes);
	*out = run.results;
	return 0;
}

int copylint_check_buffer(copylint_results **out, copylint_checker *checker,
			  const char *display_path, const char *data, size_t len)
{
	copylint_sources *sources;
	copylint_sources_new(&sources);
	copylint_sources_add_buffer(sources, display_path, data, len);
	int error = copylint_check_sources(out, checker, sources);
	copylint_sources_free(sources);
	return error;
}
