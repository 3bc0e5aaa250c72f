/* spelling: which dictionary a document is checked with, and the spellers
 * the run's threads share (see spelling_profile.h). */
#include "spelling_profile.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/error.h"
#include "spelling_dict.h"

void *cl_spell_state_new(void)
{
	return cl_calloc(1, sizeof(spell_state));
}

/* The threads of a run, and checkers with the same settings, share one
 * speller per dictionary and additions: its answers are shared, and the
 * dictionary loads once per run, not once per thread (a load takes 0.1-0.3
 * s, and loads cannot overlap: see load_handle in speller.c). The speller
 * loads another Hunspell handle only when the run's threads wait for one
 * (up to one per thread and processor, see lookup_threads); each thread
 * keeps its own verdict cache in front of it. */
struct shared_speller {
	char *key;
	cl_speller *speller;  /* NULL: it could not be loaded (the user was told) */
	size_t refs;
	shared_speller *next;
};

static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;
static shared_speller *shared_spellers;

static void release_speller(shared_speller *shared)
{
	if (!shared)
		return;
	pthread_mutex_lock(&shared_lock);
	bool last = --shared->refs == 0;
	for (shared_speller **at = &shared_spellers; last && *at; at = &(*at)->next) {
		if (*at == shared) {
			*at = shared->next;
			break;
		}
	}
	pthread_mutex_unlock(&shared_lock);
	if (last) {
		cl_speller_free(shared->speller);  /* writes the cache */
		free(shared->key);
		free(shared);
	}
}

void cl_spell_state_free(void *p)
{
	spell_state *state = p;
	for (size_t i = 0; state && i < state->nprofiles; i++) {
		free(state->profiles[i].key);
		free(state->profiles[i].name);
		release_speller(state->profiles[i].shared);
		release_speller(state->profiles[i].source_shared);
		cl_keyset_dispose(&state->profiles[i].verdicts);
		cl_keyset_dispose(&state->profiles[i].forbidden);
		free(state->profiles[i].hot);
	}
	if (state) {
		free(state->profiles);
		cl_buf_dispose(&state->last_inputs);
	}
	free(state);
}

/* ---- which dictionary ------------------------------------------------- */

