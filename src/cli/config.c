/* Finding and loading the configuration, for every subcommand. */
#include <stdbool.h>
#include <stdlib.h>

#include "cli.h"

int cli_config_open(copylint_config **config, const char *config_path, bool word_lists)
{
	char *found = NULL;
	int error;
	if (config_path) {
		error = copylint_config_load(config, config_path);
	} else {
		copylint_config_discover(&found, ".");
		error = found ? copylint_config_load(config, found) : copylint_config_new(config);
		if (!found && !error && word_lists)  /* cspell and Vale lists at the repository's root */
			error = copylint_config_read_word_lists(*config, NULL);
		free(found);
	}
	if (error < 0)
		cli_error("%s", copylint_error_last());
	return error;
}
