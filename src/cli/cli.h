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
int cli_merge_reports(int argc, char **argv);

/* --shard K/N, or GitLab's parallel job; count 0: the whole run. */
typedef struct {
	unsigned index, count;  /* index from 1 to count */
	bool from_gitlab;
} cli_shard;

/* "K/N"; says why not and returns -1 when it is not one. */
int cli_shard_parse(cli_shard *shard, const char *arg);
/* Without --shard: GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, when set and more
 * than one job; -1 (after saying why) when they are not numbers. */
int cli_shard_from_env(cli_shard *shard);
/* Keeps the shard's sources and says which shard this is (unless quiet). */
int cli_shard_apply(const cli_shard *shard, copylint_sources *sources, bool quiet);
/* The SARIF automationDetails.id of the shard ("copylint/shard-2-of-7/"),
 * or "" for a whole run. */
void cli_shard_automation_id(const cli_shard *shard, char *out, size_t size);
int cli_pairs(int argc, char **argv);
int cli_status(int argc, char **argv);

/* The config of --config PATH (NULL: none given), else the nearest
 * .copylint.yml, else the defaults; with word_lists and no config file, also
 * the cspell and Vale word lists at the repository's root. Says why on
 * failure. */
int cli_config_open(copylint_config **config, const char *config_path, bool word_lists);

/* The first size-1 bytes of path, NUL-terminated, in head (enough to tell
 * what a file is); false when it cannot be opened. */
bool cli_read_head(const char *path, char *head, size_t size);

/* "copylint: <message>" on standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A report's file: open it, hand cli_atomic_write (a copylint_write_cb) the
 * file as payload, then commit. A regular file or a new path is written
 * whole or not at all: a temporary file beside it, renamed into place by
 * commit (keep = true gives it mode, less the umask; false, or a failed
 * write, removes it; so does a signal that can be caught). A character
 * device or a FIFO is written straight into. A symbolic link is followed:
 * its target is written, by the same rules. Anything else (a folder, a
 * socket) is refused. Errors are said on standard error, naming the path. */
typedef struct {
	const char *path;
	char *target;  /* path, or where its link points */
	char *tmp;     /* the temporary file; NULL when written straight into */
	int fd;        /* -1 when it could not be opened */
	int slot;      /* where the signal handler finds tmp, or -1 */
	int error;     /* errno of the first failure */
	mode_t mode;
} cli_atomic_file;

int cli_atomic_open(cli_atomic_file *file, const char *path, mode_t mode);
int cli_atomic_write(const char *data, size_t len, void *payload);
int cli_atomic_commit(cli_atomic_file *file, bool keep);
/* True when output is a regular file that is one of the sources (same
 * device and inode, whatever the spelling), or standard input when the run
 * reads it. */
bool cli_output_is_input(const char *output, const copylint_sources *sources, bool reads_stdin);
/* A copylint_write_cb appending to the file descriptor *(int *)payload. */
int cli_append_write(const char *data, size_t len, void *payload);

/* write(2) until all of data is written (EINTR retried); 0 or -1. */
int cli_write_all(int fd, const char *data, size_t len);

#endif
