/* The pipeline for one file — read, detect, parse, check, suppress,
 * resolve — and the checker that holds what files share. The run over many
 * files, on worker threads, is in run.c. Each worker owns its segmenter and
 * rule states; a file's bytes live only while that file is checked. */
#include <pthread.h>
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
#include "../util/pathorder.h"
#include "../util/error.h"
#include "../align/align.h"
#include "../text/lineindex.h"
#include "language.h"
#include "pair.h"
#include "stale.h"
#include "checker_internal.h"


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
	if (options->language && !copylint_language_valid(options->language))
		return cl_error_set(COPYLINT_EINVALID, "language '%s' is not a BCP 47 tag such as en-US, cs or pt-BR",
				    options->language);
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
	pthread_mutex_init(&checker->lock, NULL);
	cl_stale_run_init(&checker->stale);
	*out = checker;
	return 0;
}

void copylint_checker_free(copylint_checker *checker)
{
	if (!checker)
		return;
	if (checker->own_worker) {
		cl_checker_worker_dispose(checker->own_worker);
		free(checker->own_worker);
	}
	if (checker->translation_sources) {
		cl_source_cache_dispose(checker->translation_sources);
		free(checker->translation_sources);
	}
	cl_stale_run_dispose(&checker->stale);
	pthread_mutex_destroy(&checker->lock);
	free(checker->language);
	free(checker->cache_dir);
	free(checker);
}

void cl_checker_worker_init(worker *w, copylint_results *results)
{
	w->seg = cl_segmenter_new();
	w->rule_state = cl_calloc(cl_rules_count(), sizeof(void *));
	w->results = results;
}

void cl_checker_worker_dispose(worker *w)
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
		      const cl_resolved *settings, const char *lang, const char *source_lang,
		      const cl_translation *translation, const cl_stale_input *stale, cl_findings *findings)
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
			.jobs = checker->jobs,
			.source_lang = translation ? translation->source_lang : source_lang,
			.translation = translation,
			.stale = stale,
		};
		if (rule->check(&ctx, doc) < 0) {
			char *message = cl_sprintf("%s: rule %s failed: %s", doc->path, rule->info.id,
						   cl_error_get());
			cl_results_add_notice(w->results, message);
			free(message);
		}
	}
}

/* *by_path: the language came from a path convention. */
static const char *document_language(const copylint_checker *checker, const cl_document *doc,
				     const cl_resolved *settings, const char *path, char *buf, size_t size,
				     bool *by_path)
{
	*by_path = false;
	if (checker->language)
		return checker->language;
	if (doc->lang)
		return doc->lang;
	if (settings->language != checker->config->language) {  /* an override set it */
		/* A page under `content/de/` with a cspell override `language: de,en` is still
		 * the translation its path says, with the source's words. */
		const char *from_path = cl_language_from_path(path, buf, size);
		size_t n = strcspn(settings->language, "-_");
		*by_path = from_path && strcspn(from_path, "-_") == n && !strncasecmp(from_path, settings->language, n);
		return settings->language;
	}
	const char *from_path = cl_language_from_path(path, buf, size);
	*by_path = from_path != NULL;
	return from_path ? from_path : settings->language;
}

/* Judges each block's language once, for the rules that ask (spelling
 * skips a paragraph left in another language, untranslated reports it,
 * punctuation-spacing and unbalanced-pair read it by its own language's
 * typography). */
static void mark_foreign_blocks(cl_document *doc, const cl_resolved *settings, const char *lang)
{
	static const char *const askers[] = { "spelling", "untranslated", "punctuation-spacing", "unbalanced-pair" };
	for (size_t i = 0; i < sizeof(askers) / sizeof(askers[0]); i++) {
		long rule = cl_rules_index(askers[i]);
		if (rule >= 0 && settings->severity[rule] != COPYLINT_SEVERITY_OFF) {
			cl_langid_mark(doc, lang);
			return;
		}
	}
}

/* UTF-16 without a byte-order mark: most text is ASCII or Latin, so one
 * byte of nearly every pair is NUL, always the same one. 0: not UTF-16;
 * 1: little-endian; 2: big-endian. */