static bool is_folder(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The config's dictionaries: for this language, split into folders to
 * search and word lists to add. */
static void config_paths(const cl_check_ctx *ctx, const char **folders, size_t *nfolders,
			 const char **lists, size_t *nlists)
{
	*nfolders = *nlists = 0;
	for (size_t i = 0; i < ctx->ndictionaries; i++) {
		const cl_lang_value *d = ctx->dictionaries[i];
		if (!cl_check_lang_matches(ctx, d->lang))
			continue;
		if (is_folder(d->value))
			folders[(*nfolders)++] = d->value;
		else
			lists[(*nlists)++] = d->value;
	}
}

/* The base path of the dictionary (NULL when missing) and its name. */
static char *find_dictionary(const cl_check_ctx *ctx, const char *const *folders, size_t nfolders,
			     const char **names_out)
{
	const cl_option_value *chosen = cl_check_option(ctx, "dictionary");
	const char *names = chosen && chosen->count ? chosen->values[0] : cl_spell_lang_for(ctx->lang).names;
	if (!names)
		names = ctx->locale;  /* an unlisted language: try its ICU name, such as xx_YY */
	*names_out = names;
	for (const char *p = names; *p;) {
		size_t len = strcspn(p, " ");
		char *name = cl_strndup(p, len);
		char *base = cl_spell_find(name, folders, nfolders);
		free(name);
		if (base)
			return base;
		p += len + strspn(p + len, " ");
	}
	return NULL;
}

static void missing_notice(cl_check_ctx *ctx, const char *names)
{
	cl_spell_lang lang = cl_spell_lang_for(ctx->lang);
	char *message;
	if (lang.package)
		message = cl_sprintf("spelling: no Hunspell dictionary for %s (looked for %s): install the "
				     "Debian package %s, or put one in a dictionaries: folder or $DICPATH; "
				     "spelling is not checked in these files", ctx->lang, names, lang.package);
	else
		message = cl_sprintf("spelling: no Hunspell dictionary for %s (looked for %s): put one in a "
				     "dictionaries: folder or $DICPATH; spelling is not checked in these files",
				     ctx->lang, names);
	ctx->notice(ctx->notice_payload, message);
	free(message);
}

static void notice_error(cl_check_ctx *ctx, const char *what)
{
	char *message = cl_sprintf("spelling: %s", what);
	ctx->notice(ctx->notice_payload, message);
	free(message);
}

static void add_list_if_there(cl_check_ctx *ctx, cl_speller *speller, const char *dir, const char *name)
{
	char *path = cl_sprintf("%s/%s.txt", dir, name);
	FILE *fp = fopen(path, "rb");
	if (fp) {
		fclose(fp);
		if (cl_speller_add_file(speller, path) < 0)
			notice_error(ctx, cl_error_get());
	}
	free(path);
}

/* copylint's lists: technical terms every language writes alike
 * (tech.txt: glibc, SIGTERM, WebAssembly), then the language's own. */
static void add_supplement(cl_check_ctx *ctx, cl_speller *speller)
{
	char primary[16];
	const char *dir = cl_spell_data_dir();
	if (!dir)
		return;
	add_list_if_there(ctx, speller, dir, "tech");
	add_list_if_there(ctx, speller, dir, cl_check_language(ctx, primary, sizeof(primary)));
}


void cl_spell_notice_speller_error(void *payload, const char *message)
{
	notice_error(payload, message);
}

static cl_speller *load_speller(cl_check_ctx *ctx, const char *base, const char *const *lists, size_t nlists)
{
	char *aff = cl_sprintf("%s.aff", base), *dic = cl_sprintf("%s.dic", base);
	cl_speller *speller = NULL;
	if (cl_speller_new(&speller, aff, dic) < 0) {
		notice_error(ctx, cl_error_get());
	} else {
		add_supplement(ctx, speller);
		for (size_t i = 0; i < nlists; i++)
			if (cl_speller_add_file(speller, lists[i]) < 0)
				notice_error(ctx, cl_error_get());
		for (size_t i = 0; i < ctx->nwords; i++)
			if (cl_check_lang_matches(ctx, ctx->words[i]->lang) && ctx->words[i]->value[0] != '!' &&
			    cl_speller_add(speller, ctx->words[i]->value, strlen(ctx->words[i]->value)) < 0)
				notice_error(ctx, cl_error_get());
		if (cl_speller_ready(speller, ctx->cache_dir) < 0) {
			notice_error(ctx, cl_error_get());
			cl_speller_free(speller);
			speller = NULL;
		} else {
			cl_speller_take_errors(speller, cl_spell_notice_speller_error, ctx);
		}
	}
	free(aff);
	free(dic);
	return speller;
}

/* How many threads may look words up at once: the run's, but no more than
 * the processors, since each Hunspell handle costs the dictionary's memory
 * again (Polish: 30 MB). */
static size_t lookup_threads(const cl_check_ctx *ctx)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t threads = ctx->jobs ? ctx->jobs : 1;
	return cpus > 0 && (size_t)cpus < threads ? (size_t)cpus : threads;
}

/* The shared speller for key (the profile's key and the cache folder),
 * loaded by the first thread that asks while the others wait. */
static shared_speller *acquire_speller(cl_check_ctx *ctx, const char *profile_key, const char *base,
				       const char *const *lists, size_t nlists)
{
	char *key = cl_sprintf("%s\ncache:%s", profile_key, ctx->cache_dir ? ctx->cache_dir : "");
	pthread_mutex_lock(&shared_lock);
	shared_speller *shared = shared_spellers;
	while (shared && strcmp(shared->key, key))
		shared = shared->next;
	if (shared) {
		free(key);
	} else {
		shared = cl_calloc(1, sizeof(*shared));
		shared->key = key;
		shared->speller = load_speller(ctx, base, lists, nlists);
		shared->next = shared_spellers;
		shared_spellers = shared;
	}
	shared->refs++;
	if (shared->speller)
		cl_speller_set_threads(shared->speller, lookup_threads(ctx));
	pthread_mutex_unlock(&shared_lock);
	return shared;
}

