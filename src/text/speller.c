#include "speller.h"

#include <errno.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
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

enum { ANSWER_CORRECT = 1, ANSWER_WRONG = 2 };

/* An addition asked for before the dictionary loaded, made when it loads. */
typedef struct {
	bool is_file;
	char *text;  /* the entry, or the word list's path */
	size_t len;
} pending_add;

struct cl_speller {
	Hunhandle *hunspell;  /* NULL until a word needs it (see cl_speller_ready) */
	char *aff_path, *dic_path;
	pending_add *pending;
	size_t npending, pending_cap;
	XXH3_state_t *identity;  /* everything the answers depend on, hashed */
	char *cache_path;        /* where the answers are kept; NULL: nowhere */
	size_t cached_answers;   /* answers the cache file gave */
	bool load_failed;
	cl_buf errors;           /* messages of the additions that failed, '\0'-separated */
	/* Threads may share a speller once it is ready. Hunspell's work (the
	 * late load, lookups, suggestions) takes turns on lock; answers already
	 * known only need answers_lock, held briefly, so that they never wait
	 * behind a slow lookup. Order: lock, then answers_lock. */
	pthread_mutex_t lock, answers_lock;
	UConverter *conv;     /* NULL when the dictionary is UTF-8 */
	UConverter *utf8;     /* the other end of conv */
	cl_spell_memory mem;  /* answers, suggestions, WORDCHARS: what the cache keeps */
	cl_buf scratch, converted;
};

static bool is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* ICU converts between UTF-8 and the dictionary's charset; Hunspell names
 * them like "ISO8859-2", which ICU's alias table knows. A character the
 * target cannot hold stops the conversion: such a word is not in the
 * dictionary. */
static int convert(cl_speller *sp, bool to_dict, cl_buf *out, const char *s, size_t len)
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
	UConverter *from = to_dict ? sp->utf8 : sp->conv, *to = to_dict ? sp->conv : sp->utf8;
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

/* word as Hunspell wants it, NUL-terminated in sp->converted; -1 when the
 * word cannot be written in the dictionary's charset. */
static int to_dictionary(cl_speller *sp, const char *word, size_t len)
{
	cl_buf_clear(&sp->converted);
	if (is_ascii(word, len)) {
		cl_buf_put(&sp->converted, word, len);
		return 0;
	}
	if (cl_text_nfc(&sp->scratch, word, len) < 0)
		return -1;
	if (!sp->conv) {
		cl_buf_put(&sp->converted, sp->scratch.ptr, sp->scratch.size);
		return 0;
	}
	return convert(sp, true, &sp->converted, sp->scratch.ptr, sp->scratch.size);
}

