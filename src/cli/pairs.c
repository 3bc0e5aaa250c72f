/* copylint pairs: which file each translation is checked against, so that
 * users can see what the layouts did. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copylint/copylint.h"
#include "cli.h"

static const char pairs_usage[] =
	"usage: copylint pairs [--format text|json] [--config FILE] [PATH...]\n"
	"\n"
	"Lists the translations among the files of PATH (default: .) with the source\n"
	"each is checked against, and the translations whose source does not exist.\n"
	"Files are paired by the config's translations: layouts or, without them, by\n"
	"the well-known layouts whose counterpart exists (content/{lang}/**,\n"
	"src/content/docs/{lang}/**, i18n/{lang}/docusaurus-plugin-content-docs/current/**\n"
	"against docs/**, pages.{lang}/** against pages/**, **/*.{lang}.md against **/*.md).\n";

typedef struct {
	bool json;
	const char *config_path;
	const char **paths;
	size_t npaths;
} pairs_options;

static int parse_pairs_args(pairs_options *opts, int argc, char **argv)
{
	opts->paths = calloc((size_t)argc + 1, sizeof(char *));
	if (!opts->paths)
		abort();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return fputs(pairs_usage, stdout), 1;
		if ((!strcmp(a, "--format") || !strcmp(a, "--config")) && i + 1 >= argc)
			return cli_error("pairs: %s needs a value", a), -1;
		if (!strcmp(a, "--format")) {
			const char *f = argv[++i];
			if (strcmp(f, "text") && strcmp(f, "json"))
				return cli_error("pairs: --format takes text or json, not '%s'", f), -1;
			opts->json = !strcmp(f, "json");
		} else if (!strcmp(a, "--config")) {
			opts->config_path = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			return cli_error("pairs: unknown option '%s'", a), fputs(pairs_usage, stderr), -1;
		} else {
			opts->paths[opts->npaths++] = a;
		}
	}
	if (!opts->npaths)
		opts->paths[opts->npaths++] = ".";
	return 0;
}


static json_t *pair_json(const char *path, const copylint_pair *pair)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:b}", "translation", path, "source", pair->source,
			 "language", pair->lang, "layout", pair->layout, "well_known", pair->well_known);
}

static void print_text(const char *path, const copylint_pair *pair)
{
	if (pair->status == COPYLINT_PAIR_FOUND)
		printf("%s <- %s\n", path, pair->source);
	else
		printf("%s (no source: %s does not exist)\n", path, pair->source);
}

/* Says once per layout which well-known layout paired files. */
static void say_layout(const copylint_pair *pair, const char **said, size_t *nsaid, const copylint_config *config)
{
	if (!pair->well_known || !pair->layout)
		return;
	for (size_t i = 0; i < *nsaid; i++)
		if (said[i] == pair->layout)
			return;
	if (*nsaid < 8)
		said[(*nsaid)++] = pair->layout;
	fprintf(stderr, "copylint: translations: paired by the well-known layout %s (source language %s); "
		"set translations: in .copylint.yml to choose\n", pair->layout, copylint_pair_source_language(config));
}

/* Lists every file's pair; returns the run's JSON (or NULL for text). */
static json_t *list_pairs(const pairs_options *opts, const copylint_config *config,
			  const copylint_sources *sources, size_t *npairs, size_t *nmissing)
{
	json_t *found = json_array(), *missing = json_array();
	const char *last_problem_layout = NULL, *said[8];
	size_t nsaid = 0;
	for (size_t i = 0; i < copylint_sources_count(sources); i++) {
		const char *path = copylint_sources_path(sources, i);
		copylint_pair pair;
		copylint_pair_find(&pair, config, path);
		if (pair.problem && pair.layout != last_problem_layout)
			cli_error("%s", pair.problem), last_problem_layout = pair.layout;
		if (pair.status == COPYLINT_PAIR_FOUND || pair.status == COPYLINT_PAIR_MISSING) {
			say_layout(&pair, said, &nsaid, config);
			bool ok = pair.status == COPYLINT_PAIR_FOUND;
			*(ok ? npairs : nmissing) += 1;
			if (opts->json)
				json_array_append_new(ok ? found : missing, pair_json(path, &pair));
			else
				print_text(path, &pair);
		}
		copylint_pair_dispose(&pair);
	}
	if (!opts->json) {
		json_decref(found);
		json_decref(missing);
		return NULL;
	}
	return json_pack("{s:s, s:o, s:o}", "source_language", copylint_pair_source_language(config), "pairs",
			 found, "without_source", missing);
}

int cli_pairs(int argc, char **argv)
{
	pairs_options opts = { 0 };
	copylint_config *config = NULL;
	copylint_sources *sources = NULL;
	size_t npairs = 0, nmissing = 0;
	int status = EXIT_TROUBLE, rc = parse_pairs_args(&opts, argc, argv);
	if (rc)
		goto done;
	if (cli_config_open(&config, opts.config_path, false) < 0)
		goto done;
	copylint_sources_new(&sources);
	if (copylint_sources_add_paths(sources, config, opts.paths, opts.npaths) < 0) {
		cli_error("%s", copylint_error_last());
		goto done;
	}
	json_t *json = list_pairs(&opts, config, sources, &npairs, &nmissing);
	if (json) {
		json_dumpf(json, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		putchar('\n');
		json_decref(json);
	} else {
		fprintf(stderr, "%zu pairs, %zu translations without a source\n", npairs, nmissing);
	}
	status = EXIT_CLEAN;
done:
	copylint_sources_free(sources);
	copylint_config_free(config);
	free(opts.paths);
	return rc > 0 ? EXIT_CLEAN : status;
}
