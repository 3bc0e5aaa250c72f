/* A program that embeds the installed library, as an editor plug-in would:
 * ci/install-test.sh builds it with `pkg-config --cflags --libs copylint`.
 * It checks argv[1] as an English Markdown article and prints each finding
 * as "rule line:column". */
#include <copylint/copylint.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	copylint_config *config = NULL;
	copylint_checker *checker = NULL;
	copylint_results *results = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	int status = 2;

	if (argc != 2)
		return 2;
	options.language = "en-US";
	if (copylint_config_new(&config) < 0 || copylint_checker_new(&checker, config, &options) < 0 ||
	    copylint_check_buffer(&results, checker, "article.md", argv[1], strlen(argv[1])) < 0) {
		fprintf(stderr, "embed: %s\n", copylint_error_last());
		goto cleanup;
	}
	printf("copylint %s\n", COPYLINT_VERSION);
	for (size_t i = 0; i < copylint_results_count(results); i++) {
		const copylint_finding *f = copylint_results_at(results, i);
		printf("%s %zu:%zu\n", f->rule, f->line, f->column);
	}
	status = 0;
cleanup:
	copylint_results_free(results);
	copylint_checker_free(checker);
	copylint_config_free(config);
	return status;
}
