/* date-format: one document that writes dates in two formats
 * (2024-03-24 15:53:19 and 24. 3. 2024 15:53). The first full date (with
 * a year) of each kind, numeric or with the month's name, sets the
 * document's format for that kind; each date of that kind in another
 * format is reported with the first one as the related location. A
 * numeric date in a metadata line and "27 March 2024" in prose are not
 * the same kind of value. Dates without a year and lone times are not
 * compared; front-matter values are data. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "datescan.h"
#include "typo_common.h"

typedef struct {
	const char *family;  /* NULL until the first date */
	size_t at;           /* its source offset */
} first_date;

static void compare(cl_check_ctx *ctx, const cl_block *block, const cl_datetime *dt, first_date *first)
{
	if (!first->family) {
		first->family = dt->family;
		first->at = cl_block_source_start(block, dt->start);
		return;
	}
	if (!strcmp(first->family, dt->family))
		return;
	cl_finding *f = typo_report(ctx, block, dt->start, dt->end,
				    cl_sprintf("date written as %s here, as %s earlier in the document",
					       dt->family, first->family));
	cl_finding_set_related(f, first->at);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_datescan *scan = ctx->state;
	first_date first[2] = { { NULL, 0 }, { NULL, 0 } };  /* numeric, named */
	for (size_t b = 0; b < doc->nblocks; b++) {
		const cl_block *block = &doc->blocks[b];
		if (block->kind == CL_BLOCK_FIELD)
			continue;
		const cl_datetime *found;
	size_t n = cl_datescan_text(scan, ctx->locale, block->text, block->len, &found);
		for (size_t i = 0; i < n; i++) {
			const cl_datetime *dt = &found[i];
			if (dt->year && !dt->broken && !dt->lone_time && typo_is_prose(block, dt->start, dt->end))
				compare(ctx, block, dt, &first[strstr(dt->family, "MMMM") != NULL]);
		}
	}
	return 0;
}

const cl_rule cl_rule_date_format = {
	.info = {
		.id = "date-format",
		.summary = "Dates written in more than one format in one document",
		.description = "The first full numeric date in a document sets its numeric format "
			       "(2024-03-24, 24. 3. 2024, 24.03.2024, 24/03/2024), the first date with "
			       "a month name its written format (24 March 2024, March 24, 2024); a "
			       "date of the same kind in another format is reported, pointing at the first. "
			       "Dates without a year, lone times and front-matter values are not compared.",
		.default_severity = COPYLINT_SEVERITY_INFO,
	},
	.state_new = cl_datescan_state_new,
	.state_free = cl_datescan_state_free,
	.check = check,
};
