/* timestamp: dates and times that are broken (stray spaces, mixed
 * separators, truncated) or impossible (31 April, hour 25, a weekday that
 * does not match its date), in prose and in front-matter date fields. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../text/utf8.h"
#include "../util/alloc.h"
#include "datescan.h"
#include "typo_common.h"

/* Front-matter keys that hold dates (Hugo, Jekyll, Eleventy, Zola ...). */
static const char *const date_keys[] = {
	"date", "lastmod", "publishdate", "expirydate", "pubdate", "updated", "modified",
	"created", "published", "last_modified_at", "expires", NULL
};

static void report_value(cl_check_ctx *ctx, const cl_block *block, const cl_datetime *dt, cl_datescan *scan)
{
	char why[160];
	char *shown = cl_utf8_sanitize(block->text + dt->start, dt->end - dt->start);
	if (dt->broken && dt->fixed[0]) {
		cl_finding *f = typo_report(ctx, block, dt->start, dt->end,
					    cl_sprintf("“%s” %s: write %s", shown, dt->broken, dt->fixed));
		typo_fix(f, block, dt->start, dt->end, dt->fixed);
	} else if (dt->broken) {
		typo_report(ctx, block, dt->start, dt->end, cl_sprintf("“%s” %s", shown, dt->broken));
	} else if (cl_datetime_problem(scan, dt, why, sizeof(why))) {
		typo_report(ctx, block, dt->start, dt->end, cl_sprintf("“%s”: %s", shown, why));
	}
	free(shown);
}

static void check_block(cl_check_ctx *ctx, const cl_block *block, cl_datescan *scan)
{
	const cl_datetime *found;
	size_t n = cl_datescan_text(scan, ctx->locale, block->text, block->len, &found);
	for (size_t i = 0; i < n; i++)
		if (typo_is_prose(block, found[i].start, found[i].end))
			report_value(ctx, block, &found[i], scan);
}

static bool is_date_key(const char *key)
{
	for (size_t i = 0; date_keys[i]; i++)
		if (!strcasecmp(date_keys[i], key))
			return true;
	return false;
}

/* A broken value whose repair the prose scanner knows, such as 2024-03 -26. */
static bool report_broken_field(cl_check_ctx *ctx, const cl_field *field, cl_datescan *scan)
{
	size_t len = strlen(field->value);
	const cl_datetime *found;
	size_t n = cl_datescan_text(scan, "en", field->value, len, &found);
	if (n != 1 || !found[0].broken || !found[0].fixed[0] || found[0].start != 0 ||
	    found[0].end != len)
		return false;
	cl_finding *f = cl_check_report(ctx, field->value_start, field->value_end,
					cl_sprintf("front-matter %s “%s” %s: write %s", field->key, field->value,
						   found[0].broken, found[0].fixed));
	if (field->value_end - field->value_start == len)
		cl_finding_set_fix(f, field->value_start, field->value_end, found[0].fixed);
	return true;
}

static void check_field(cl_check_ctx *ctx, const cl_field *field, cl_datescan *scan)
{
	cl_datetime dt;
	char why[160];
	if (!is_date_key(field->key) || !field->value[0])
		return;
	const char *bad = cl_iso8601_parse(field->value, &dt);
	char *shown = cl_utf8_sanitize(field->value, strlen(field->value));
	if (bad && !report_broken_field(ctx, field, scan))
		cl_check_report(ctx, field->value_start, field->value_end,
				cl_sprintf("front-matter %s “%s” %s", field->key, shown, bad));
	else if (!bad && cl_datetime_problem(scan, &dt, why, sizeof(why)))
		cl_check_report(ctx, field->value_start, field->value_end,
				cl_sprintf("front-matter %s “%s”: %s", field->key, shown, why));
	free(shown);
}

static int check(cl_check_ctx *ctx, const cl_document *doc)
{
	cl_datescan *scan = ctx->state;
	for (size_t i = 0; i < doc->nfields; i++)
		check_field(ctx, &doc->fields[i], scan);
	for (size_t b = 0; b < doc->nblocks; b++)
		if (doc->blocks[b].kind != CL_BLOCK_FIELD)
			check_block(ctx, &doc->blocks[b], scan);
	return 0;
}

const cl_rule cl_rule_timestamp = {
	.info = {
		.id = "timestamp",
		.summary = "Dates and times that are broken or impossible",
		.description = "Finds dates and times broken by stray spaces or mixed separators "
			       "(2024-03 -26, 21 :29, 2024-03/26), truncated (2024-03-2), or impossible "
			       "(month 13, 31 April, 29 February 2023, hour 25, minute 60; the leap "
			       "second 23:59:60 and the end of day 24:00 are fine), in ISO form, in the "
			       "locale's numeric form (25. 3. 2024, 25.03.2024, 25/03/2024) and with "
			       "month names in the document's language, whose weekday must match "
			       "(Tuesday, 27 March 2024). Front-matter dates (date, lastmod, publishDate, "
			       "expiryDate, ...) must be ISO 8601. Broken spacing comes with a fix.",
		.default_severity = COPYLINT_SEVERITY_ERROR,
	},
	.state_new = cl_datescan_state_new,
	.state_free = cl_datescan_state_free,
	.check = check,
};
