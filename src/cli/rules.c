#include <stdio.h>
#include <string.h>

#include "copylint/copylint.h"
#include "cli.h"

int cli_rules(int argc, char **argv)
{
	bool verbose = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
			verbose = true;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			puts("usage: copylint rules [--verbose]\n\n"
			     "Lists every rule: id, default severity, summary; --verbose adds\n"
			     "what each finds, its languages and its options.");
			return EXIT_CLEAN;
		} else {
			cli_error("rules: unknown option '%s'", argv[i]);
			return EXIT_TROUBLE;
		}
	}
	for (size_t i = 0; i < copylint_rule_count(); i++) {
		const copylint_rule_info *rule = copylint_rule_at(i);
		printf("%-22s %-8s %s\n", rule->id, copylint_severity_name(rule->default_severity),
		       rule->summary);
		if (!verbose)
			continue;
		printf("    %s\n    languages: %s\n", rule->description, rule->languages ? rule->languages : "all");
		for (size_t o = 0; rule->option_names && rule->option_names[o]; o++)
			printf("    option: %s\n", rule->option_names[o]);
		putchar('\n');
	}
	return EXIT_CLEAN;
}
