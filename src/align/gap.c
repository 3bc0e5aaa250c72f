/* The stretch between two anchors, aligned by dynamic programming: each
 * step takes one source item with one translation item, one item alone (a
 * missing or an added one), or one paragraph against two (translators merge
 * and split paragraphs). Costs compare kinds and lengths, the lengths scaled
 * by the documents' overall ratio. Long stretches are searched in a band
 * around the diagonal, so a gap of n items costs O(n) cells, not O(n²). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "align_internal.h"

#define FULL_CELLS (1u << 20)
#define BAND 64
#define SKIP_COST 4.0
#define MERGE_COST 1.5
#define INF 1e30

typedef struct {
	const cl_document *doc;
	size_t from;
} side;

typedef struct {
	side s, t;
	size_t n, m, width;
	double ratio;
	bool banded;
	double *cost;
	uint8_t *move;  /* index into moves[] */
} grid;

static const int moves[][2] = { { 1, 1 }, { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 2 } };

/* Prose by block kind: 'H' heading, 'P' paragraph, 'L' list item, 'Q'
 * quote, 'c' table cell, 'F' front-matter value, 'I' image description;
 * else 'C' code, 'M' HTML, 'T' table, 'S' shortcode, 'A' admonition. */
static char item_class(const cl_document *doc, size_t i)
{
	static const char items[] = { 'P', 'C', 'M', 'T', 'S', 'A' };
	static const char blocks[] = { 'H', 'P', 'L', 'Q', 'c', 'F', 'I' };
	const cl_item *item = &doc->items[i];
	return item->kind == CL_ITEM_PROSE ? blocks[doc->blocks[item->block].kind] : items[item->kind];
}

/* Classes whose blocks translators merge and split. */
static bool mergeable(char c)
{
	return c == 'P' || c == 'L' || c == 'Q';
}

static double item_length(const cl_document *doc, size_t i)
{
	const cl_item *item = &doc->items[i];
	if (item->block >= 0)
		return (double)doc->blocks[item->block].len;
	return (double)(item->code ? strlen(item->code) : item->end - item->start);
}

static double length_cost(double ls, double lt, double ratio)
{
	return 1.5 * fabs(log((lt + 10.0) / (ratio * (ls + 10.0))));
}

static double pair_cost(const grid *g, size_t i, size_t j)
{
	const cl_document *sd = g->s.doc, *td = g->t.doc;
	size_t si = g->s.from + i, tj = g->t.from + j;
	char a = item_class(sd, si), b = item_class(td, tj);
	if (a != b)
		return INF;
	if (a == 'C') {
		const char *x = sd->items[si].code, *y = td->items[tj].code;
		return x && y && !strcmp(x, y) ? 0.0 : 1.5;
	}
	if (a == 'H' || mergeable(a) || a == 'c' || a == 'F' || a == 'I') {
		double c = length_cost(item_length(sd, si), item_length(td, tj), g->ratio);
		if (a == 'H' && sd->blocks[sd->items[si].block].level != td->blocks[td->items[tj].block].level)
			c += 1.0;
		return c;
	}
	return 0.5;
}

/* Two prose paragraphs on one side against one on the other. */
static double merge_cost(const grid *g, size_t i, size_t j, int di, int dj)
{
	const cl_document *sd = g->s.doc, *td = g->t.doc;
	double ls = 0, lt = 0;
	char c = item_class(sd, g->s.from + i);
	if (!mergeable(c))
		return INF;
	for (int k = 0; k < di; k++) {
		if (item_class(sd, g->s.from + i + (size_t)k) != c)
			return INF;
		ls += item_length(sd, g->s.from + i + (size_t)k);
	}
	for (int k = 0; k < dj; k++) {
		if (item_class(td, g->t.from + j + (size_t)k) != c)
			return INF;
		lt += item_length(td, g->t.from + j + (size_t)k);
	}
	return MERGE_COST + length_cost(ls, lt, g->ratio);
}

static void row_range(const grid *g, size_t i, size_t *lo, size_t *hi)
{
	if (!g->banded) {
		*lo = 0;
		*hi = g->m;
		return;
	}
	size_t c = g->n ? (size_t)((double)i * (double)g->m / (double)g->n) : 0;
	size_t w = g->width / 2;
	*lo = c > w ? c - w : 0;
	*hi = c + w < g->m ? c + w : g->m;
}

static size_t cell(const grid *g, size_t i, size_t j, bool *ok)
{
	size_t lo, hi;
	row_range(g, i, &lo, &hi);
	*ok = j >= lo && j <= hi;
	return i * g->width + (*ok ? j - lo : 0);
}

static double step_cost(const grid *g, size_t i, size_t j, int k)
{
	int di = moves[k][0], dj = moves[k][1];
	if (di + dj == 1)
		return SKIP_COST;
	if (di == 1 && dj == 1)
		return pair_cost(g, i, j);
	return merge_cost(g, i, j, di, dj);
}

static void relax(grid *g, size_t i, size_t j, size_t here)
{
	for (int k = 0; k < 5; k++) {
		size_t di = (size_t)moves[k][0], dj = (size_t)moves[k][1];
		bool ok;
		if (di > i || dj > j)
			continue;
		size_t from = cell(g, i - di, j - dj, &ok);
		if (!ok || g->cost[from] >= INF)
			continue;
		double c = g->cost[from] + step_cost(g, i - di, j - dj, k);
		if (c < g->cost[here]) {
			g->cost[here] = c;
			g->move[here] = (uint8_t)k;
		}
	}
}

static void fill(grid *g)
{
	for (size_t i = 0; i <= g->n; i++) {
		size_t lo, hi;
		row_range(g, i, &lo, &hi);
		for (size_t j = lo; j <= hi; j++) {
			bool ok;
			size_t here = cell(g, i, j, &ok);
			g->cost[here] = i || j ? INF : 0.0;
			relax(g, i, j, here);
		}
	}
}

static void emit(cl_alignment *out, const grid *g)
{
	size_t nsteps = 0, i = g->n, j = g->m;
	uint8_t *steps = cl_malloc(g->n + g->m + 1);
	while (i || j) {
		bool ok;
		uint8_t k = g->move[cell(g, i, j, &ok)];
		steps[nsteps++] = k;
		i -= (size_t)moves[k][0];
		j -= (size_t)moves[k][1];
	}
	while (nsteps--) {
		int k = steps[nsteps];
		CL_GROW(out->groups, out->cap, out->count + 1);
		size_t s = g->s.from + i, t = g->t.from + j;
		out->groups[out->count++] = (cl_align_group){ s, s + (size_t)moves[k][0], t, t + (size_t)moves[k][1] };
		i += (size_t)moves[k][0];
		j += (size_t)moves[k][1];
	}
	free(steps);
}

void cl_align_gap(cl_alignment *out, const cl_document *source, const cl_document *translation,
		  size_t s0, size_t s1, size_t t0, size_t t1, double ratio)
{
	grid g = { { source, s0 }, { translation, t0 }, s1 - s0, t1 - t0, 0, ratio, false, NULL, NULL };
	if (!g.n && !g.m)
		return;
	g.banded = (g.n + 1) * (g.m + 1) > FULL_CELLS;
	g.width = g.banded ? 2 * (BAND + g.m / (g.n ? g.n : 1) + 2) + 1 : g.m + 1;
	g.cost = cl_malloc((g.n + 1) * g.width * sizeof(double));
	g.move = cl_calloc((g.n + 1) * g.width, 1);
	fill(&g);
	emit(out, &g);
	free(g.cost);
	free(g.move);
}