static void load_profile(cl_check_ctx *ctx, profile *p, const char *base, const char *const *lists,
			 size_t nlists)
{
	p->shared = acquire_speller(ctx, p->key, base, lists, nlists);
	p->speller = p->shared->speller;
	UErrorCode status = U_ZERO_ERROR;
	p->nscripts = uscript_getCode(ctx->locale, p->scripts, MAX_SCRIPTS, &status);
	if (U_FAILURE(status))
		p->nscripts = 0;
	p->latin = cl_spell_script_covered(p, 'a');
}

/* The language whose words a translation takes over as they are (the
 * option source-words, on by default), or NULL. */
static const char *source_language(const cl_check_ctx *ctx)
{
	const cl_option_value *on = cl_check_option(ctx, "source-words");
	if (!ctx->source_lang || (on && on->count && !strcmp(on->values[0], "false")))
		return NULL;
	return cl_spell_lang_for(ctx->source_lang).none ? NULL : ctx->source_lang;
}

/* Everything that makes two documents share a speller, as one string. */
static char *profile_key(const cl_check_ctx *ctx, const char *base, const char *names,
			 const char *const *lists, size_t nlists)
{
	cl_buf key = CL_BUF_INIT;
	cl_buf_printf(&key, "%s\n%s\n%s", base ? base : "", names, ctx->locale);
	for (size_t i = 0; i < nlists; i++)
		cl_buf_printf(&key, "\nlist:%s", lists[i]);
	for (size_t i = 0; i < ctx->nwords; i++)
		if (cl_check_lang_matches(ctx, ctx->words[i]->lang))
			cl_buf_printf(&key, "\nword:%s", ctx->words[i]->value);
	return cl_buf_detach(&key);
}

/* Everything a profile depends on, cheaply: the config's entries are
 * compared by address (they live as long as the run), so the next file of
 * the same language skips the dictionary search on disk. */
static void profile_inputs(const cl_check_ctx *ctx, cl_buf *out)
{
	const cl_option_value *chosen = cl_check_option(ctx, "dictionary");
	cl_buf_clear(out);
	cl_buf_printf(out, "%s\n%s\n%s\n%s", ctx->lang, ctx->locale, chosen && chosen->count ? chosen->values[0] : "",
		      source_language(ctx) ? source_language(ctx) : "");
	for (size_t i = 0; i < ctx->nwords; i++)
		cl_buf_printf(out, " w%p", (const void *)ctx->words[i]);
	for (size_t i = 0; i < ctx->ndictionaries; i++)
		cl_buf_printf(out, " d%p", (const void *)ctx->dictionaries[i]);
}

static profile *find_profile(cl_check_ctx *ctx, spell_state *state);

profile *cl_spell_profile_for(cl_check_ctx *ctx, spell_state *state)
{
	cl_buf inputs = CL_BUF_INIT;
	profile_inputs(ctx, &inputs);
	bool same = state->nprofiles && inputs.size == state->last_inputs.size &&
		    !memcmp(inputs.ptr, state->last_inputs.ptr, inputs.size);
	if (!same) {
		profile *p = find_profile(ctx, state);
		state->last_profile = (size_t)(p - state->profiles);
		cl_buf_clear(&state->last_inputs);
		cl_buf_put(&state->last_inputs, inputs.ptr, inputs.size);
	}
	cl_buf_dispose(&inputs);
	return &state->profiles[state->last_profile];
}

/* The speller of the translation's source language, with the config's
 * words for that language, beside the profile's own. */
