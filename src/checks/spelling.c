/* spelling: every word of prose against the Hunspell dictionary of the
 * document's language, plus copylint's supplementary list for it, the
 * config's words: and dictionaries:, and the file's copylint-words comments;
 * in a translation, the source language's dictionary; the document's own
 * terms (spelling_terms.c).
 *
 * What is not a word to check: non-prose spans (code, URLs, HTML, math),
 * text inside {braces} (shortcodes, heading ids, templates), chunks between
 * spaces that are URLs, e-mail addresses, @handles, #hashtags, paths or file
 * names, words with digits, short ALL-CAPS acronyms, and words in a script
 * the language is not written in. Hyphenated compounds pass when the
 * dictionary knows the whole or every part. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <xxhash.h>

#include "../text/speller.h"
#include "../text/utf8.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/keyset.h"
#include "rule.h"
#include "spelling_dict.h"
#include "spelling_skip.h"
#include "spelling_terms.h"

#define DEFAULT_ACRONYM_LENGTH 5
#define MAX_SUGGESTIONS 3
#define SUGGESTION_BUDGET_SECONDS 0.25
#define MAX_PARTS 16
#define MAX_SCRIPTS 8
/* Powers of two. The table starts small (a pre-commit run checks a few
 * hundred words) and grows with the words seen, up to 1 MB, which keeps 90%
 * of the Czech corpus's word lookups out of the big table. */
#define HOT_SLOTS_FIRST 2048
#define HOT_SLOTS_MAX 32768
#define HOT_WORD_BYTES 20

static const cl_option_spec options[] = {
	{ "dictionary", CL_OPTION_STRING },
	{ "acronym-length", CL_OPTION_INT },
	{ "source-words", CL_OPTION_BOOL },
	{ NULL, 0 },
};

static const char *const option_names[] = { "dictionary", "acronym-length", "source-words", NULL };

enum { VERDICT_UNASKED, VERDICT_KNOWN, VERDICT_UNKNOWN, VERDICT_NEVER_CHECKED };

/* The most frequent words answered from a small direct-mapped table, so
 * that "the" and "und" never reach the big hash table's cache misses, nor
 * have their characters classified again. */
typedef struct {
	uint64_t hash;
	unsigned char len;      /* 0: empty */
	unsigned char verdict;  /* VERDICT_*: NEVER_CHECKED, see word_facts */
	unsigned char letters, upper;  /* for the acronym test, which an option sets per file */
	char word[HOT_WORD_BYTES];
} hot_slot;

/* One dictionary with the project's additions: a document's language and
 * config pick one; it loads on first use and stays for the run. */
typedef struct shared_speller shared_speller;

typedef struct {
	char *key;
	char *name;            /* the dictionary's name, such as en_US */
	shared_speller *shared;  /* a reference to the speller; NULL: no dictionary */
	cl_speller *speller;   /* shared->speller; NULL: no dictionary (the user was told) */
	/* A translation's source language's speller, whose words pass too
	 * (English terms in a German page); NULL: none. */
	shared_speller *source_shared;
	cl_speller *source;
	UScriptCode scripts[MAX_SCRIPTS];
	int nscripts;
	bool latin;            /* ASCII letters are in the language's script */
	cl_keyset verdicts;    /* word (+ \x01 when a dot follows) -> 1 known, 2 not */
	cl_keyset forbidden;   /* the config's !words (cspell's flagWords), ASCII-lower-cased */
	hot_slot *hot;         /* hot_slots entries in front of verdicts */
	size_t hot_slots;
} profile;

typedef struct {
	profile *profiles;
	size_t nprofiles, cap;
	double suggest_seconds;
	bool budget_noticed;
	cl_buf last_inputs;   /* what picked the last profile, see profile_inputs */
	size_t last_profile;
} spell_state;

/* What one document's check needs at hand. */
typedef struct {
	cl_check_ctx *ctx;
	spell_state *state;
	profile *profile;
	const cl_block *block;
	cl_keyset inline_words;
	cl_keyset terms;       /* the document's own terms and cspell words, see spelling_terms.h */
	cl_text_range *off;    /* source ranges cspell:disable turns off */
	size_t noff, off_cap;
	size_t acronym_length;
	bool english;
	bool elision;          /* French, Italian, Catalan: l’, d’ before a word */
	cl_buf variant;
} spell_run;

typedef cl_text_range range;

