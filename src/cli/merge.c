/* copylint merge-reports: the reports of the shards of one run (--shard
 * K/N), all in one format, joined into the report of one run: findings
 * (or files) in path order, as a run lists them, and the totals summed.
 * JSON formats through jansson here, XML ones in merge_xml.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "merge.h"

static const char merge_usage[] =
	"usage: copylint merge-reports [--format FORMAT] [-o FILE] REPORT...\n"
	"\n"
	"Joins the reports of the shards of one run (copylint check --shard K/N),\n"
	"all in one format, into one: findings in path order as one run lists them,\n"
	"totals summed, SARIF's automationDetails of the shards dropped.\n"
	"\n"
	"options:\n"
	"  --format FORMAT  json, sarif, gitlab, checkstyle or junit (default: read\n"
	"                   from the first report)\n"
	"  -o, --output FILE  write the joined report to FILE instead of standard output\n"
	"  -h, --help       this help\n";

/* One finding (or file) of a report, and where it stood. */
typedef struct {
	const char *path;
	size_t index;
	json_t *value;  /* borrowed from its report */
} merge_item;

static int compare_items(const void *pa, const void *pb)
{
	const merge_item *a = pa, *b = pb;
	int c = strcmp(a->path ? a->path : "", b->path ? b->path : "");
	return c ? c : a->index < b->index ? -1 : a->index > b->index;
}

static const char *path_at(json_t *value, const char *const *keys)
{
	while (value && (*keys || json_is_array(value))) {
		if (json_is_array(value))  /* SARIF's locations: the first */
			value = json_array_get(value, 0);
		else
			value = json_object_get(value, *keys++);
	}
	return json_string_value(value);
}

/* The items of every report's array, sorted as one run lists them. */
static merge_item *collect(json_t *const *docs, size_t ndocs, json_t *(*array_of)(json_t *),
			   const char *const *path_keys, size_t *count)
{
	size_t n = 0;
	for (size_t d = 0; d < ndocs; d++)
		n += json_array_size(array_of(docs[d]));
	merge_item *items = calloc(n ? n : 1, sizeof(merge_item));
	if (!items)
		abort();
	n = 0;
	for (size_t d = 0; d < ndocs; d++) {
		json_t *value;
		size_t i;
		json_array_foreach(array_of(docs[d]), i, value) {
			items[n] = (merge_item){ path_at(value, path_keys), n, value };
			n++;
		}
	}
	qsort(items, n, sizeof(merge_item), compare_items);
	*count = n;
	return items;
}

static void put_json(cli_merge_out *out, json_t *value, size_t flags)
{
	char *text = json_dumps(value, flags | JSON_COMPACT | JSON_ENCODE_ANY);
	cli_merge_puts(out, text ? text : "null");
	free(text);
}

static json_t *json_findings(json_t *doc) { return json_object_get(doc, "findings"); }
static json_t *identity(json_t *doc) { return doc; }

static json_t *sarif_results(json_t *doc)
{
	return json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "results");
}

/* copylint's json: {"version": 1, "findings": [...], "summary": {...}}. */
static int merge_json(json_t *const *docs, size_t ndocs, cli_merge_out *out)
{
	static const char *const keys[] = { "path", NULL };
	static const char *const totals[] = { "files", "errors", "warnings", "infos" };
	size_t n;
	merge_item *items = collect(docs, ndocs, json_findings, keys, &n);
	cli_merge_puts(out, "{\"version\": 1, \"findings\": [");
	for (size_t i = 0; i < n; i++) {
		cli_merge_puts(out, i ? ",\n  " : "\n  ");
		put_json(out, items[i].value, 0);
	}
	cli_merge_puts(out, n ? "\n], \"summary\": " : "], \"summary\": ");
	json_t *summary = json_object();
	for (size_t t = 0; t < 4; t++) {
		json_int_t sum = 0;
		for (size_t d = 0; d < ndocs; d++)
			sum += json_integer_value(json_object_get(json_object_get(docs[d], "summary"), totals[t]));
		json_object_set_new(summary, totals[t], json_integer(sum));
	}
	put_json(out, summary, 0);
	cli_merge_puts(out, "}\n");
	json_decref(summary);
	free(items);
	return 0;
}

/* GitLab Code Quality: one array of issues. */
static int merge_gitlab(json_t *const *docs, size_t ndocs, cli_merge_out *out)
{
	static const char *const keys[] = { "location", "path", NULL };
	size_t n;
	merge_item *items = collect(docs, ndocs, identity, keys, &n);
	cli_merge_puts(out, "[");
	for (size_t i = 0; i < n; i++) {
		cli_merge_puts(out, i ? ",\n  " : "\n  ");
		put_json(out, items[i].value, JSON_SORT_KEYS);
	}
	cli_merge_puts(out, n ? "\n]\n" : "]\n");
	free(items);
	return 0;
}

/* SARIF: the first report's run (its tool and rules) with every report's
 * results; a shard's automationDetails is no longer true of the whole. */
