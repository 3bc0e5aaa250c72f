/* Any bytes, as Markdown and as plain text, through every rule and every
 * report format: nothing may crash, leak or read out of bounds. */
#include <stddef.h>
#include <stdint.h>

#include "copylint/copylint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int discard(const char *bytes, size_t len, void *payload)
{
	(void)bytes;
	(void)len;
	(void)payload;
	return 0;
}

static void check_as(copylint_checker *checker, const char *path, const uint8_t *data, size_t size)
{
	copylint_results *results = NULL;
	if (copylint_check_buffer(&results, checker, path, (const char *)data, size) == 0)
		for (size_t i = 0; i < copylint_report_format_count(); i++)
			copylint_report_write(results, copylint_report_format_name(i), NULL, discard, NULL);
	copylint_results_free(results);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static copylint_config *config;
	static copylint_checker *checker;
	if (!checker) {
		copylint_config_new(&config);
		copylint_checker_new(&checker, config, NULL);
	}
	check_as(checker, "fuzz.md", data, size);
	check_as(checker, "fuzz.txt", data, size);
	return 0;
}
