/* The command line: a client of include/copylint/copylint.h only. */
#ifndef CL_CLI_CLI_H
#define CL_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

/* Exit codes, the same in every mode. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

int cli_check(int argc, char **argv);
int cli_rules(int argc, char **argv);

/* "copylint: <message>" on standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes data to path through a temporary file renamed into place, so a
 * reader never sees half a report. */
int cli_write_file_atomically(const char *path, const char *data, size_t len);

#endif
