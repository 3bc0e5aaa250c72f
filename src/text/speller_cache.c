#include "speller_cache.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/buf.h"

/* The layout: MAGIC, the identity (16 bytes), the number of WORDCHARS and
 * each as 4 bytes, then records: the kind (1 byte), the word's length (1
 * byte) and the word; an answer's kind is the answer (1, 2), a suggestion
 * list's is 3, followed by the number of suggestions (1 byte) and each as
 * its length (1 byte) and its bytes. Numbers are little-endian. */
static const char MAGIC[8] = { 'C', 'L', 'S', 'P', 'E', 'L', 'L', 3 };

enum { RECORD_SUGGESTIONS = 3 };

void cl_spell_memory_dispose(cl_spell_memory *mem)
{
	for (size_t i = 0; i < mem->nlists; i++) {
		for (size_t j = 0; j < mem->lists[i].count; j++)
			free(mem->lists[i].items[j]);
		free(mem->lists[i].items);
	}
	free(mem->lists);
	free(mem->wordchars);
	cl_keyset_dispose(&mem->answers);
	cl_keyset_dispose(&mem->suggested);
	memset(mem, 0, sizeof(*mem));
}

char *cl_spell_cache_path(const char *dir, XXH128_hash_t identity)
{
	return cl_sprintf("%s/spell-%016llx%016llx.bin", dir, (unsigned long long)identity.high64,
			  (unsigned long long)identity.low64);
}

static void put_u64(cl_buf *out, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		cl_buf_putc(out, (char)(v >> (8 * i)));
}

