/* Word and sentence boundaries from ICU, straight over UTF-8 (utext_openUTF8:
 * ICU's indices are then byte offsets, so no UTF-16 copy is made). Opening a
 * break iterator loads its rules, so a cl_segmenter keeps one per kind and
 * locale and hands it out again; one segmenter belongs to one thread.
 *
 * Word breaks have a fast path for text whose every character is ASCII,
 * Latin-1, Latin Extended-A/B or common General Punctuation: there ICU's
 * word rules reduce to a few (UAX #29 WB3-WB13b), applied here to the
 * characters' Word_Break values as ICU gives them, with the same segments
 * and kinds as ICU. Any other character (combining marks, soft hyphens,
 * emoji, other scripts) sends the whole text to ICU, and so does a locale
 * whose rules give other segments on a probe of the tricky cases. */
#ifndef CL_TEXT_SEGMENT_H
#define CL_TEXT_SEGMENT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cl_segmenter cl_segmenter;

typedef enum { CL_BREAK_WORD = 0, CL_BREAK_SENTENCE = 1 } cl_break_kind;

/* What a word segment holds, from ICU's rule status. */
typedef enum {
	CL_WORD_NONE = 0,    /* spaces, punctuation */
	CL_WORD_NUMBER,
	CL_WORD_LETTER,
	CL_WORD_KANA,
	CL_WORD_IDEO
} cl_word_kind;

typedef struct {
	void *bi;       /* UBreakIterator, borrowed from the segmenter; NULL on the fast path */
	void *ut;       /* UText over the caller's bytes */
	const char *text;  /* the fast path's text; NULL when ICU iterates */
	size_t pos;
	size_t len;
} cl_breaks;

cl_segmenter *cl_segmenter_new(void);
void cl_segmenter_free(cl_segmenter *seg);

/* Starts iterating text[0..len) (which must outlive the iteration). Only one
 * iteration of each kind may be open per segmenter at a time. */
int cl_breaks_open(cl_breaks *it, cl_segmenter *seg, cl_break_kind kind,
		   const char *locale, const char *text, size_t len);
/* The next segment [*start, *end); false at the end. *kind may be NULL. */
bool cl_breaks_next(cl_breaks *it, size_t *start, size_t *end, cl_word_kind *kind);
void cl_breaks_close(cl_breaks *it);

/* The same as cl_breaks_open, always through ICU: what the fast path is
 * tested against. */
int cl_breaks_open_icu(cl_breaks *it, cl_segmenter *seg, cl_break_kind kind,
		       const char *locale, const char *text, size_t len);

#endif