static void *state_new(void)
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

static void state_free(void *p)
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

static bool script_covered(const profile *p, UChar32 cp);

static void notice_speller_error(void *payload, const char *message)
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
			cl_speller_take_errors(speller, notice_speller_error, ctx);
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
	p->latin = script_covered(p, 'a');
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

static profile *profile_for(cl_check_ctx *ctx, spell_state *state)
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

/* ---- which words ------------------------------------------------------ */

static bool script_covered(const profile *p, UChar32 cp)
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

/* Counts one character of a word; false when the word is not to be checked. */
static bool count_char(const spell_run *run, uint32_t cp, size_t *letters, size_t *upper)
{
	if (cp < 0x80) {  /* the plain ASCII fast path: no ICU property lookups */
		if (cp >= '0' && cp <= '9')
			return false;
		bool is_upper = cp >= 'A' && cp <= 'Z', is_letter = is_upper || (cp >= 'a' && cp <= 'z');
		if (is_letter && *letters == 0 && !run->profile->latin)
			return false;
		*letters += is_letter;
		*upper += is_upper;
		return true;
	}
	if (cl_is_latin_letter(cp)) {  /* Czech, German, French, ...: no script lookup */
		if (*letters == 0 && !run->profile->latin)
			return false;
		(*letters)++;
		*upper += u_isupper((UChar32)cp) != 0;
		return true;
	}
	if (u_isdigit((UChar32)cp) || cp == CL_REPLACEMENT_CHAR)
		return false;
	if (!u_isalpha((UChar32)cp))
		return true;
	if (*letters == 0 && !script_covered(run->profile, (UChar32)cp))
		return false;
	(*letters)++;
	*upper += u_isupper((UChar32)cp) != 0;
	return true;
}

/* Words never to check whatever the file's options: with digits, in other
 * scripts, file names, longer than any dictionary word, without letters.
 * Counts the letters and capitals of the others. */
static bool word_facts(const spell_run *run, const char *s, size_t len, size_t *letters, size_t *upper)
{
	*letters = *upper = 0;
	if (len > 100 || cl_spell_has_file_extension(s, len))
		return false;
	for (size_t i = 0; i < len;) {
		uint32_t cp = (unsigned char)s[i];
		bool valid;
		if (cp < 0x80)
			i++;
		else
			i += cl_utf8_decode(s + i, len - i, &cp, &valid);
		if (!count_char(run, cp, letters, upper))
			return false;
	}
	return *letters > 0;
}

static bool is_acronym(const spell_run *run, size_t letters, size_t upper)
{
	return upper == letters && letters <= run->acronym_length;
}

/* An acronym's plural ("VMs", "PRs", "SDKs"): capitals, then one s. */
static bool acronym_plural(const spell_run *run, const hot_slot *slot, const char *s, size_t len)
{
	return slot->upper >= 2 && slot->upper + 1 == slot->letters && slot->upper <= run->acronym_length &&
	       s[len - 1] == 's';
}

/* Initials and abbreviations of single letters with a full stop after each:
 * "J.", "т. д.", "z.B.", "i.e.". */
static bool dotted_initials(const spell_run *run, size_t start, size_t end)
{
	const char *text = run->block->text;
	if (end >= run->block->len || text[end] != '.')
		return false;
	for (size_t i = start; i < end;) {
		uint32_t cp;
		bool valid;
		i += cl_utf8_decode(text + i, end - i, &cp, &valid);
		if (i < end && text[i] != '.')
			return false;
		i += i < end;
	}
	return true;
}

/* Words not to check: the above, and short ALL-CAPS acronyms. */
static bool worth_checking(const spell_run *run, const char *s, size_t len)
{
	size_t letters, upper;
	return word_facts(run, s, len, &letters, &upper) && !is_acronym(run, letters, upper);
}

static bool speller_knows(spell_run *run, const char *s, size_t len)
{
	return cl_speller_check(run->profile->speller, s, len);
}

/* The file's <!-- copylint-words: … --> accept a word as written, or in
 * lower case at the start of a sentence. */
static bool inline_word(const spell_run *run, const char *s, size_t len, cl_buf *tmp)
{
	size_t dummy;
	if (!run->inline_words.count)
		return false;
	if (cl_keyset_get(&run->inline_words, s, len, &dummy))
		return true;
	if (len && s[0] >= 'A' && s[0] <= 'Z') {
		cl_buf_clear(tmp);
		cl_buf_putc(tmp, (char)(s[0] - 'A' + 'a'));
		cl_buf_put(tmp, s + 1, len - 1);
		return cl_keyset_get(&run->inline_words, tmp->ptr, tmp->size, &dummy);
	}
	return false;
}