static uint64_t get_u64(const unsigned char *p, size_t bytes)
{
	uint64_t v = 0;
	for (size_t i = 0; i < bytes; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	cl_buf data = CL_BUF_INIT;
	char chunk[65536];
	size_t n;
	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cl_buf_put(&data, chunk, n);
	bool failed = ferror(fp);
	fclose(fp);
	*len = data.size;
	if (failed) {
		cl_buf_dispose(&data);
		return NULL;
	}
	return cl_buf_detach(&data);
}

/* The end of the record at `at`, or 0 when it does not fit in len. */
static size_t record_end(const unsigned char *p, size_t len, size_t at)
{
	if (at + 2 > len || p[at] < 1 || p[at] > RECORD_SUGGESTIONS || at + 2 + p[at + 1] > len)
		return 0;
	size_t end = at + 2 + p[at + 1];
	if (p[at] != RECORD_SUGGESTIONS)
		return end;
	if (end >= len)
		return 0;
	size_t n = p[end++];
	for (size_t i = 0; i < n; i++) {
		if (end >= len || end + 1 + p[end] > len)
			return 0;
		end += 1 + p[end];
	}
	return end;
}

/* The records from at on, checked whole before any is taken. */
static bool records_valid(const unsigned char *p, size_t len, size_t at)
{
	while (at < len)
		if (!(at = record_end(p, len, at)))
			return false;
	return true;
}

static size_t read_header(const unsigned char *p, size_t len, XXH128_hash_t identity, cl_spell_memory *mem)
{
	size_t at = sizeof(MAGIC) + 16 + 4;
	if (len < at || memcmp(p, MAGIC, sizeof(MAGIC)) || get_u64(p + 8, 8) != identity.low64 ||
	    get_u64(p + 16, 8) != identity.high64)
		return 0;
	size_t n = (size_t)get_u64(p + 24, 4);
	if (n > 4096 || at + 4 * n > len)
		return 0;
	mem->wordchars = cl_calloc(n + 1, sizeof(uint32_t));
	mem->nwordchars = n;
	for (size_t i = 0; i < n; i++, at += 4)
		mem->wordchars[i] = (uint32_t)get_u64(p + at, 4);
	return at;
}

static void take_suggestions(cl_spell_memory *mem, const unsigned char *p, size_t at)
{
	const char *word = (const char *)p + at + 2;
	size_t word_len = p[at + 1], old, next = at + 2 + word_len;
	CL_GROW(mem->lists, mem->lists_cap, mem->nlists + 1);
	cl_spell_suggestions *list = &mem->lists[mem->nlists];
	list->count = p[next++];
	list->items = cl_calloc(list->count + 1, sizeof(char *));
	for (size_t i = 0; i < list->count; next += 1 + p[next], i++)
		list->items[i] = cl_strndup((const char *)p + next + 1, p[next]);
	if (cl_keyset_put(&mem->suggested, word, word_len, mem->nlists, &old)) {
		for (size_t i = 0; i < list->count; i++)  /* a word twice: keep the first list */
			free(list->items[i]);
		free(list->items);
		return;
	}
	mem->nlists++;
}

bool cl_spell_cache_read(const char *path, XXH128_hash_t identity, cl_spell_memory *mem)
{
	size_t len = 0, old;
	unsigned char *p = (unsigned char *)read_all(path, &len);
	size_t at = p ? read_header(p, len, identity, mem) : 0;
	if (at && !records_valid(p, len, at)) {
		cl_spell_memory_dispose(mem);
		at = 0;
	}
	for (size_t i = at; at && i < len; i = record_end(p, len, i)) {
		if (p[i] == RECORD_SUGGESTIONS)
			take_suggestions(mem, p, i);
		else
			cl_keyset_put(&mem->answers, (const char *)p + i + 2, p[i + 1], p[i], &old);
	}
	free(p);
	return at != 0;
}

typedef struct {
	cl_buf *out;
	size_t count;
	const cl_spell_memory *mem;
} record_writer;

static void put_record(const char *key, size_t len, size_t value, void *payload)
{
	record_writer *w = payload;
	if (len > 255 || (value != 1 && value != 2) || w->count >= CL_SPELL_CACHE_MAX_ANSWERS)
		return;
	cl_buf_putc(w->out, (char)value);
	cl_buf_putc(w->out, (char)len);
	cl_buf_put(w->out, key, len);
	w->count++;
}

/* A suggestion list whose word or suggestions do not fit a byte's length
 * is left out. */
static void put_suggestions(const char *key, size_t len, size_t value, void *payload)
{
	record_writer *w = payload;
	const cl_spell_suggestions *list = &w->mem->lists[value];
	if (len > 255 || list->count > 255)
		return;
	for (size_t i = 0; i < list->count; i++)
		if (strlen(list->items[i]) > 255)
			return;
	cl_buf_putc(w->out, (char)RECORD_SUGGESTIONS);
	cl_buf_putc(w->out, (char)len);
	cl_buf_put(w->out, key, len);
	cl_buf_putc(w->out, (char)list->count);
	for (size_t i = 0; i < list->count; i++) {
		cl_buf_putc(w->out, (char)strlen(list->items[i]));
		cl_buf_puts(w->out, list->items[i]);
	}
}

/* mkdir -p for the folder that holds path. */
static void make_parents(const char *path)
{
	char *dir = cl_strdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	free(dir);
}

static bool write_file(const char *path, const cl_buf *data)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return false;
	bool ok = fwrite(data->ptr, 1, data->size, fp) == data->size;
	return (fclose(fp) == 0) && ok;
}

void cl_spell_cache_write(const char *path, XXH128_hash_t identity, const cl_spell_memory *mem)
{
	cl_buf data = CL_BUF_INIT;
	record_writer writer = { &data, 0, mem };
	const uint32_t *wordchars = mem->wordchars;
	size_t nwordchars = mem->nwordchars;
	cl_buf_put(&data, MAGIC, sizeof(MAGIC));
	put_u64(&data, identity.low64);
	put_u64(&data, identity.high64);
	for (int i = 0; i < 4; i++)
		cl_buf_putc(&data, (char)((uint32_t)nwordchars >> (8 * i)));
	for (size_t c = 0; c < nwordchars; c++)
		for (int i = 0; i < 4; i++)
			cl_buf_putc(&data, (char)(wordchars[c] >> (8 * i)));
	cl_keyset_each(&mem->answers, put_record, &writer);
	cl_keyset_each(&mem->suggested, put_suggestions, &writer);
	make_parents(path);
	/* Unique per process and thread: --jobs runs write their own. */
	char *temp = cl_sprintf("%s.%ld.%lx.tmp", path, (long)getpid(), (unsigned long)pthread_self());
	if (!write_file(temp, &data) || rename(temp, path) < 0)
		unlink(temp);
	free(temp);
	cl_buf_dispose(&data);
}
