/* duplicate-sentence: a sentence (ICU sentence boundaries, five words or
 * more) that appears again in the same section (dupkeys.h says when).
 * A sentence also matches a quotation inside another one: `"We do not
 * share data," said the spokesman.` and, later, `We do not share data.`
 * Sentences inside a repeated paragraph are left to duplicate-paragraph. */
#include <stdlib.h>
#include <string.h>

#include "../text/normalize.h"
#include "../util/alloc.h"
#include "../util/keyset.h"
#include "dupkeys.h"

#define MAX_PROBES 8

typedef struct {
	size_t block;
	size_t at;       /* block text offset of the sentence */
	size_t ordinal;  /* its number among the document's sentences */
} sentence_at;

typedef struct {
	cl_keyset seen;     /* probe kind and text -> index into latest */
	sentence_at *latest;
	size_t nlatest, latest_cap;
	size_t ordinal;
	cl_buf key, scratch, probe;
	size_t *sections;
} sentence_index;

/* A sentence is looked up as written (S); to meet a quotation of itself, it
 * is also looked up bare (B: without its quotes and final mark) among the
 * quotations (Q) seen before, and each quotation of CL_DUP_LONG_WORDS words
 * or more in it among the bare sentences. Short quotations (a label, a
 * term) repeat on purpose. */
typedef struct {
	char stored, looked_up;
	size_t at, len;  /* in the sentence key */
} probe;

/* Marks that end a sentence or a quotation (. ! ? …, and 。！？।۔), which a
 * quotation drops or changes ("…," said he). */
static const char *const final_marks[] = {
	"\xE2\x80\xA6", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE0\xA5\xA4", "\xDB\x94",
};

/* The length of the mark or space that key[0, len) ends with, or 0. */
static size_t mark_before(const char *key, size_t len, bool comma)
{
	if (len && key[len - 1] && strchr(comma ? " \"'.!?," : " \"'.!?", key[len - 1]))
		return 1;
	for (size_t k = 0; k < sizeof(final_marks) / sizeof(final_marks[0]); k++) {
		size_t n = strlen(final_marks[k]);
		if (len >= n && !memcmp(key + len - n, final_marks[k], n))
			return n;
	}
	return 0;
}

/* key[at, at+len) trimmed of quotes, final marks (and commas, for a
 * quotation) and spaces. */
static probe bare(char stored, char looked_up, const char *key, size_t at, size_t len, bool comma)
{
	while (len && key[at] && strchr(" \"'", key[at])) {
		at++;
		len--;
	}
	for (size_t cut; (cut = mark_before(key + at, len, comma));)
		len -= cut;
	return (probe){ stored, looked_up, at, len };
}

static size_t find_probes(probe *probes, const char *key, size_t len)
{
	size_t n = 0;
	probes[n++] = (probe){ 'S', 'S', 0, len };
	probes[n++] = bare('B', 'Q', key, 0, len, false);
	const char *open = NULL;
	for (const char *p = key; n < MAX_PROBES && (p = memchr(p, '"', (size_t)(key + len - p))); p++) {
		if (!open) {
			open = p;
			continue;
		}
		probe q = bare('Q', 'B', key, (size_t)(open + 1 - key), (size_t)(p - open - 1), true);
		if (cl_dup_count_words(key + q.at, q.len) >= CL_DUP_LONG_WORDS)
			probes[n++] = q;
		open = NULL;
	}
	return n;
}

static const cl_buf *probe_key(sentence_index *idx, char kind, const char *text, size_t len)
{
	cl_buf_clear(&idx->probe);
	cl_buf_putc(&idx->probe, kind);
	cl_buf_put(&idx->probe, text, len);
	return &idx->probe;
}

static bool lookup(sentence_index *idx, char kind, const char *text, size_t len, size_t *slot)
{
	const cl_buf *key = probe_key(idx, kind, text, len);
	return cl_keyset_get(&idx->seen, key->ptr, key->size, slot);
}