/* The same word with the other apostrophe (’ <-> '), whichever the
 * dictionary uses. */
static bool other_apostrophe(cl_buf *out, const char *s, size_t len)
{
	bool changed = false;
	cl_buf_clear(out);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\'') {
			cl_buf_puts(out, "\xE2\x80\x99");
			changed = true;
		} else if (i + 3 <= len && !memcmp(s + i, "\xE2\x80\x99", 3)) {
			cl_buf_putc(out, '\'');
			i += 2;
			changed = true;
		} else {
			cl_buf_putc(out, s[i]);
		}
	}
	return changed;
}

static bool possessive_stem(const char *s, size_t len, size_t *stem)
{
	if (len > 2 && !memcmp(s + len - 2, "'s", 2))
		*stem = len - 2;
	else if (len > 4 && !memcmp(s + len - 4, "\xE2\x80\x99s", 4))
		*stem = len - 4;
	else
		return false;
	return true;
}

/* An elided article or pronoun before an apostrophe: l’, d’, qu’, jusqu’
 * (French), dell’, nell’ (Italian). *rest is where the word after it starts. */
static bool elided(const char *s, size_t len, size_t *rest)
{
	for (size_t i = 1; i <= 7 && i < len; i++) {
		size_t apostrophe = s[i] == '\'' ? 1 : (i + 3 <= len && !memcmp(s + i, "\xE2\x80\x99", 3)) ? 3 : 0;
		if (apostrophe) {
			*rest = i + apostrophe;
			return *rest < len;
		}
	}
	return false;
}

/* What the dictionaries say about block text [start, end), trying the
 * variants a dictionary may spell differently. */
static bool dictionary_accepts(spell_run *run, size_t start, size_t end, int depth)
{
	const char *text = run->block->text, *s = text + start;
	size_t len = end - start, stem;
	cl_buf alt = CL_BUF_INIT;
	bool ok = speller_knows(run, s, len);
	if (!ok && other_apostrophe(&alt, s, len))
		ok = speller_knows(run, alt.ptr, alt.size);
	if (!ok && run->english && depth == 0 && possessive_stem(s, len, &stem))
		ok = dictionary_accepts(run, start, start + stem, 1);
	if (!ok && depth == 0 && elided(s, len, &stem))  /* "l’OTAN", "d’epoll": the word after it */
		ok = !worth_checking(run, s + stem, len - stem) || dictionary_accepts(run, start + stem, end, 1);
	if (!ok && end < run->block->len && text[end] == '.') {  /* abbreviations: "usw.", "Nov." */
		cl_buf_clear(&alt);
		cl_buf_put(&alt, s, len + 1);
		ok = speller_knows(run, alt.ptr, alt.size);
	}
	if (!ok && run->profile->source)  /* "Deployment" in German: the source language's word */
		ok = cl_speller_check(run->profile->source, s, len);
	cl_buf_dispose(&alt);
	return ok;
}

/* The file's own words, as written, after an elided article or before a
 * possessive. */
static bool inline_accepts(spell_run *run, const char *s, size_t len)
{
	size_t stem;
	if (inline_word(run, s, len, &run->variant))
		return true;
	if (run->english && possessive_stem(s, len, &stem) && inline_word(run, s, stem, &run->variant))
		return true;
	return elided(s, len, &stem) && inline_word(run, s + stem, len - stem, &run->variant);
}

/* The document's own terms (inline code, commands, its file name) and its
 * cspell words, in any case, as written, after an elided article or before
 * a possessive. */
static bool term_accepts(const spell_run *run, const char *s, size_t len)
{
	size_t stem;
	if (cl_spell_is_term(&run->terms, s, len))
		return true;
	if (run->english && possessive_stem(s, len, &stem) && cl_spell_is_term(&run->terms, s, stem))
		return true;
	return elided(s, len, &stem) && cl_spell_is_term(&run->terms, s + stem, len - stem);
}

/* Four times the slots once there are more distinct words than slots; the
 * table is a cache, so it starts again empty. */