static int merge_sarif(json_t *const *docs, size_t ndocs, cli_merge_out *out)
{
	static const char *const keys[] = { "locations", "physicalLocation", "artifactLocation", "uri", NULL };
	json_t *run = json_array_get(json_object_get(docs[0], "runs"), 0);
	size_t n;
	merge_item *items = collect(docs, ndocs, sarif_results, keys, &n);
	const char *key;
	json_t *value;
	cli_merge_puts(out, "{\"$schema\":");
	put_json(out, json_object_get(docs[0], "$schema"), 0);
	cli_merge_puts(out, ",\"version\":");
	put_json(out, json_object_get(docs[0], "version"), 0);
	cli_merge_puts(out, ",\"runs\":[{");
	json_object_foreach(run, key, value) {
		if (!strcmp(key, "results") || !strcmp(key, "automationDetails"))
			continue;
		json_t *name = json_string(key);
		put_json(out, name, 0);
		json_decref(name);
		cli_merge_puts(out, ":");
		put_json(out, value, JSON_SORT_KEYS);
		cli_merge_puts(out, ",");
	}
	cli_merge_puts(out, "\"results\":[");
	for (size_t i = 0; i < n; i++) {
		cli_merge_puts(out, i ? ",\n" : "\n");
		put_json(out, items[i].value, JSON_SORT_KEYS);
	}
	cli_merge_puts(out, "\n]}]}\n");
	free(items);
	return 0;
}

/* Does the report look like format? (The first report decides.) */
static bool json_is_format(json_t *doc, const char *format)
{
	if (!strcmp(format, "gitlab"))
		return json_is_array(doc);
	if (!strcmp(format, "sarif"))
		return json_is_array(json_object_get(doc, "runs")) && json_is_array(sarif_results(doc));
	return json_is_array(json_findings(doc)) && json_is_object(json_object_get(doc, "summary"));
}

int cli_merge_json(const char *format, char *const *paths, size_t npaths, cli_merge_out *out)
{
	json_t **docs = calloc(npaths, sizeof(json_t *));
	int status = -1;
	if (!docs)
		abort();
	for (size_t i = 0; i < npaths; i++) {
		json_error_t error;
		docs[i] = json_load_file(paths[i], 0, &error);
		if (!docs[i]) {
			cli_error("merge-reports: %s:%d:%d: %s", paths[i], error.line, error.column, error.text);
			goto cleanup;
		}
		if (!json_is_format(docs[i], format)) {
			cli_error("merge-reports: %s is not a copylint %s report", paths[i], format);
			goto cleanup;
		}
	}
	if (!strcmp(format, "gitlab"))
		status = merge_gitlab(docs, npaths, out);
	else if (!strcmp(format, "sarif"))
		status = merge_sarif(docs, npaths, out);
	else
		status = merge_json(docs, npaths, out);
cleanup:
	for (size_t i = 0; i < npaths; i++)
		json_decref(docs[i]);
	free(docs);
	return status;
}

void cli_merge_put(cli_merge_out *out, const char *data, size_t len)
{
	if (!out->error && out->write(data, len, out->payload) != 0)
		out->error = -1;
}

void cli_merge_puts(cli_merge_out *out, const char *text)
{
	cli_merge_put(out, text, strlen(text));
}

static int to_stdout(const char *data, size_t len, void *payload)
{
	(void)payload;
	return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

/* The format of a report, from its first bytes; NULL when none fits. */
static const char *sniff_format(const char *path)
{
	char head[4096];
	if (!cli_read_head(path, head, sizeof(head)))
		return NULL;
	const char *p = head + strspn(head, " \t\r\n");
	if (*p == '[')
		return "gitlab";
	if (*p == '{')
		return strstr(p, "\"runs\"") ? "sarif" : "json";
	if (*p == '<')
		return strstr(p, "<checkstyle") ? "checkstyle" : strstr(p, "<testsuites") ? "junit" : NULL;
	return NULL;
}

static bool is_merge_format(const char *format)
{
	static const char *const known[] = { "json", "sarif", "gitlab", "checkstyle", "junit" };
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i], format))
			return true;
	return false;
}

static int merge_to(const char *format, char *const *paths, size_t npaths, cli_merge_out *out)
{
	bool xml = !strcmp(format, "checkstyle") || !strcmp(format, "junit");
	int error = xml ? cli_merge_xml(format, paths, npaths, out) : cli_merge_json(format, paths, npaths, out);
	return error < 0 || out->error ? -1 : 0;
}

static int merge_write(const char *format, const char *output, char *const *paths, size_t npaths)
{
	cli_atomic_file file;
	cli_merge_out out = { to_stdout, NULL, 0 };
	if (!output) {
		int error = merge_to(format, paths, npaths, &out);
		if (fflush(stdout) != 0 || (out.error && error == 0)) {
			cli_error("merge-reports: cannot write the report");
			return -1;
		}
		return error;
	}
	if (cli_atomic_open(&file, output, 0666) < 0)
		return -1;
	out = (cli_merge_out){ cli_atomic_write, &file, 0 };
	int error = merge_to(format, paths, npaths, &out);
	return cli_atomic_commit(&file, error == 0) < 0 || error < 0 ? -1 : 0;
}

int cli_merge_reports(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL, *output = NULL;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "ho:", options, NULL)) != -1) {
		if (opt == 'h') {
			fputs(merge_usage, stdout);
			return EXIT_CLEAN;
		}
		if (opt == 'o') {
			output = optarg;
		} else if (opt == 'f' && is_merge_format(optarg)) {
			format = optarg;
		} else {
			if (opt == 'f')
				cli_error("merge-reports: --format takes json, sarif, gitlab, checkstyle or junit, not '%s'", optarg);
			fputs(merge_usage, stderr);
			return EXIT_TROUBLE;
		}
	}
	if (optind >= argc) {
		cli_error("merge-reports: no reports to join");
		fputs(merge_usage, stderr);
		return EXIT_TROUBLE;
	}
	if (!format && !(format = sniff_format(argv[optind]))) {
		cli_error("merge-reports: %s: not a json, sarif, gitlab, checkstyle or junit report (or unreadable)", argv[optind]);
		return EXIT_TROUBLE;
	}
	return merge_write(format, output, argv + optind, (size_t)(argc - optind)) < 0 ? EXIT_TROUBLE : EXIT_CLEAN;
}
