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

/* The same, streamed: open, hand cli_atomic_write (a copylint_write_cb) the
 * file as payload, then commit (keep = true renames it into place; false,
 * or a failed write, removes it). Errors are said on standard error. */
typedef struct {
	const char *path;
	char *tmp;
	int fd;
	int error;  /* errno of the first failure */
} cli_atomic_file;

int cli_atomic_open(cli_atomic_file *file, const char *path);
int cli_atomic_write(const char *data, size_t len, void *payload);
int cli_atomic_commit(cli_atomic_file *file, bool keep);
/* A copylint_write_cb appending to the file descriptor *(int *)payload. */
int cli_append_write(const char *data, size_t len, void *payload);

#endif