static void load_source(const cl_check_ctx *ctx, profile *p, const char *lang)
{
	char locale[64];
	cl_check_ctx src = *ctx;
	snprintf(locale, sizeof(locale), "%s", lang);
	for (char *c = locale; *c; c++)
		*c = *c == '-' ? '_' : *c;
	src.lang = lang;
	src.locale = locale;
	src.options = NULL;  /* dictionary: names the document language's */
	src.noptions = 0;
	const char **folders = cl_calloc(ctx->ndictionaries + 1, sizeof(char *));
	const char **lists = cl_calloc(ctx->ndictionaries + 1, sizeof(char *));
	size_t nfolders, nlists;
	const char *names;
	config_paths(&src, folders, &nfolders, lists, &nlists);
	char *base = find_dictionary(&src, folders, nfolders, &names);
	if (base) {
		char *key = profile_key(&src, base, names, lists, nlists);
		p->source_shared = acquire_speller(&src, key, base, lists, nlists);
		p->source = p->source_shared->speller;
		free(key);
	} else {
		missing_notice(&src, names);
	}
	free(base);
	free(folders);
	free(lists);
}

/* The config's words written !word: never correct, whatever the
 * dictionary says (cspell's flagWords and its dictionaries' ! entries). */
static void collect_forbidden(const cl_check_ctx *ctx, cl_keyset *forbidden)
{
	size_t dummy;
	for (size_t i = 0; i < ctx->nwords; i++) {
		const char *w = ctx->words[i]->value;
		if (w[0] != '!' || !w[1] || !cl_check_lang_matches(ctx, ctx->words[i]->lang))
			continue;
		char *lower = cl_strdup(w + 1);
		for (char *c = lower; *c; c++)
			*c = *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
		cl_keyset_put(forbidden, lower, strlen(lower), 1, &dummy);
		free(lower);
	}
}

static profile *find_profile(cl_check_ctx *ctx, spell_state *state)
{
	const char **folders = cl_calloc(ctx->ndictionaries + 1, sizeof(char *));
	const char **lists = cl_calloc(ctx->ndictionaries + 1, sizeof(char *));
	size_t nfolders, nlists;
	const char *names;
	config_paths(ctx, folders, &nfolders, lists, &nlists);
	char *base = find_dictionary(ctx, folders, nfolders, &names);
	char *key = profile_key(ctx, base, names, lists, nlists);
	if (source_language(ctx)) {
		char *with_source = cl_sprintf("%s\nsource:%s", key, source_language(ctx));
		free(key);
		key = with_source;
	}
	profile *p = NULL;
	for (size_t i = 0; i < state->nprofiles && !p; i++)
		if (!strcmp(state->profiles[i].key, key))
			p = &state->profiles[i];
	if (!p) {
		CL_GROW(state->profiles, state->cap, state->nprofiles + 1);
		p = &state->profiles[state->nprofiles++];
		memset(p, 0, sizeof(*p));
		p->key = key;
		key = NULL;
		p->name = cl_strdup(base ? strrchr(base, '/') + 1 : names);
		p->hot_slots = HOT_SLOTS_FIRST;
		p->hot = cl_calloc(p->hot_slots, sizeof(hot_slot));
		collect_forbidden(ctx, &p->forbidden);
		if (base)
			load_profile(ctx, p, base, lists, nlists);
		else
			missing_notice(ctx, names);
		if (base && source_language(ctx))
			load_source(ctx, p, source_language(ctx));
	}
	free(key);
	free(base);
	free(folders);
	free(lists);
	return p;
}

bool cl_spell_script_covered(const profile *p, UChar32 cp)
{
	UErrorCode status = U_ZERO_ERROR;
	UScriptCode script = uscript_getScript(cp, &status);
	if (U_FAILURE(status) || p->nscripts == 0 || script == USCRIPT_COMMON || script == USCRIPT_INHERITED)
		return true;
	for (int i = 0; i < p->nscripts; i++)
		if (p->scripts[i] == script)
			return true;
	return false;
}
