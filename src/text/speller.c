#include "speller.h"

#include <errno.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unicode/ucnv.h>
#include <xxhash.h>

#include "copylint/copylint.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/keyset.h"
#include "normalize.h"
#include "speller_cache.h"
#include "utf8.h"

/* Hunspell refuses longer words (its MAXWORDLEN), and so do we. */
#define MAX_WORD_BYTES 200
/* The most Hunspell handles one speller loads, whatever the run's threads:
 * each costs a dictionary's memory (10-40 MB) and a load (0.05-0.3 s). */
#define MAX_HANDLES 4
/* Another handle loads once the threads have waited for busy handles, in
 * all, this share of the time the first one took to load: a short run, or
 * one that rarely looks a word up, never pays for a load it cannot win back. */
#define GROW_AFTER_WAITING 0.25

enum { ANSWER_CORRECT = 1, ANSWER_WRONG = 2 };

/* An addition, made on every handle, including the ones loaded later. */
typedef struct {
	bool is_file;
	char *text;  /* the entry, or the word list's path */
	size_t len;
} addition;

/* One loaded Hunspell dictionary and what a lookup needs next to it; one
 * thread at a time has it (it is off the pool's free list meanwhile). */
typedef struct {
	Hunhandle *hunspell;
	UConverter *conv;  /* NULL when the dictionary is UTF-8 */
	UConverter *utf8;  /* the other end of conv */
	cl_buf scratch, converted;
} handle;

