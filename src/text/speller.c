/* The speller: a Hunspell dictionary shared by the run's threads, the words
 * and word lists added to it, and the answers it gave (kept in a cache
 * file between runs). The handles it looks words up on are in
 * speller_pool.c and speller_handle.c. */
#include "speller_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copylint/copylint.h"

#include "../util/alloc.h"
#include "../util/error.h"
#include "../util/keyset.h"

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
	cl_spell_handle *h = cl_spell_pool_take(sp);
	cl_spell_pool_give_back(sp, h);
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
		cl_spell_handle_free(sp->handles[i]);
	cl_spell_memory_dispose(&sp->mem);
	pthread_cond_destroy(&sp->pool_changed);
	pthread_mutex_destroy(&sp->pool_lock);
	pthread_mutex_destroy(&sp->answers_lock);
	free(sp);
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
static int make_on_handles(cl_speller *sp, const cl_spell_addition *a)
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
		error = cl_spell_handle_add(sp->handles[i], a);
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
	cl_spell_addition a = { is_file, cl_strndup(text, len), len };
	pthread_mutex_lock(&sp->pool_lock);
	cl_spell_pool_wait_until_idle(sp);
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
	if (cl_spell_check_entry(entry, len) < 0)
		return COPYLINT_EINVALID;
	return add(sp, false, entry, len);
}

int cl_speller_add_file(cl_speller *sp, const char *path)
{
	return add(sp, true, path, strlen(path));
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
	cl_spell_handle *h = cl_spell_pool_take(sp);
	if (!known_answer(sp, word, len, &answer)) {  /* another thread may have asked meanwhile */
		answer = cl_spell_handle_lookup(h, word, len) ? ANSWER_CORRECT : ANSWER_WRONG;
		pthread_mutex_lock(&sp->answers_lock);
		cl_keyset_put(&sp->mem.answers, word, len, answer, &answer);
		pthread_mutex_unlock(&sp->answers_lock);
	}
	cl_spell_pool_give_back(sp, h);
	return answer == ANSWER_CORRECT;
}

size_t cl_speller_handles_accepting(cl_speller *sp, const char *word, size_t len)
{
	size_t n = 0;
	pthread_mutex_lock(&sp->pool_lock);
	cl_spell_pool_wait_until_idle(sp);
	for (size_t i = 0; i < sp->nhandles; i++)
		n += cl_spell_handle_lookup(sp->handles[i], word, len);
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
		cl_spell_handle *h = cl_spell_pool_take(sp);
		cl_spell_handle_suggest(h, word, len, &computed);
		cl_spell_pool_give_back(sp, h);
		pthread_mutex_lock(&sp->answers_lock);
		kept = keep_suggestions(sp, word, len, &computed);
	}
	*out = (const char *const *)kept->items;
	size_t count = kept->count < max ? kept->count : max;
	pthread_mutex_unlock(&sp->answers_lock);
	suggestions_dispose(&computed);
	return count;
}
