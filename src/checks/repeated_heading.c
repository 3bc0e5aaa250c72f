/* repeated-heading: a heading that repeats the previous heading, the title
 * right after it (also with a breadcrumb such as "Home News" stripped from
 * the title), or an earlier heading under the same parent (a heading of one
 * or two words only within three blocks of it). Repeated "Prerequisites" under
 * different sections is normal in documentation and is not reported. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/keyset.h"
#include "dupkeys.h"

/* A breadcrumb-stripped repeat of the title must still be a real title. */
#define TITLE_SUFFIX_MIN_WORDS 3
/* A sibling heading this long repeats by mistake wherever it is. */
#define SIBLING_LONG_WORDS 3

typedef struct {
	char *key;
	size_t key_len;
	size_t block;
} heading_key;

/* Block text offset where the last `words` words of text begin. */
static size_t start_of_last_words(const char *text, size_t len, size_t words)
{
	size_t end = len;
	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	size_t i = end;
	while (words && i > 0) {
		while (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t')
			i--;
		if (--words)
			while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
				i--;
	}
	return i;
}

/* Does the title's key end with key, on a word boundary? */
static bool is_title_suffix(const heading_key *title, const char *key, size_t len)
{
	return title->key_len > len + 1 &&
	       memcmp(title->key + title->key_len - len, key, len) == 0 &&
	       title->key[title->key_len - len - 1] == ' ' &&
	       cl_dup_count_words(key, len) >= TITLE_SUFFIX_MIN_WORDS;
}

/* A short sibling heading (Note, Tip, Example, Options) recurs on purpose
 * in a reference page: one that repeats an earlier sibling or the previous
 * heading is a copy only twice in a row, within CL_DUP_NEAR blocks. */
static size_t near_sibling(const cl_document *doc, const heading_key *current)
{
	const cl_block *block = &doc->blocks[current->block];
	cl_buf key = CL_BUF_INIT, scratch = CL_BUF_INIT;
	size_t found = (size_t)-1;
	for (size_t j = current->block; j-- > 0 && current->block - j <= CL_DUP_NEAR;) {
		const cl_block *other = &doc->blocks[j];
		if (other->kind != CL_BLOCK_HEADING || other->parent != block->parent ||
		    cl_dup_key(&key, &scratch, other, 0, other->len) < 0)
			continue;
		if (key.size == current->key_len && !memcmp(key.ptr, current->key, key.size)) {
			found = j;
			break;
		}
	}
	cl_buf_dispose(&key);
	cl_buf_dispose(&scratch);
	return found;
}

/* The source offset of the first copy of heading `current`, or (size_t)-1
 * when it repeats nothing. */
static size_t first_copy(const cl_document *doc, const heading_key *title, const heading_key *prev,
			 const heading_key *current, cl_keyset *siblings, cl_buf *sibling_key)
{
	const cl_block *title_block = &doc->blocks[title->block];
	const cl_block *block = &doc->blocks[current->block];
	/* A section or field further down may bear the page's name (the
	 * "Caption" box of the Caption dialog): only a title repeated right
	 * after it, within CL_DUP_NEAR blocks, is a copy. */
	bool top = current->block - title->block <= CL_DUP_NEAR;
	if (top && title->key_len == current->key_len && !memcmp(title->key, current->key, current->key_len))
		return cl_block_source_start(title_block, 0);
	if (top && is_title_suffix(title, current->key, current->key_len)) {
		size_t words = cl_dup_count_words(current->key, current->key_len);
		return cl_block_source_start(title_block,
					     start_of_last_words(title_block->text, title_block->len, words));
	}
	cl_buf_clear(sibling_key);
	cl_buf_printf(sibling_key, "%ld\x1f", block->parent);
	cl_buf_put(sibling_key, current->key, current->key_len);
	size_t earlier;
	if (cl_keyset_put(siblings, sibling_key->ptr, sibling_key->size, current->block, &earlier)) {
		if (cl_dup_count_words(current->key, current->key_len) >= SIBLING_LONG_WORDS)
			return cl_block_source_start(&doc->blocks[earlier], 0);
		earlier = near_sibling(doc, current);
		if (earlier != (size_t)-1)
			return cl_block_source_start(&doc->blocks[earlier], 0);
	}
	bool long_enough = cl_dup_count_words(current->key, current->key_len) >= SIBLING_LONG_WORDS;
	if (prev && prev->key_len == current->key_len && !memcmp(prev->key, current->key, current->key_len) &&
	    (long_enough || current->block - prev->block <= CL_DUP_NEAR))
		return cl_block_source_start(&doc->blocks[prev->block], 0);
	return (size_t)-1;
}

static void report(cl_check_ctx *ctx, const cl_block *block, size_t related)
{
	size_t start = 0, end = block->len;
	cl_dup_trim(block->text, &start, &end);
	char *quote = cl_dup_quote(block->text + start, end - start);
	cl_finding *f = cl_check_report(ctx, cl_block_source_start(block, start),
					cl_block_source_end(block, end),
					cl_sprintf("heading %s repeats an earlier heading", quote));
	cl_finding_set_related(f, related);
	free(quote);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	heading_key title = { NULL, 0, 0 }, prev = { NULL, 0, 0 }, current;
	cl_keyset siblings = CL_KEYSET_INIT;
	cl_buf key = CL_BUF_INIT, scratch = CL_BUF_INIT, sibling_key = CL_BUF_INIT;
	for (size_t b = 0; b < doc->nblocks; b++) {
		const cl_block *block = &doc->blocks[b];
		if (block->kind != CL_BLOCK_HEADING || cl_dup_key(&key, &scratch, block, 0, block->len) < 0 ||
		    key.size == 0)
			continue;
		current = (heading_key){ cl_strndup(key.ptr, key.size), key.size, b };
		if (!title.key) {
			title = current;
			cl_buf_printf(&sibling_key, "%ld\x1f%s", block->parent, current.key);
			cl_keyset_put(&siblings, sibling_key.ptr, sibling_key.size, b, NULL);
			continue;
		}
		size_t related = first_copy(doc, &title, prev.key ? &prev : NULL, &current,
					    &siblings, &sibling_key);
		if (related != (size_t)-1)
			report(ctx, block, related);
		if (prev.key != title.key)
			free(prev.key);
		prev = current;
	}
	if (prev.key != title.key)
		free(prev.key);
	free(title.key);
	cl_keyset_dispose(&siblings);
	cl_buf_dispose(&key);
	cl_buf_dispose(&scratch);
	cl_buf_dispose(&sibling_key);
	return 0;
}

const cl_rule cl_rule_repeated_heading = {
	.info = {
		.id = "repeated-heading",
		.summary = "A heading that repeats the title, the previous heading or a sibling",
		.description = "A heading whose text (after normalisation) equals the previous "
			       "heading, the document's title (also when the title carries a "
			       "breadcrumb prefix such as \"Home News\"), or an earlier heading "
			       "under the same parent. Repeated headings under different parents "
			       "are normal and are not reported; neither is a front-matter title "
			       "repeated by the first heading.",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
