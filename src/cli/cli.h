/* The command line: a client of include/copylint/copylint.h only. */
#ifndef CL_CLI_CLI_H
#define CL_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "copylint/copylint.h"

/* Exit codes, the same in every mode. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

int cli_check(int argc, char **argv);
int cli_hook(int argc, char **argv);

/* copylint check --staged / --diff, as the command line gave them. */
typedef struct {
	bool staged;
	bool diff;
	const char *base;   /* --diff's BASE or A..B; NULL: from the CI's variables */
	int scope;          /* a copylint_scope, or -1 when not given */
	const char *const *pathspecs;  /* after "--" */
	size_t npathspecs;
} cli_git_request;

/* "lines", "files", "all" -> copylint_scope; -1 when unknown. */
int cli_parse_scope(const char *name);
/* Checks the git options against the positional arguments: in git modes
 * --diff may take BASE from them and the rest are pathspecs. Returns -1
 * (after saying why) on a bad combination, else 0. */
int cli_git_take_positionals(cli_git_request *git, const char *const *args, size_t *nargs);
/* Adds the sources of --staged or --diff; says which CI base was used. */
int cli_gather_git(copylint_sources *sources, const copylint_config *config,
		   const cli_git_request *git, bool quiet);
int cli_rules(int argc, char **argv);
int cli_pairs(int argc, char **argv);

/* "copylint: <message>" on standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A file written whole or not at all: open a temporary file next to path,
 * hand cli_atomic_write (a copylint_write_cb) the file as payload, then
 * commit (keep = true gives it mode, less the umask, and renames it into
 * place; false, or a failed write, removes it). Errors are said on
 * standard error. */
typedef struct {
	const char *path;
	char *tmp;
	int fd;
	int error;  /* errno of the first failure */
	mode_t mode;
} cli_atomic_file;

int cli_atomic_open(cli_atomic_file *file, const char *path, mode_t mode);
int cli_atomic_write(const char *data, size_t len, void *payload);
int cli_atomic_commit(cli_atomic_file *file, bool keep);
/* A copylint_write_cb appending to the file descriptor *(int *)payload. */
int cli_append_write(const char *data, size_t len, void *payload);

/* write(2) until all of data is written (EINTR retried); 0 or -1. */
int cli_write_all(int fd, const char *data, size_t len);

#endif