static void grow_hot_table(profile *p)
{
	if (p->verdicts.count <= p->hot_slots || p->hot_slots >= HOT_SLOTS_MAX)
		return;
	free(p->hot);
	p->hot_slots *= 4;
	p->hot = cl_calloc(p->hot_slots, sizeof(hot_slot));
}

static size_t cached_verdict(spell_run *run, size_t start, size_t end)
{
	const char *s = run->block->text + start;
	size_t len = end - start, verdict;
	cl_buf *key = &run->variant;
	cl_buf_clear(key);
	cl_buf_put(key, s, len);
	if (end < run->block->len && s[len] == '.')
		cl_buf_putc(key, '\x01');
	if (!cl_keyset_get(&run->profile->verdicts, key->ptr, key->size, &verdict)) {
		verdict = dictionary_accepts(run, start, end, 0) ? VERDICT_KNOWN : VERDICT_UNKNOWN;  /* leaves key alone */
		cl_keyset_put(&run->profile->verdicts, key->ptr, key->size, verdict, &verdict);
	}
	return verdict;
}

/* The hot slot of block text [start, end), filled in on a miss; *spare
 * stands in for words too long for the table. */
static hot_slot *hot_slot_for(spell_run *run, size_t start, size_t end, hot_slot *spare)
{
	const char *s = run->block->text + start;
	size_t len = end - start, letters, upper;
	bool dot = end < run->block->len && s[len] == '.';
	uint64_t hash = XXH3_64bits(s, len) ^ dot;
	hot_slot *slot = len <= HOT_WORD_BYTES ? &run->profile->hot[hash & (run->profile->hot_slots - 1)] : spare;
	if (slot != spare && slot->len == len && slot->hash == hash && !memcmp(slot->word, s, len))
		return slot;
	bool checkable = word_facts(run, s, len, &letters, &upper);
	*slot = (hot_slot){ .hash = hash, .len = (unsigned char)(slot == spare ? 0 : len),
			    .verdict = checkable ? VERDICT_UNASKED : VERDICT_NEVER_CHECKED,
			    .letters = (unsigned char)letters, .upper = (unsigned char)upper };
	if (slot != spare)
		memcpy(slot->word, s, len);
	return slot;
}

/* Does block text [start, end) pass: a word not to check, or one the
 * dictionaries know? The verdict on the word (and on whether a dot follows
 * it) is cached, so a misspelling that repeats costs one hash lookup like a
 * correct word does; frequent words cost less. */
static bool word_passes(spell_run *run, size_t start, size_t end)
{
	hot_slot spare;
	grow_hot_table(run->profile);  /* here, before a slot is held */
	hot_slot *slot = hot_slot_for(run, start, end, &spare);
	if (slot->verdict == VERDICT_NEVER_CHECKED || is_acronym(run, slot->letters, slot->upper))
		return true;
	if ((slot->letters <= 3 && dotted_initials(run, start, end)) ||
	    acronym_plural(run, slot, run->block->text + start, end - start))
		return true;
	if (slot->verdict == VERDICT_UNASKED)
		slot->verdict = (unsigned char)cached_verdict(run, start, end);
	return slot->verdict == VERDICT_KNOWN ||
	       (run->inline_words.count && inline_accepts(run, run->block->text + start, end - start)) ||
	       (run->terms.count && term_accepts(run, run->block->text + start, end - start));
}

/* ---- findings --------------------------------------------------------- */

/* CPU time of this thread: the budget holds on a loaded machine too. */
static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Suggestions cost tens of milliseconds a word: once per distinct word,
 * only when shown, and within a budget per run. */
static void add_suggestions(spell_run *run, cl_finding *f, const char *word, size_t len)
{
	spell_state *state = run->state;
	if (!run->ctx->suggestions)
		return;
	if (state->suggest_seconds >= SUGGESTION_BUDGET_SECONDS) {
		if (!state->budget_noticed)
			run->ctx->notice(run->ctx->notice_payload,
					 "spelling: suggestions took their time budget; later findings have none");
		state->budget_noticed = true;
		return;
	}
	double started = now_seconds();
	const char *const *items;
	size_t n = cl_speller_suggest(run->profile->speller, word, len, &items, MAX_SUGGESTIONS);
	for (size_t i = 0; i < n; i++)
		cl_finding_add_suggestion(f, items[i]);
	state->suggest_seconds += now_seconds() - started;
}