static int utf16_without_bom(const char *data, size_t len)
{
	size_t pairs = (len < 4096 ? len : 4096) / 2, low = 0, high = 0;
	for (size_t i = 0; i < pairs; i++) {
		low += data[2 * i] != '\0' && data[2 * i + 1] == '\0';
		high += data[2 * i] == '\0' && data[2 * i + 1] != '\0';
	}
	if (pairs < 2)
		return 0;
	return low * 10 >= pairs * 9 ? 1 : high * 10 >= pairs * 9 ? 2 : 0;
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
	int utf16 = utf16_without_bom(data, len);
	if (utf16) {
		cl_findings_add(findings, encoding->info.id, COPYLINT_SEVERITY_ERROR, 0, 2,
				cl_sprintf("UTF-16 (%s, without a byte-order mark) is not supported: save the file "
					   "as UTF-8", utf16 == 1 ? "little-endian" : "big-endian"));
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

/* Runs the rules, with the translation's source when there is one: the two
 * block sequences aligned once for every pair rule. */
static void run_with_source(const copylint_checker *checker, worker *w, const cl_document *doc,
			    const cl_resolved *settings, const char *lang, const char *source_lang,
			    const cl_source_doc *source, const cl_stale_input *stale, cl_findings *findings)
{
	if (!source || source->error) {
		run_rules(checker, w, doc, settings, lang, source_lang, NULL, stale, findings);
		return;
	}
	cl_lineindex lines;
	cl_alignment alignment;
	cl_lineindex_build(&lines, source->data, source->len);
	cl_align_documents(&alignment, &source->doc, doc);
	cl_translation translation = {
		.source = &source->doc,
		.source_lang = source->doc.lang ? source->doc.lang : copylint_pair_source_language(checker->config),
		.alignment = &alignment,
		.source_lines = &lines,
	};
	bool comparable = cl_alignment_comparable(&alignment, &source->doc, doc);
	run_rules(checker, w, doc, settings, lang, source_lang, comparable ? &translation : NULL, stale, findings);
	cl_alignment_dispose(&alignment);
	cl_lineindex_dispose(&lines);
}

static cl_source_cache *source_cache(const copylint_checker *checker);

/* stale-translation's input, when the rule is on (src/core/stale.c). */
static bool prepare_stale(const copylint_checker *checker, worker *w, const cl_source *origin, const char *data,
			  size_t len, const cl_source_doc *source, const cl_resolved *settings, cl_stale_file *out)
{
	cl_stale_request request = {
		.config = checker->config, .settings = settings, .origin = origin, .all = w->sources,
		.data = data, .len = len, .counterpart = source, .cache = source_cache(checker),
		.notices = w->results,
	};
	return cl_stale_prepare(&((copylint_checker *)checker)->stale, &request, out);
}

/* config_path: where the config's globs look for the file (a git source's
 * place in the working tree), usually path itself. */
static void check_bytes(const copylint_checker *checker, worker *w, const cl_source *origin, const char *path,
			const char *config_path, const char *data, size_t len, const cl_source_doc *source,
			file_outcome *out)
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
		bool by_path;
		const char *lang = document_language(checker, &doc, &settings, path, path_lang, sizeof(path_lang),
						     &by_path);
		mark_foreign_blocks(&doc, &settings, lang);
		const char *source_lang = cl_language_translation_source(checker->config->translations_source,
									 lang, by_path);
		cl_stale_file stale;
		bool has_stale = prepare_stale(checker, w, origin, data, len, source, &settings, &stale);
		run_with_source(checker, w, &doc, &settings, lang, source_lang, source,
				has_stale ? &stale.input : NULL, &findings);
		cl_stale_file_dispose(&stale);
		cl_suppress_apply(&doc, &findings);
		cl_resolved_dispose(&settings);
		cl_document_dispose(&doc);
	}
	cl_resolve_findings(&findings, data, len, path, &out->findings, &out->count, &out->cap);
	cl_findings_dispose(&findings);
}

static cl_source_cache *source_cache(const copylint_checker *checker)
{
	copylint_checker *mutable = (copylint_checker *)checker;
	pthread_mutex_lock(&mutable->lock);
	if (!mutable->translation_sources) {
		mutable->translation_sources = cl_malloc(sizeof(cl_source_cache));
		cl_source_cache_init(mutable->translation_sources);
	}
	pthread_mutex_unlock(&mutable->lock);
	return mutable->translation_sources;
}

void cl_checker_check_source(const copylint_checker *checker, worker *w, const cl_source *source,
			 const char *path, file_outcome *out)
{
	char *data, *error;
	size_t len;
	if (cl_source_read(source, &data, &len, &error) < 0) {
		out->status = COPYLINT_FILE_ERROR;
		out->message = error;
		return;
	}
	const cl_source_doc *counterpart = cl_pair_source_of(source_cache(checker), checker->config, source, path,
							     w->results);
	check_bytes(checker, w, source, path, source->config_path ? source->config_path : path, data, len,
		    counterpart, out);
	if (source->limit_to_changed)
		cl_results_keep_changed(out->findings, &out->count, source->changed, source->nchanged, len);
	free(data);
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

