#include "speller.h"

#include <errno.h>
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>

#include "copylint/copylint.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/keyset.h"
#include "normalize.h"
#include "utf8.h"

/* Hunspell refuses longer words (its MAXWORDLEN), and so do we. */
#define MAX_WORD_BYTES 200

enum { ANSWER_CORRECT = 1, ANSWER_WRONG = 2 };

typedef struct {
	char **items;
	size_t count;
} suggestion_list;

struct cl_speller {
	Hunhandle *hunspell;
	UConverter *conv;     /* NULL when the dictionary is UTF-8 */
	UConverter *utf8;     /* the other end of conv */
	uint32_t *wordchars;  /* the .aff's WORDCHARS as code points */
	size_t nwordchars;
	cl_keyset answers;    /* UTF-8 word as written -> ANSWER_* */
	cl_keyset suggested;  /* UTF-8 word -> index in lists */
	suggestion_list *lists;
	size_t nlists, lists_cap;
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
		sp->wordchars = cl_calloc(utf8.size + 1, sizeof(uint32_t));
		for (size_t i = 0; i < utf8.size;) {
			bool valid;
			i += cl_utf8_decode(utf8.ptr + i, utf8.size - i, &sp->wordchars[sp->nwordchars++], &valid);
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

int cl_speller_new(cl_speller **out, const char *aff_path, const char *dic_path)
{
	*out = NULL;
	if (!readable(aff_path) || !readable(dic_path))
		return cl_error_set(COPYLINT_EIO, "%s: cannot read the dictionary: %s",
				    readable(aff_path) ? dic_path : aff_path, strerror(errno));
	cl_speller *sp = cl_calloc(1, sizeof(*sp));
	sp->hunspell = Hunspell_create(aff_path, dic_path);
	int error = sp->hunspell ? open_converter(sp, aff_path) :
		    cl_error_set(COPYLINT_EINVALID, "%s: Hunspell cannot load it", dic_path);
	if (error < 0) {
		cl_speller_free(sp);
		return error;
	}
	read_wordchars(sp, aff_path);
	*out = sp;
	return 0;
}

void cl_speller_free(cl_speller *sp)
{
	if (!sp)
		return;
	if (sp->hunspell)
		Hunspell_destroy(sp->hunspell);
	if (sp->conv)
		ucnv_close(sp->conv);
	if (sp->utf8)
		ucnv_close(sp->utf8);
	for (size_t i = 0; i < sp->nlists; i++) {
		for (size_t j = 0; j < sp->lists[i].count; j++)
			free(sp->lists[i].items[j]);
		free(sp->lists[i].items);
	}
	free(sp->lists);
	free(sp->wordchars);
	cl_keyset_dispose(&sp->answers);
	cl_keyset_dispose(&sp->suggested);
	cl_buf_dispose(&sp->scratch);
	cl_buf_dispose(&sp->converted);
	free(sp);
}

int cl_speller_add(cl_speller *sp, const char *entry, size_t len)
{
	const char *slash = memchr(entry, '/', len);
	size_t word_len = slash ? (size_t)(slash - entry) : len;
	if (word_len == 0 || word_len > MAX_WORD_BYTES || (slash && slash + 1 == entry + len))
		return cl_error_set(COPYLINT_EINVALID, "'%.*s' is not a word or word/model entry", (int)len, entry);
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
	cl_keyset_dispose(&sp->answers);  /* earlier answers may have changed */
	return error;
}

static bool is_count_line(const char *line)
{
	size_t digits = strspn(line, "0123456789");
	return digits > 0 && line[digits + strspn(line + digits, " \t\r\n")] == '\0';
}

int cl_speller_add_file(cl_speller *sp, const char *path)
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
			Hunspell_add_dic(sp->hunspell, path);
			cl_keyset_dispose(&sp->answers);
			break;
		}
		char *entry = line + strspn(line, " \t\xEF\xBB\xBF");
		size_t len = strcspn(entry, "\t\r\n");
		while (len > 0 && entry[len - 1] == ' ')
			len--;
		if (len == 0 || entry[0] == '#')
			continue;
		if (cl_speller_add(sp, entry, len) < 0) {
			char *why = cl_strdup(cl_error_get());
			error = cl_error_set(COPYLINT_EINVALID, "%s:%zu: %s", path, lineno, why);
			free(why);
		}
	}
	free(line);
	fclose(fp);
	return error;
}

static bool lookup(cl_speller *sp, const char *word, size_t len)
{
	if (len > MAX_WORD_BYTES || to_dictionary(sp, word, len) < 0)
		return false;
	return Hunspell_spell(sp->hunspell, sp->converted.ptr) != 0;
}

bool cl_speller_check(cl_speller *sp, const char *word, size_t len)
{
	size_t answer;
	if (cl_keyset_get(&sp->answers, word, len, &answer))
		return answer == ANSWER_CORRECT;
	bool correct = lookup(sp, word, len);
	cl_keyset_put(&sp->answers, word, len, correct ? ANSWER_CORRECT : ANSWER_WRONG, &answer);
	return correct;
}

bool cl_speller_is_wordchar(const cl_speller *sp, uint32_t cp)
{
	for (size_t i = 0; i < sp->nwordchars; i++)
		if (sp->wordchars[i] == cp)
			return true;
	return false;
}

static void compute_suggestions(cl_speller *sp, const char *word, size_t len, suggestion_list *list)
{
	char **raw = NULL;
	cl_buf utf8 = CL_BUF_INIT;
	list->items = NULL;
	list->count = 0;
	if (len > MAX_WORD_BYTES || to_dictionary(sp, word, len) < 0)
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
	if (!cl_keyset_get(&sp->suggested, word, len, &index)) {
		CL_GROW(sp->lists, sp->lists_cap, sp->nlists + 1);
		compute_suggestions(sp, word, len, &sp->lists[sp->nlists]);
		index = sp->nlists++;
		cl_keyset_put(&sp->suggested, word, len, index, &index);
	}
	*out = (const char *const *)sp->lists[index].items;
	return sp->lists[index].count < max ? sp->lists[index].count : max;
}