static void read_wordchars(cl_speller *sp, const char *aff_path)
{
	FILE *fp = fopen(aff_path, "rb");
	char line[1024];
	cl_buf utf8 = CL_BUF_INIT;
	while (fp && fgets(line, sizeof(line), fp)) {
		if (strncmp(line, "WORDCHARS", 9) || (line[9] != ' ' && line[9] != '\t'))
			continue;
		char *value = line + 10 + strspn(line + 10, " \t");
		size_t len = strcspn(value, " \t\r\n");
		if (!sp->conv)
			cl_buf_put(&utf8, value, len);
		else if (convert(sp, false, &utf8, value, len) < 0)
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

static int open_converter(cl_speller *sp, const char *aff_path)
{
	const char *encoding = Hunspell_get_dic_encoding(sp->hunspell);
	if (!encoding || !strcasecmp(encoding, "UTF-8") || !strcasecmp(encoding, "UTF8"))
		return 0;
	UErrorCode status = U_ZERO_ERROR;
	sp->conv = ucnv_open(encoding, &status);
	sp->utf8 = ucnv_open("UTF-8", &status);
	if (!U_FAILURE(status))
		ucnv_setFromUCallBack(sp->conv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
	if (!U_FAILURE(status))
		ucnv_setFromUCallBack(sp->utf8, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
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
	pthread_mutex_init(&sp->lock, NULL);
	pthread_mutex_init(&sp->answers_lock, NULL);
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
	cl_buf_put(&sp->errors, message, strlen(message) + 1);
}

static int add_now(cl_speller *sp, const char *entry, size_t len);
static int add_file_now(cl_speller *sp, const char *path);

/* libhunspell 1.7 counts the users of its shared UTF-16 tables without a
 * lock (initialize_utf_tbl, free_utf_tbl, in every table of words): two
 * threads creating or destroying spellers at once leak or free them twice. */
static pthread_mutex_t hunspell_tables = PTHREAD_MUTEX_INITIALIZER;

static Hunhandle *create_hunspell(const char *aff_path, const char *dic_path)
{
	pthread_mutex_lock(&hunspell_tables);
	Hunhandle *handle = Hunspell_create(aff_path, dic_path);
	pthread_mutex_unlock(&hunspell_tables);
	return handle;
}

static void destroy_hunspell(Hunhandle *handle)
{
	pthread_mutex_lock(&hunspell_tables);
	Hunspell_destroy(handle);
	pthread_mutex_unlock(&hunspell_tables);
}

/* Loads the dictionary and makes the additions asked for so far; their
 * failures wait in sp->errors. */
static int load(cl_speller *sp)
{
	if (sp->hunspell || sp->load_failed)
		return sp->load_failed ? -1 : 0;
	sp->hunspell = create_hunspell(sp->aff_path, sp->dic_path);
	int error = sp->hunspell ? open_converter(sp, sp->aff_path) :
		    cl_error_set(COPYLINT_EINVALID, "%s: Hunspell cannot load it", sp->dic_path);
	if (error < 0) {
		sp->load_failed = true;
		add_error(sp, cl_error_get());
		return error;
	}
	if (!sp->mem.wordchars)
		read_wordchars(sp, sp->aff_path);
	/* Answers from the cache already count these additions: an addition
	 * forgets the answers given before it, so keep them aside. */
	pthread_mutex_lock(&sp->answers_lock);
	cl_keyset kept = sp->mem.answers;
	sp->mem.answers = (cl_keyset)CL_KEYSET_INIT;
	for (size_t i = 0; i < sp->npending; i++) {
		pending_add *a = &sp->pending[i];
		if ((a->is_file ? add_file_now(sp, a->text) : add_now(sp, a->text, a->len)) < 0)
			add_error(sp, cl_error_get());
	}
	cl_keyset_dispose(&sp->mem.answers);
	sp->mem.answers = kept;
	pthread_mutex_unlock(&sp->answers_lock);
	return 0;
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
	return load(sp);
}

bool cl_speller_loaded(const cl_speller *sp)
{
	return sp->hunspell != NULL;
}

size_t cl_speller_take_errors(cl_speller *sp, void (*fn)(void *payload, const char *message), void *payload)
{
	size_t n = 0;
	pthread_mutex_lock(&sp->lock);
	for (size_t at = 0; at < sp->errors.size; at += strlen(sp->errors.ptr + at) + 1, n++)
		fn(payload, sp->errors.ptr + at);
	cl_buf_clear(&sp->errors);
	pthread_mutex_unlock(&sp->lock);
	return n;
}

void cl_speller_free(cl_speller *sp)
{
	if (!sp)
		return;
	if (sp->cache_path && sp->hunspell && !sp->load_failed &&
	    sp->mem.answers.count + sp->mem.nlists > sp->cached_answers)
		cl_spell_cache_write(sp->cache_path, XXH3_128bits_digest(sp->identity), &sp->mem);
	for (size_t i = 0; i < sp->npending; i++)
		free(sp->pending[i].text);
	free(sp->pending);
	free(sp->aff_path);
	free(sp->dic_path);
	free(sp->cache_path);
	XXH3_freeState(sp->identity);
	cl_buf_dispose(&sp->errors);
	if (sp->hunspell)
		destroy_hunspell(sp->hunspell);
	if (sp->conv)
		ucnv_close(sp->conv);
	if (sp->utf8)
		ucnv_close(sp->utf8);
	cl_spell_memory_dispose(&sp->mem);
	pthread_mutex_destroy(&sp->lock);
	pthread_mutex_destroy(&sp->answers_lock);
	cl_buf_dispose(&sp->scratch);
	cl_buf_dispose(&sp->converted);
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

static void defer(cl_speller *sp, bool is_file, const char *text, size_t len)
{
	CL_GROW(sp->pending, sp->pending_cap, sp->npending + 1);
	sp->pending[sp->npending++] = (pending_add){ is_file, cl_strndup(text, len), len };
}

int cl_speller_add(cl_speller *sp, const char *entry, size_t len)
{
	if (sp->hunspell)
		return add_now(sp, entry, len);
	if (check_entry(entry, len) < 0)
		return COPYLINT_EINVALID;
	XXH3_128bits_update(sp->identity, "e", 1);
	XXH3_128bits_update(sp->identity, entry, len);
	defer(sp, false, entry, len);
	return 0;
}

static int add_now(cl_speller *sp, const char *entry, size_t len)
{
	const char *slash = memchr(entry, '/', len);
	size_t word_len = slash ? (size_t)(slash - entry) : len;
	if (check_entry(entry, len) < 0)
		return COPYLINT_EINVALID;
	char *model = NULL;
	if (slash) {
		if (to_dictionary(sp, slash + 1, len - word_len - 1) < 0)
			return cl_error_set(COPYLINT_EINVALID, "'%.*s': the dictionary cannot hold it", (int)len, entry);
		model = cl_buf_detach(&sp->converted);
	}
	int error = 0;
	if (to_dictionary(sp, entry, word_len) < 0)
		error = cl_error_set(COPYLINT_EINVALID, "'%.*s': the dictionary cannot hold it", (int)len, entry);
	else if (model)
		Hunspell_add_with_affix(sp->hunspell, sp->converted.ptr, model);
	else
		Hunspell_add(sp->hunspell, sp->converted.ptr);
	free(model);
	cl_keyset_dispose(&sp->mem.answers);  /* earlier answers may have changed */
	return error;
}

static bool is_count_line(const char *line)
{
	size_t digits = strspn(line, "0123456789");
	return digits > 0 && line[digits + strspn(line + digits, " \t\r\n")] == '\0';
}

/* A word list stands for its content in the identity: it is small, and an
 * edit within a second keeps its size and time. */
int cl_speller_add_file(cl_speller *sp, const char *path)
{
	if (sp->hunspell)
		return add_file_now(sp, path);
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
	defer(sp, true, path, strlen(path));
	return 0;
}

static int add_file_now(cl_speller *sp, const char *path)
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
			pthread_mutex_lock(&hunspell_tables);  /* a new table of words: see create_hunspell */
			Hunspell_add_dic(sp->hunspell, path);
			pthread_mutex_unlock(&hunspell_tables);
			cl_keyset_dispose(&sp->mem.answers);
			break;
		}
		char *entry = line + strspn(line, " \t\xEF\xBB\xBF");
		size_t len = strcspn(entry, "\t\r\n");
		while (len > 0 && entry[len - 1] == ' ')
			len--;
		if (len == 0 || entry[0] == '#')
			continue;
		if (add_now(sp, entry, len) < 0) {
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
static bool lookup(cl_speller *sp, const char *word, size_t len)
{
	if (load(sp) < 0)
		return true;
	if (len > MAX_WORD_BYTES || to_dictionary(sp, word, len) < 0)
		return false;
	return Hunspell_spell(sp->hunspell, sp->converted.ptr) != 0;
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
	pthread_mutex_lock(&sp->lock);
	if (!known_answer(sp, word, len, &answer)) {  /* another thread may have asked meanwhile */
		answer = lookup(sp, word, len) ? ANSWER_CORRECT : ANSWER_WRONG;
		pthread_mutex_lock(&sp->answers_lock);
		cl_keyset_put(&sp->mem.answers, word, len, answer, &answer);
		pthread_mutex_unlock(&sp->answers_lock);
	}
	pthread_mutex_unlock(&sp->lock);
	return answer == ANSWER_CORRECT;
}

bool cl_speller_is_wordchar(const cl_speller *sp, uint32_t cp)
{
	for (size_t i = 0; i < sp->mem.nwordchars; i++)
		if (sp->mem.wordchars[i] == cp)
			return true;
	return false;
}

static void compute_suggestions(cl_speller *sp, const char *word, size_t len, cl_spell_suggestions *list)
{
	char **raw = NULL;
	cl_buf utf8 = CL_BUF_INIT;
	list->items = NULL;
	list->count = 0;
	if (load(sp) < 0 || len > MAX_WORD_BYTES || to_dictionary(sp, word, len) < 0)
		return;
	int n = Hunspell_suggest(sp->hunspell, &raw, sp->converted.ptr);
	list->items = cl_calloc(n > 0 ? (size_t)n : 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		if (sp->conv && convert(sp, false, &utf8, raw[i], strlen(raw[i])) < 0)
			continue;
		list->items[list->count++] = sp->conv ? cl_strndup(utf8.ptr, utf8.size) : cl_strdup(raw[i]);
	}
	if (raw)
		Hunspell_free_list(sp->hunspell, &raw, n);
	cl_buf_dispose(&utf8);
}

size_t cl_speller_suggest(cl_speller *sp, const char *word, size_t len,
			  const char *const **out, size_t max)
{
	size_t index;
	pthread_mutex_lock(&sp->lock);
	if (!cl_keyset_get(&sp->mem.suggested, word, len, &index)) {
		CL_GROW(sp->mem.lists, sp->mem.lists_cap, sp->mem.nlists + 1);
		compute_suggestions(sp, word, len, &sp->mem.lists[sp->mem.nlists]);
		index = sp->mem.nlists++;
		cl_keyset_put(&sp->mem.suggested, word, len, index, &index);
	}
	/* The items stay where they are when lists grows. */
	*out = (const char *const *)sp->mem.lists[index].items;
	size_t count = sp->mem.lists[index].count < max ? sp->mem.lists[index].count : max;
	pthread_mutex_unlock(&sp->lock);
	return count;
}