/* Remembers the latest copy of each probe. */
static void store(sentence_index *idx, char kind, const char *text, size_t len, sentence_at at)
{
	const cl_buf *key = probe_key(idx, kind, text, len);
	size_t slot;
	if (cl_keyset_put(&idx->seen, key->ptr, key->size, idx->nlatest, &slot)) {
		idx->latest[slot] = at;
		return;
	}
	CL_GROW(idx->latest, idx->latest_cap, idx->nlatest + 1);
	idx->latest[idx->nlatest++] = at;
}

static void report(cl_check_ctx *ctx, const cl_document *doc, const cl_block *block, size_t start,
		   size_t end, const sentence_at *first)
{
	char *quote = cl_dup_quote(block->text + start, end - start);
	cl_finding *f = cl_check_report(ctx, cl_block_source_start(block, start),
					cl_block_source_end(block, end),
					cl_sprintf("sentence %s repeats an earlier sentence", quote));
	cl_finding_set_related(f, cl_block_source_start(&doc->blocks[first->block], first->at));
	free(quote);
}

static void check_sentence(cl_check_ctx *ctx, const cl_document *doc, sentence_index *idx,
			   size_t b, size_t start, size_t end)
{
	const cl_block *block = &doc->blocks[b];
	cl_dup_trim(block->text, &start, &end);
	if (cl_dup_count_words(block->text + start, end - start) == 0)
		return;
	size_t ordinal = ++idx->ordinal;
	if (cl_dup_prose_words(block, start, end) < CL_DUP_MIN_WORDS ||
	    cl_dup_key(&idx->key, &idx->scratch, block, start, end) < 0)
		return;
	probe probes[MAX_PROBES];
	size_t nprobes = find_probes(probes, idx->key.ptr, idx->key.size);
	bool reported = false;
	for (size_t k = 0; k < nprobes; k++) {
		const char *text = idx->key.ptr + probes[k].at;
		size_t slot, len = probes[k].len;
		if (!reported && lookup(idx, probes[k].looked_up, text, len, &slot)) {
			sentence_at *before = &idx->latest[slot];
			if (cl_dup_near(idx->sections, before->block, b, ordinal - before->ordinal,
					cl_dup_count_words(text, len))) {
				report(ctx, doc, block, start, end, before);
				reported = true;
			}
		}
		store(idx, probes[k].stored, text, len, (sentence_at){ b, start, ordinal });
	}
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	sentence_index idx = { CL_KEYSET_INIT, NULL, 0, 0, 0, CL_BUF_INIT, CL_BUF_INIT, CL_BUF_INIT,
			       cl_dup_sections(doc) };
	long *paragraph_copy = cl_dup_paragraph_copies(doc);
	int error = 0;
	for (size_t b = 0; b < doc->nblocks && !error; b++) {
		const cl_block *block = &doc->blocks[b];
		if (!cl_dup_is_body_block(block) || paragraph_copy[b] >= 0)
			continue;
		cl_breaks it;
		size_t start, end;
		if ((error = cl_breaks_open(&it, ctx->seg, CL_BREAK_SENTENCE, ctx->locale,
					    block->text, block->len)) < 0)
			break;
		while (cl_breaks_next(&it, &start, &end, NULL))
			check_sentence(ctx, doc, &idx, b, start, end);
		cl_breaks_close(&it);
	}
	free(paragraph_copy);
	free(idx.latest);
	free(idx.sections);
	cl_keyset_dispose(&idx.seen);
	cl_buf_dispose(&idx.key);
	cl_buf_dispose(&idx.scratch);
	cl_buf_dispose(&idx.probe);
	return error;
}

const cl_rule cl_rule_duplicate_sentence = {
	.info = {
		.id = "duplicate-sentence",
		.summary = "A sentence that repeats an earlier one",
		.description = "A sentence of five words or more that appears again in the same "
			       "section (no heading between), compared after Unicode "
			       "normalisation, case folding and folding of white space and quotes; "
			       "a quotation inside a sentence counts as a sentence. A sentence "
			       "under eight words counts only within three sentences of its "
			       "earlier copy. Sentence boundaries follow the document's language "
			       "(ICU).",
		.default_severity = COPYLINT_SEVERITY_WARNING,
	},
	.check = check,
};