struct cl_speller {
	char *aff_path, *dic_path;
	addition *additions;
	size_t nadditions, additions_cap;
	XXH3_state_t *identity;  /* everything the answers depend on, hashed */
	char *cache_path;        /* where the answers are kept; NULL: nowhere */
	size_t cached_answers;   /* answers the cache file gave */
	cl_buf errors;           /* messages of the additions that failed, '\0'-separated */
	/* The pool: Hunspell handles for the same dictionary and additions, so
	 * that threads sharing the speller look words up at the same time. The
	 * first loads when a word needs it (see cl_speller_ready); another loads
	 * when every handle is busy, up to max_handles. pool_lock guards the
	 * pool and errors; answers_lock guards mem and is held briefly, so that
	 * known answers never wait behind a lookup. Order: pool, then answers. */
	pthread_mutex_t pool_lock, answers_lock;
	pthread_cond_t pool_changed;  /* a handle was given back or loaded */
	handle *handles[MAX_HANDLES];
	handle *free_handles[MAX_HANDLES];
	size_t nhandles, nfree, max_handles;
	bool loading;      /* a thread loads a handle, without pool_lock */
	pthread_t loader;  /* the thread that loaded the last handle but the first */
	bool loader_started;
	double load_seconds;  /* what the first handle took to load */
	double waited;        /* seconds threads waited for a busy handle since the last load */
	bool load_failed;  /* the first handle could not load (the user was told) */
	bool pool_full;    /* a later handle could not load: the pool stays as it is */
	int load_error;
	cl_spell_memory mem;  /* answers, suggestions, WORDCHARS: what the cache keeps */
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ICU converts between UTF-8 and the dictionary's charset; Hunspell names
 * them like "ISO8859-2", which ICU's alias table knows. A character the
 * target cannot hold stops the conversion: such a word is not in the
 * dictionary. */
static int convert(handle *h, bool to_dict, cl_buf *out, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	size_t cap = len * 4 + 4;
	cl_buf_clear(out);
	if (out->asize < cap) {
		out->ptr = cl_realloc(out->ptr, cap);
		out->asize = cap;
	}
	char *target = out->ptr;
	const char *source = s;
	UConverter *from = to_dict ? h->utf8 : h->conv, *to = to_dict ? h->conv : h->utf8;
	ucnv_resetToUnicode(from);
	ucnv_resetFromUnicode(to);
	ucnv_convertEx(to, from, &target, out->ptr + cap - 1, &source, s + len, NULL, NULL, NULL, NULL,
		       true, true, &status);
	if (U_FAILURE(status)) {
		out->size = 0;
		out->ptr[0] = '\0';
		return -1;
	}
	out->size = (size_t)(target - out->ptr);
	out->ptr[out->size] = '\0';
	return 0;
}

/* word as Hunspell wants it, NUL-terminated in h->converted; -1 when the
 * word cannot be written in the dictionary's charset. */
static int to_dictionary(handle *h, const char *word, size_t len)
{
	cl_buf_clear(&h->converted);
	if (cl_utf8_is_ascii(word, len)) {
		cl_buf_put(&h->converted, word, len);
		return 0;
	}
	if (cl_text_nfc(&h->scratch, word, len) < 0)
		return -1;
	if (!h->conv) {
		cl_buf_put(&h->converted, h->scratch.ptr, h->scratch.size);
		return 0;
	}
	return convert(h, true, &h->converted, h->scratch.ptr, h->scratch.size);
}

static void read_wordchars(cl_speller *sp, handle *h)
{
	FILE *fp = fopen(sp->aff_path, "rb");
	char line[1024];
	cl_buf utf8 = CL_BUF_INIT;
	while (fp && fgets(line, sizeof(line), fp)) {
		if (strncmp(line, "WORDCHARS", 9) || (line[9] != ' ' && line[9] != '\t'))
			continue;
		char *value = line + 10 + strspn(line + 10, " \t");
		size_t len = strcspn(value, " \t\r\n");
		if (!h->conv)
			cl_buf_put(&utf8, value, len);
		else if (convert(h, false, &utf8, value, len) < 0)
			break;
		sp->mem.wordchars = cl_calloc(utf8.size + 1, sizeof(uint32_t));
		for (size_t i = 0; i < utf8.size;) {
			bool valid;
			i += cl_utf8_decode(utf8.ptr + i, utf8.size - i, &sp->mem.wordchars[sp->mem.nwordchars++], &valid);
		}
		break;
	}
	if (fp)
		fclose(fp);
	cl_buf_dispose(&utf8);
}

static int open_converter(handle *h, const char *aff_path)
{
	const char *encoding = Hunspell_get_dic_encoding(h->hunspell);
	if (!encoding || !strcasecmp(encoding, "UTF-8") || !strcasecmp(encoding, "UTF8"))
		return 0;
	UErrorCode status = U_ZERO_ERROR;
	h->conv = ucnv_open(encoding, &status);
	h->utf8 = ucnv_open("UTF-8", &status);
	if (!U_FAILURE(status))
		ucnv_setFromUCallBack(h->conv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
	if (!U_FAILURE(status))
		ucnv_setFromUCallBack(h->utf8, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
	if (U_FAILURE(status))
		return cl_error_set(COPYLINT_EINVALID, "%s: encoding %s is not known to ICU", aff_path, encoding);
	return 0;
}

static bool readable(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (fp)
		fclose(fp);
	return fp != NULL;
}

/* The file's name, size and modification time stand for its content. */
static void hash_file_identity(XXH3_state_t *identity, const char *path)
{
	struct stat st;
	XXH3_128bits_update(identity, path, strlen(path) + 1);
	if (stat(path, &st) == 0) {
		long long facts[3] = { (long long)st.st_size, (long long)st.st_mtim.tv_sec,
				       (long long)st.st_mtim.tv_nsec };
		XXH3_128bits_update(identity, facts, sizeof(facts));
	}
}

int cl_speller_new(cl_speller **out, const char *aff_path, const char *dic_path)
{
	static const char version[] = "copylint " COPYLINT_VERSION " spelling answers\n";
	*out = NULL;
	if (!readable(aff_path) || !readable(dic_path))
		return cl_error_set(COPYLINT_EIO, "%s: cannot read the dictionary: %s",
				    readable(aff_path) ? dic_path : aff_path, strerror(errno));
	cl_speller *sp = cl_calloc(1, sizeof(*sp));
	pthread_mutex_init(&sp->pool_lock, NULL);
	pthread_mutex_init(&sp->answers_lock, NULL);
	pthread_cond_init(&sp->pool_changed, NULL);
	sp->max_handles = 1;
	sp->aff_path = cl_strdup(aff_path);
	sp->dic_path = cl_strdup(dic_path);
	sp->identity = XXH3_createState();
	XXH3_128bits_reset(sp->identity);
	XXH3_128bits_update(sp->identity, version, sizeof(version));
	hash_file_identity(sp->identity, aff_path);
	hash_file_identity(sp->identity, dic_path);
	*out = sp;
	return 0;
}

static void add_error(cl_speller *sp, const char *message)
{
	pthread_mutex_lock(&sp->pool_lock);
	cl_buf_put(&sp->errors, message, strlen(message) + 1);
	pthread_mutex_unlock(&sp->pool_lock);
}

static int add_now(handle *h, const char *entry, size_t len);
static int add_file_now(handle *h, const char *path);

static int make_addition(handle *h, const addition *a)
{
	return a->is_file ? add_file_now(h, a->text) : add_now(h, a->text, a->len);
}

/* libhunspell 1.7 counts the users of its shared UTF-16 tables without a
 * lock (initialize_utf_tbl, free_utf_tbl, in every table of words): two
 * threads creating or destroying handles at once leak or free them twice. */
static pthread_mutex_t hunspell_tables = PTHREAD_MUTEX_INITIALIZER;

static void handle_free(handle *h)
{
	if (!h)
		return;
	if (h->hunspell) {
		pthread_mutex_lock(&hunspell_tables);
		Hunspell_destroy(h->hunspell);
		pthread_mutex_unlock(&hunspell_tables);
	}
	if (h->conv)
		ucnv_close(h->conv);
	if (h->utf8)
		ucnv_close(h->utf8);
	cl_buf_dispose(&h->scratch);
	cl_buf_dispose(&h->converted);
	free(h);
}

/* Loads the dictionary and makes the additions logged so far. The first
 * handle's failures wait in sp->errors; a later handle makes the same
 * additions, whose failures the user has already been told about. */
static handle *load_handle(cl_speller *sp, bool first)
{
	handle *h = cl_calloc(1, sizeof(*h));
	pthread_mutex_lock(&hunspell_tables);
	h->hunspell = Hunspell_create(sp->aff_path, sp->dic_path);
	pthread_mutex_unlock(&hunspell_tables);
	int error = h->hunspell ? open_converter(h, sp->aff_path) :
		    cl_error_set(COPYLINT_EINVALID, "%s: Hunspell cannot load it", sp->dic_path);
	if (error < 0) {
		if (first) {
			sp->load_error = error;
			add_error(sp, cl_error_get());
		}
		handle_free(h);
		return NULL;
	}
	if (first && !sp->mem.wordchars)
		read_wordchars(sp, h);
	for (size_t i = 0; i < sp->nadditions; i++)  /* nobody adds while loading is set */
		if (make_addition(h, &sp->additions[i]) < 0 && first)
			add_error(sp, cl_error_get());
	return h;
}

/* Loads the first handle, which the thread then has. Called and returns
 * with pool_lock held; NULL when the dictionary could not load. */
static handle *load_first(cl_speller *sp)
{
	sp->loading = true;
	pthread_mutex_unlock(&sp->pool_lock);
	double started = now_seconds();
	handle *h = load_handle(sp, true);
	double seconds = now_seconds() - started;
	pthread_mutex_lock(&sp->pool_lock);
	sp->load_seconds = seconds;
	sp->loading = false;
	if (h)
		sp->handles[sp->nhandles++] = h;
	else
		sp->load_failed = true;
	pthread_cond_broadcast(&sp->pool_changed);
	return h;
}

/* Loads one more handle on a thread of its own and makes it free: the
 * thread that found every handle busy waits for one of them instead, so
 * that its file does not hold up the run's files in order behind it while
 * a dictionary loads (0.05-0.3 s). */
static void *load_more(void *arg)
{
	cl_speller *sp = arg;
	handle *h = load_handle(sp, false);
	pthread_mutex_lock(&sp->pool_lock);
	sp->loading = false;
	if (h) {
		sp->handles[sp->nhandles++] = h;
		sp->free_handles[sp->nfree++] = h;
	} else {
		sp->pool_full = true;
	}
	pthread_cond_broadcast(&sp->pool_changed);
	pthread_mutex_unlock(&sp->pool_lock);
	cl_text_release_scratch();  /* the additions' normalisation, on this thread */
	return NULL;
}

static bool worth_growing(const cl_speller *sp)
{
	return !sp->loading && !sp->pool_full && sp->nhandles < sp->max_handles &&
	       sp->waited >= sp->load_seconds * GROW_AFTER_WAITING;
}

/* With pool_lock held, and no load under way. */
static void start_loading_more(cl_speller *sp)
{
	sp->waited = 0;
	if (sp->loader_started)
		pthread_join(sp->loader, NULL);  /* it is done: loading is false */
	sp->loading = true;
	sp->loader_started = pthread_create(&sp->loader, NULL, load_more, sp) == 0;
	if (!sp->loader_started) {
		sp->loading = false;
		sp->pool_full = true;
	}
}

/* A handle for this thread alone: a free one, else the next one given back
 * or loaded, the pool growing meanwhile while it may. NULL when the
 * dictionary could not load. */
static handle *take_handle(cl_speller *sp)
{
	handle *h = NULL;
	pthread_mutex_lock(&sp->pool_lock);
	while (!h && !sp->load_failed) {
		if (sp->nfree) {
			h = sp->free_handles[--sp->nfree];
		} else if (sp->nhandles == 0 && !sp->loading) {
			h = load_first(sp);
		} else if (sp->nhandles == 0) {
			pthread_cond_wait(&sp->pool_changed, &sp->pool_lock);  /* the first load */
		} else {
			if (worth_growing(sp))
				start_loading_more(sp);
			double started = now_seconds();
			pthread_cond_wait(&sp->pool_changed, &sp->pool_lock);
			sp->waited += now_seconds() - started;
		}
	}
	pthread_mutex_unlock(&sp->pool_lock);
	return h;
}

/* With pool_lock held: until no handle is in use or loading. */
static void wait_until_idle(cl_speller *sp)
{
	while (sp->loading || sp->nfree < sp->nhandles)
		pthread_cond_wait(&sp->pool_changed, &sp->pool_lock);
}

static void give_back(cl_speller *sp, handle *h)
{
	if (!h)
		return;
	pthread_mutex_lock(&sp->pool_lock);
	sp->free_handles[sp->nfree++] = h;
	pthread_cond_broadcast(&sp->pool_changed);
	pthread_mutex_unlock(&sp->pool_lock);
}

int cl_speller_ready(cl_speller *sp, const char *cache_dir)
{
	if (cache_dir && *cache_dir && !sp->cache_path) {
		XXH128_hash_t identity = XXH3_128bits_digest(sp->identity);
		sp->cache_path = cl_spell_cache_path(cache_dir, identity);
		if (cl_spell_cache_read(sp->cache_path, identity, &sp->mem)) {
			sp->cached_answers = sp->mem.answers.count + sp->mem.nlists;
			return 0;  /* the dictionary loads when a word is not in the file */
		}
	}
	handle *h = take_handle(sp);
	give_back(sp, h);
	return h ? 0 : sp->load_error;
}

void cl_speller_set_threads(cl_speller *sp, size_t threads)
{
	pthread_mutex_lock(&sp->pool_lock);
	if (threads > MAX_HANDLES)
		threads = MAX_HANDLES;
	if (threads > sp->max_handles)
		sp->max_handles = threads;
	pthread_mutex_unlock(&sp->pool_lock);
}

size_t cl_speller_handles(cl_speller *sp)
{
	pthread_mutex_lock(&sp->pool_lock);
	size_t n = sp->nhandles;
	pthread_mutex_unlock(&sp->pool_lock);
	return n;
}

bool cl_speller_loaded(cl_speller *sp)
{
	return cl_speller_handles(sp) > 0;
}

size_t cl_speller_take_errors(cl_speller *sp, void (*fn)(void *payload, const char *message), void *payload)
{
	size_t n = 0;
	pthread_mutex_lock(&sp->pool_lock);
	for (size_t at = 0; at < sp->errors.size; at += strlen(sp->errors.ptr + at) + 1, n++)
		fn(payload, sp->errors.ptr + at);
	cl_buf_clear(&sp->errors);
	pthread_mutex_unlock(&sp->pool_lock);
	return n;
}

void cl_speller_free(cl_speller *sp)
{
	if (!sp)
		return;
	if (sp->loader_started)
		pthread_join(sp->loader, NULL);  /* no thread is using the speller: it may still load */
	if (sp->cache_path && sp->nhandles && sp->mem.answers.count + sp->mem.nlists > sp->cached_answers)
		cl_spell_cache_write(sp->cache_path, XXH3_128bits_digest(sp->identity), &sp->mem);
	for (size_t i = 0; i < sp->nadditions; i++)
		free(sp->additions[i].text);
	free(sp->additions);
	free(sp->aff_path);
	free(sp->dic_path);
	free(sp->cache_path);
	XXH3_freeState(sp->identity);
	cl_buf_dispose(&sp->errors);
	for (size_t i = 0; i < sp->nhandles; i++)
		handle_free(sp->handles[i]);
	cl_spell_memory_dispose(&sp->mem);
	pthread_cond_destroy(&sp->pool_changed);
	pthread_mutex_destroy(&sp->pool_lock);
	pthread_mutex_destroy(&sp->answers_lock);
	free(sp);
}

static int check_entry(const char *entry, size_t len)
{
	const char *slash = memchr(entry, '/', len);
	size_t word_len = slash ? (size_t)(slash - entry) : len;
	if (word_len == 0 || word_len > MAX_WORD_BYTES || (slash && slash + 1 == entry + len))
		return cl_error_set(COPYLINT_EINVALID, "'%.*s' is not a word or word/model entry", (int)len, entry);
	return 0;
}

/* A word list stands for its content in the identity: it is small, and an
 * edit within a second keeps its size and time. */
static int hash_word_list(cl_speller *sp, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return cl_error_set(COPYLINT_EIO, "%s: cannot read word list: %s", path, strerror(errno));
	char chunk[65536];
	size_t n;
	XXH3_128bits_update(sp->identity, "f", 1);
	XXH3_128bits_update(sp->identity, path, strlen(path) + 1);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		XXH3_128bits_update(sp->identity, chunk, n);
	fclose(fp);
	return 0;
}

/* Before the first handle loads, an addition counts in the identity of the
 * answers; after, it is made on every handle now, the first handle's error
 * returned (the others' are the same). */
static int make_on_handles(cl_speller *sp, const addition *a)
{
	if (!sp->nhandles) {
		if (a->is_file)
			return hash_word_list(sp, a->text);
		XXH3_128bits_update(sp->identity, "e", 1);
		XXH3_128bits_update(sp->identity, a->text, a->len);
		return 0;
	}
	int error = 0;
	for (size_t i = sp->nhandles; i-- > 0;)  /* the first handle last: its error message stays */
		error = make_addition(sp->handles[i], a);
	pthread_mutex_lock(&sp->answers_lock);
	cl_keyset_dispose(&sp->mem.answers);  /* earlier answers may have changed */
	pthread_mutex_unlock(&sp->answers_lock);
	return error;
}

/* Makes an addition on every handle loaded, once none is in use, and logs
 * it for the handles loaded later. A word list that cannot be read before
 * the dictionary loads is not logged. */
static int add(cl_speller *sp, bool is_file, const char *text, size_t len)
{
	addition a = { is_file, cl_strndup(text, len), len };
	pthread_mutex_lock(&sp->pool_lock);
	wait_until_idle(sp);
	bool loaded = sp->nhandles > 0;
	int error = make_on_handles(sp, &a);
	if (error < 0 && !loaded) {
		free(a.text);
	} else {
		CL_GROW(sp->additions, sp->additions_cap, sp->nadditions + 1);
		sp->additions[sp->nadditions++] = a;
	}
	pthread_mutex_unlock(&sp->pool_lock);
	return error;
}

int cl_speller_add(cl_speller *sp, const char *entry, size_t len)
{
	if (check_entry(entry, len) < 0)
		return COPYLINT_EINVALID;
	return add(sp, false, entry, len);
}

int cl_speller_add_file(cl_speller *sp, const char *path)
{
	return add(sp, true, path, strlen(path));
}

static int add_now(handle *h, const char *entry, size_t len)
{
	const char *slash = memchr(entry, '/', len);
	size_t word_len = slash ? (size_t)(slash - entry) : len;
	if (check_entry(entry, len) < 0)
		return COPYLINT_EINVALID;
	char *model = NULL;
	if (slash) {
		if (to_dictionary(h, slash + 1, len - word_len - 1) < 0)
			return cl_error_set(COPYLINT_EINVALID, "'%.*s': the dictionary cannot hold it", (int)len, entry);
		model = cl_buf_detach(&h->converted);
	}
	int error = 0;
	if (to_dictionary(h, entry, word_len) < 0)
		error = cl_error_set(COPYLINT_EINVALID, "'%.*s': the dictionary cannot hold it", (int)len, entry);
	else if (model)
		Hunspell_add_with_affix(h->hunspell, h->converted.ptr, model);
	else
		Hunspell_add(h->hunspell, h->converted.ptr);
	free(model);
	return error;
}

static bool is_count_line(const char *line)
{
	size_t digits = strspn(line, "0123456789");
	return digits > 0 && line[digits + strspn(line + digits, " \t\r\n")] == '\0';
}

static int add_file_now(handle *h, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return cl_error_set(COPYLINT_EIO, "%s: cannot read word list: %s", path, strerror(errno));
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int error = 0;
	while (!error && (n = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		if (lineno == 1 && is_count_line(line)) {
			pthread_mutex_lock(&hunspell_tables);  /* a new table of words: see load_handle */
			Hunspell_add_dic(h->hunspell, path);
			pthread_mutex_unlock(&hunspell_tables);
			break;
		}
		char *entry = line + strspn(line, " \t\xEF\xBB\xBF");
		size_t len = strcspn(entry, "\t\r\n");
		while (len > 0 && entry[len - 1] == ' ')
			len--;
		if (len == 0 || entry[0] == '#')
			continue;
		if (add_now(h, entry, len) < 0) {
			char *why = cl_strdup(cl_error_get());
			error = cl_error_set(COPYLINT_EINVALID, "%s:%zu: %s", path, lineno, why);
			free(why);
		}
	}
	free(line);
	fclose(fp);
	return error;
}

/* A dictionary that failed to load (the user was told) accepts every word. */
static bool lookup(handle *h, const char *word, size_t len)
{
	if (!h)
		return true;
	if (len > MAX_WORD_BYTES || to_dictionary(h, word, len) < 0)
		return false;
	return Hunspell_spell(h->hunspell, h->converted.ptr) != 0;
}

static bool known_answer(cl_speller *sp, const char *word, size_t len, size_t *answer)
{
	pthread_mutex_lock(&sp->answers_lock);
	bool known = cl_keyset_get(&sp->mem.answers, word, len, answer);
	pthread_mutex_unlock(&sp->answers_lock);
	return known;
}

bool cl_speller_check(cl_speller *sp, const char *word, size_t len)
{
	size_t answer;
	if (known_answer(sp, word, len, &answer))
		return answer == ANSWER_CORRECT;
	handle *h = take_handle(sp);
	if (!known_answer(sp, word, len, &answer)) {  /* another thread may have asked meanwhile */
		answer = lookup(h, word, len) ? ANSWER_CORRECT : ANSWER_WRONG;
		pthread_mutex_lock(&sp->answers_lock);
		cl_keyset_put(&sp->mem.answers, word, len, answer, &answer);
		pthread_mutex_unlock(&sp->answers_lock);
	}
	give_back(sp, h);
	return answer == ANSWER_CORRECT;
}

size_t cl_speller_handles_accepting(cl_speller *sp, const char *word, size_t len)
{
	size_t n = 0;
	pthread_mutex_lock(&sp->pool_lock);
	wait_until_idle(sp);
	for (size_t i = 0; i < sp->nhandles; i++)
		n += lookup(sp->handles[i], word, len);
	pthread_mutex_unlock(&sp->pool_lock);
	return n;
}

bool cl_speller_is_wordchar(const cl_speller *sp, uint32_t cp)
{
	for (size_t i = 0; i < sp->mem.nwordchars; i++)
		if (sp->mem.wordchars[i] == cp)
			return true;
	return false;
}

static void compute_suggestions(handle *h, const char *word, size_t len, cl_spell_suggestions *list)
{
	char **raw = NULL;
	cl_buf utf8 = CL_BUF_INIT;
	list->items = NULL;
	list->count = 0;
	if (!h || len > MAX_WORD_BYTES || to_dictionary(h, word, len) < 0)
		return;
	int n = Hunspell_suggest(h->hunspell, &raw, h->converted.ptr);
	list->items = cl_calloc(n > 0 ? (size_t)n : 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		if (h->conv && convert(h, false, &utf8, raw[i], strlen(raw[i])) < 0)
			continue;
		list->items[list->count++] = h->conv ? cl_strndup(utf8.ptr, utf8.size) : cl_strdup(raw[i]);
	}
	if (raw)
		Hunspell_free_list(h->hunspell, &raw, n);
	cl_buf_dispose(&utf8);
}

static void suggestions_dispose(cl_spell_suggestions *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->items[i]);
	free(list->items);
}

/* The list kept for word, or list itself kept now (then NULL); under
 * answers_lock. The items stay where they are when lists grows. */
static const cl_spell_suggestions *keep_suggestions(cl_speller *sp, const char *word, size_t len,
						    cl_spell_suggestions *list)
{
	size_t index;
	if (!cl_keyset_get(&sp->mem.suggested, word, len, &index)) {
		if (!list)
			return NULL;
		CL_GROW(sp->mem.lists, sp->mem.lists_cap, sp->mem.nlists + 1);
		sp->mem.lists[sp->mem.nlists] = *list;
		*list = (cl_spell_suggestions){ NULL, 0 };
		index = sp->mem.nlists++;
		cl_keyset_put(&sp->mem.suggested, word, len, index, &index);
	}
	return &sp->mem.lists[index];
}

/* Computed on a handle of the pool, without answers_lock: when two threads
 * ask for the same word at once, the list kept first wins. */
size_t cl_speller_suggest(cl_speller *sp, const char *word, size_t len,
			  const char *const **out, size_t max)
{
	cl_spell_suggestions computed = { NULL, 0 };
	pthread_mutex_lock(&sp->answers_lock);
	const cl_spell_suggestions *kept = keep_suggestions(sp, word, len, NULL);
	if (!kept) {
		pthread_mutex_unlock(&sp->answers_lock);
		handle *h = take_handle(sp);
		compute_suggestions(h, word, len, &computed);
		give_back(sp, h);
		pthread_mutex_lock(&sp->answers_lock);
		kept = keep_suggestions(sp, word, len, &computed);
	}
	*out = (const char *const *)kept->items;
	size_t count = kept->count < max ? kept->count : max;
	pthread_mutex_unlock(&sp->answers_lock);
	suggestions_dispose(&computed);
	return count;
}