/* Is source byte at inside a region that cspell:disable turned off? */
static bool turned_off(const spell_run *run, size_t at)
{
	for (size_t i = 0; i < run->noff && run->off[i].start <= at; i++)
		if (at < run->off[i].end)
			return true;
	return false;
}

static void report(spell_run *run, size_t start, size_t end)
{
	const cl_block *block = run->block;
	size_t rest;
	if (run->noff && turned_off(run, cl_block_source_start(block, start)))
		return;
	if (run->elision && elided(block->text + start, end - start, &rest))
		start += rest;  /* "d’Astro": Astro is the unknown word, whatever the article */
	char *shown = cl_utf8_sanitize(block->text + start, end - start);
	cl_finding *f = cl_check_report(run->ctx, cl_block_source_start(block, start),
					cl_block_source_end(block, end),
					cl_sprintf("unknown word “%s” (%s)", shown, run->profile->name));
	add_suggestions(run, f, block->text + start, end - start);
	free(shown);
}

static void report_forbidden(spell_run *run, size_t start, size_t end)
{
	const cl_block *block = run->block;
	if (run->noff && turned_off(run, cl_block_source_start(block, start)))
		return;
	char *shown = cl_utf8_sanitize(block->text + start, end - start);
	cl_check_report(run->ctx, cl_block_source_start(block, start), cl_block_source_end(block, end),
			cl_sprintf("“%s” is on the project's list of words not to use", shown));
	free(shown);
}

/* A hyphenated compound passes when the dictionary knows it whole
 * ("E-Mail"), written solid ("non-profit"), or every part; otherwise each
 * unknown part is reported. */
static void check_token(spell_run *run, const range *parts, size_t nparts)
{
	const char *text = run->block->text;
	size_t start = parts[0].start, end = parts[nparts - 1].end;
	if (nparts > 1) {
		cl_buf solid = CL_BUF_INIT;
		for (size_t i = 0; i < nparts; i++)
			cl_buf_put(&solid, text + parts[i].start, parts[i].end - parts[i].start);
		bool known = speller_knows(run, text + start, end - start) ||
			     speller_knows(run, solid.ptr, solid.size);
		cl_buf_dispose(&solid);
		if (known)
			return;
	}
	for (size_t i = 0; i < nparts; i++) {
		const char *s = text + parts[i].start;
		size_t len = parts[i].end - parts[i].start;
		if (run->profile->forbidden.count && cl_spell_is_term(&run->profile->forbidden, s, len))
			report_forbidden(run, parts[i].start, parts[i].end);
		else if (!word_passes(run, parts[i].start, parts[i].end))
			report(run, parts[i].start, parts[i].end);
	}
}

/* What joins two parts of a compound: a hyphen ("-" or U+2010), or one
 * character the dictionary's WORDCHARS make part of a word (such as "+"). */
static bool joined(const spell_run *run, size_t prev_end, size_t next_start)
{
	const char *text = run->block->text;
	size_t gap = next_start - prev_end;
	uint32_t cp;
	bool valid;
	if ((gap == 1 && text[prev_end] == '-') || (gap == 3 && !memcmp(text + prev_end, "\xE2\x80\x90", 3)))
		return true;
	if (gap == 0 || gap > 4 || cl_utf8_decode(text + prev_end, gap, &cp, &valid) != gap)
		return false;
	return cp != '.' && cl_speller_is_wordchar(run->profile->speller, cp);
}

static int check_block(spell_run *run, range **skips, size_t *skips_cap)
{
	const cl_block *block = run->block;
	size_t nskips, next_skip = 0, start, end, nparts = 0;
	range parts[MAX_PARTS];
	cl_word_kind kind;
	cl_breaks it;
	cl_spell_find_skips(block, skips, &nskips, skips_cap);
	int error = cl_breaks_open(&it, run->ctx->seg, CL_BREAK_WORD, run->ctx->locale, block->text, block->len);
	if (error < 0)
		return error;
	while (cl_breaks_next(&it, &start, &end, &kind)) {
		if (kind == CL_WORD_NONE && nparts && start == parts[nparts - 1].end && joined(run, start, end))
			continue;  /* the hyphen itself: the compound may go on */
		while (next_skip < nskips && (*skips)[next_skip].end <= start)
			next_skip++;
		bool word = kind == CL_WORD_LETTER && !(next_skip < nskips && (*skips)[next_skip].start < end) &&
			    !cl_block_in_span(block, start, end);
		if (word && nparts && nparts < MAX_PARTS && joined(run, parts[nparts - 1].end, start)) {
			parts[nparts++] = (range){ start, end };
			continue;
		}
		if (kind == CL_WORD_NUMBER && nparts && joined(run, parts[nparts - 1].end, start))
			nparts = 0;  /* an identifier such as bpo-12345 or Windows-10 */
		if (nparts)
			check_token(run, parts, nparts);
		nparts = 0;
		if (word)
			parts[nparts++] = (range){ start, end };
	}
	if (nparts)
		check_token(run, parts, nparts);
	cl_breaks_close(&it);
	return 0;
}

