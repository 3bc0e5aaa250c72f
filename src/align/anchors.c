/* Anchors: items whose key is unique in each document and the same in
 * both, kept when they agree in order (longest increasing subsequence,
 * n log n). */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/keyset.h"
#include "align_internal.h"

#define SEEN_TWICE ((size_t)-1)

/* key -> item index, or SEEN_TWICE; keys[i] the key of each item (owned). */
static char **keys_of(const cl_document *doc, cl_keyset *set, size_t **values, size_t *nvalues)
{
	char **keys = cl_calloc(doc->nitems ? doc->nitems : 1, sizeof(char *));
	size_t link = 0, cap = 0;
	for (size_t i = 0; i < doc->nitems; i++) {
		long block = doc->items[i].block;
		while (block >= 0 && link < doc->nlinks && doc->links[link].block < block)
			link++;
		keys[i] = cl_align_item_key(doc, i, link);
		if (!keys[i])
			continue;
		size_t slot;
		if (cl_keyset_put(set, keys[i], strlen(keys[i]), *nvalues, &slot)) {
			(*values)[slot] = SEEN_TWICE;
			continue;
		}
		CL_GROW(*values, cap, *nvalues + 1);
		(*values)[(*nvalues)++] = i;
	}
	return keys;
}

/* Longest strictly increasing subsequence of pairs by t (pairs sorted by s). */
static size_t keep_increasing(cl_anchor *pairs, size_t n)
{
	size_t *tail = cl_malloc((n + 1) * sizeof(size_t)), *prev = cl_malloc((n + 1) * sizeof(size_t));
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (pairs[tail[mid]].t < pairs[i].t)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tail[lo - 1] : SEEN_TWICE;
		tail[lo] = i;
		if (lo == len)
			len++;
	}
	cl_anchor *kept = cl_malloc((len ? len : 1) * sizeof(cl_anchor));
	for (size_t k = len, i = len ? tail[len - 1] : 0; k > 0; i = prev[i])
		kept[--k] = pairs[i];
	memcpy(pairs, kept, len * sizeof(cl_anchor));
	free(kept);
	free(tail);
	free(prev);
	return len;
}

/* Far from where the documents' proportions put it, an equal key is a
 * coincidence (the same number in another paragraph), not an anchor. */
static bool plausible(size_t s, size_t t, size_t ns, size_t nt)
{
	double expected = ns ? (double)s * (double)nt / (double)ns : 0;
	double off = (double)t > expected ? (double)t - expected : expected - (double)t;
	return off <= 10.0 + 0.1 * (double)(nt > ns ? nt : ns);
}

cl_anchor *cl_align_anchors(const cl_document *source, const cl_document *translation, size_t *count,
			    size_t *shared)
{
	cl_keyset sset = CL_KEYSET_INIT, tset = CL_KEYSET_INIT;
	size_t *svals = NULL, *tvals = NULL, ns = 0, nt = 0;
	char **skeys = keys_of(source, &sset, &svals, &ns);
	char **tkeys = keys_of(translation, &tset, &tvals, &nt);
	cl_anchor *pairs = cl_malloc((source->nitems ? source->nitems : 1) * sizeof(cl_anchor));
	size_t n = 0;
	*shared = 0;
	for (size_t i = 0; i < source->nitems; i++) {
		size_t sv, tv;
		if (!skeys[i] || !cl_keyset_get(&sset, skeys[i], strlen(skeys[i]), &sv) || svals[sv] != i ||
		    !cl_keyset_get(&tset, skeys[i], strlen(skeys[i]), &tv) || tvals[tv] == SEEN_TWICE)
			continue;
		(*shared)++;
		if (plausible(i, tvals[tv], source->nitems, translation->nitems))
			pairs[n++] = (cl_anchor){ i, tvals[tv] };
	}
	*count = keep_increasing(pairs, n);
	for (size_t i = 0; i < source->nitems; i++)
		free(skeys[i]);
	for (size_t i = 0; i < translation->nitems; i++)
		free(tkeys[i]);
	free(skeys);
	free(tkeys);
	free(svals);
	free(tvals);
	cl_keyset_dispose(&sset);
	cl_keyset_dispose(&tset);
	return pairs;
}
