/* What the pair rules share: the translation's aligned groups, where a
 * finding about a source item stands in the translation, and the pieces
 * of prose blocks they compare (inline code, link targets, numbers). */
#ifndef CL_CHECKS_PAIR_COMMON_H
#define CL_CHECKS_PAIR_COMMON_H

#include "../align/align.h"
#include "rule.h"

/* Short names of item kinds for messages ("heading", "code block", ...). */
const char *cl_pair_item_name(const cl_document *doc, size_t item);
/* The translation byte where source items of group g would stand: the
 * start of its translation items, else of the next one, else the end of
 * the last one. */
size_t cl_pair_position(const cl_document *tr, const cl_alignment *a, size_t g);
/* True when items [i0, i1) of doc are all prose blocks. */
bool cl_pair_all_prose(const cl_document *doc, size_t i0, size_t i1);

/* A list of strings found in blocks, with where each was found. */
typedef struct {
	char **items;
	size_t *at;       /* source bytes in the document */
	bool *used;
	size_t count, cap;
} cl_pair_bag;

void cl_pair_bag_add(cl_pair_bag *bag, char *text, size_t at);
/* Finds an unused equal string, marks it used; true when found. */
bool cl_pair_bag_take(cl_pair_bag *bag, const char *text);
void cl_pair_bag_dispose(cl_pair_bag *bag);
/* Marks what the two bags share, each string of one paired with one equal
 * string of the other; what stays unused was lost or added. */
void cl_pair_bag_match(cl_pair_bag *source, cl_pair_bag *translation);

typedef void (*cl_pair_group_fn)(cl_check_ctx *ctx, const cl_document *doc, const cl_align_group *g);
/* Calls fn on each aligned group with items on both sides; nothing when the
 * document is checked alone. */
void cl_pair_each_matched_group(cl_check_ctx *ctx, const cl_document *doc, cl_pair_group_fn fn);

/* The inline code spans of items [i0, i1), placeholders ({{...}}) blanked. */
void cl_pair_code_spans(const cl_document *doc, size_t i0, size_t i1, cl_pair_bag *out);
/* A first short excerpt of an item's text for messages (owned). */
char *cl_pair_excerpt(const cl_document *doc, size_t item);

/* A link target as compared: path segments naming either language
 * (`/fr/docs/x`, `en-US`) and the #fragment left out, trailing slashes
 * dropped (owned). */
char *cl_pair_localised_target(const char *target, const char *const langs[2]);

/* The item of the heading whose anchor is anchor (without '#'): its
 * explicit id ({#background-information}), else the slug sites generate
 * from its text; -1 when none. */
long cl_pair_anchor_item(const cl_document *doc, const char *anchor);
/* The source heading aligned with translation item, or -1. */
long cl_pair_source_heading_of(const cl_alignment *a, const cl_document *source, size_t item);

#endif