/* ---- the rule --------------------------------------------------------- */

static void collect_inline_words(const cl_document *doc, cl_keyset *words)
{
	size_t dummy;
	for (size_t i = 0; i < doc->ndirectives; i++) {
		const char *p = doc->directives[i].args;
		if (doc->directives[i].kind != CL_DIRECTIVE_WORDS)
			continue;
		while (*p) {
			size_t len = strcspn(p, " ");
			if (len)
				cl_keyset_put(words, p, len, 1, &dummy);
			p += len + (p[len] == ' ');
		}
	}
}

static size_t acronym_length(const cl_check_ctx *ctx)
{
	const cl_option_value *value = cl_check_option(ctx, "acronym-length");
	long n = value && value->count ? strtol(value->values[0], NULL, 10) : DEFAULT_ACRONYM_LENGTH;
	return n < 0 ? 0 : (size_t)n;
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	const cl_option_value *chosen = cl_check_option(ctx, "dictionary");
	if (cl_spell_lang_for(ctx->lang).none && !(chosen && chosen->count))
		return 0;  /* Chinese, Japanese: no Hunspell dictionary exists */
	spell_run run = { .ctx = ctx, .state = ctx->state, .acronym_length = acronym_length(ctx) };
	char primary[16];
	run.english = !strcmp(cl_check_language(ctx, primary, sizeof(primary)), "en");
	run.elision = !strcmp(primary, "fr") || !strcmp(primary, "it") || !strcmp(primary, "ca");
	run.profile = profile_for(ctx, run.state);
	if (!run.profile->speller)
		return 0;
	collect_inline_words(doc, &run.inline_words);
	cl_spell_collect_terms(doc, &run.terms);
	cl_spell_read_cspell_inline(doc, &run.terms, &run.off, &run.noff, &run.off_cap);
	range *skips = NULL;
	size_t skips_cap = 0;
	int error = 0;
	for (size_t b = 0; b < doc->nblocks && !error; b++) {
		run.block = &doc->blocks[b];
		/* A paragraph in another language is the untranslated rule's one
		 * finding, not a misspelling per word. */
		if (!run.block->foreign)
			error = check_block(&run, &skips, &skips_cap);
	}
	free(skips);
	cl_speller_take_errors(run.profile->speller, notice_speller_error, ctx);  /* a load the cache put off */
	cl_keyset_dispose(&run.inline_words);
	cl_keyset_dispose(&run.terms);
	free(run.off);
	cl_buf_dispose(&run.variant);
	return error;
}

const cl_rule cl_rule_spelling = {
	.info = {
		.id = "spelling",
		.summary = "Words the language's Hunspell dictionary does not know",
		.description = "Checks every word of prose with Hunspell in the document's language "
			       "(en-US uses en_US, cs cs_CZ, ...), plus copylint's word list for "
			       "the language, the config's `words:` and `dictionaries:` and the "
			       "file's `<!-- copylint-words: ... -->`. Code, URLs, e-mail addresses, "
			       "paths, file names, @handles, #hashtags, {shortcodes}, words with "
			       "digits, ALL-CAPS acronyms up to `acronym-length` letters (5) and words "
			       "in another script are skipped; a hyphenated compound passes when every "
			       "part does. A paragraph written in another language (see `untranslated`) "
			       "is not checked word by word. Suggestions: up to 3. Option `dictionary` "
			       "names the Hunspell dictionary to use instead (such as en_GB). Words of "
			       "the document's inline code, shell commands and file name pass, and so do "
			       "cspell's and Vale's word lists. In a translation, words the source "
			       "language's dictionary knows pass; option `source-words: false` turns "
			       "that off.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
		.option_names = option_names,
	},
	.options = options,
	.state_new = state_new,
	.state_free = state_free,
	.check = check,
};
