/* One Hunspell handle: a loaded dictionary, the conversion between UTF-8
 * and its charset, and what is looked up or added on it. One thread at a
 * time uses a handle (the pool hands them out). */
#include "speller_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copylint/copylint.h"

#include "../util/alloc.h"
#include "../util/error.h"
#include "normalize.h"
#include "utf8.h"

/* ICU converts between UTF-8 and the dictionary's charset; Hunspell names
 * them like "ISO8859-2", which ICU's alias table knows. A character the
 * target cannot hold stops the conversion: such a word is not in the
 * dictionary. */
static int convert(cl_spell_handle *h, bool to_dict, cl_buf *out, const char *s, size_t len)
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
static int to_dictionary(cl_spell_handle *h, const char *word, size_t len)
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


void cl_spell_handle_read_wordchars(cl_speller *sp, cl_spell_handle *h)
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

static int open_converter(cl_spell_handle *h, const char *aff_path)
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

/* libhunspell 1.7 counts the users of its shared UTF-16 tables without a
 * lock (initialize_utf_tbl, free_utf_tbl, in every table of words): two
 * threads creating or destroying handles at once leak or free them twice. */
static pthread_mutex_t hunspell_tables = PTHREAD_MUTEX_INITIALIZER;

void cl_spell_handle_free(cl_spell_handle *h)
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

int cl_spell_handle_new(cl_spell_handle **out, const char *aff_path, const char *dic_path)
{
	cl_spell_handle *h = cl_calloc(1, sizeof(*h));
	pthread_mutex_lock(&hunspell_tables);
	h->hunspell = Hunspell_create(aff_path, dic_path);
	pthread_mutex_unlock(&hunspell_tables);
	int error = h->hunspell ? open_converter(h, aff_path) :
		    cl_error_set(COPYLINT_EINVALID, "%s: Hunspell cannot load it", dic_path);
	if (error < 0) {
		cl_spell_handle_free(h);
		h = NULL;
	}
	*out = h;
	return error;
}

int cl_spell_check_entry(const char *entry, size_t len)
{
	const char *slash = memchr(entry, '/', len);
	size_t word_len = slash ? (size_t)(slash - entry) : len;
	if (word_len == 0 || word_len > MAX_WORD_BYTES || (slash && slash + 1 == entry + len))
		return cl_error_set(COPYLINT_EINVALID, "'%.*s' is not a word or word/model entry", (int)len, entry);
	return 0;
}

static int add_now(cl_spell_handle *h, const char *entry, size_t len)
{
	const char *slash = memchr(entry, '/', len);
	size_t word_len = slash ? (size_t)(slash - entry) : len;
	if (cl_spell_check_entry(entry, len) < 0)
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

static int add_file_now(cl_spell_handle *h, const char *path)
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

int cl_spell_handle_add(cl_spell_handle *h, const cl_spell_addition *a)
{
	return a->is_file ? add_file_now(h, a->text) : add_now(h, a->text, a->len);
}

/* A dictionary that failed to load (the user was told) accepts every word. */
bool cl_spell_handle_lookup(cl_spell_handle *h, const char *word, size_t len)
{
	if (!h)
		return true;
	if (len > MAX_WORD_BYTES || to_dictionary(h, word, len) < 0)
		return false;
	return Hunspell_spell(h->hunspell, h->converted.ptr) != 0;
}

void cl_spell_handle_suggest(cl_spell_handle *h, const char *word, size_t len, cl_spell_suggestions *list)
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
