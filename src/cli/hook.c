/* copylint hook install [--chain] | uninstall: the pre-commit hook in the
 * folder git runs hooks from (core.hooksPath honoured, found by the library
 * with libgit2). A hook copylint did not write is never overwritten. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The same bytes as hooks/pre-commit in the source tree (a test holds them
 * equal): people who manage hooks by hand copy that file. */
static const char hook_script[] =
	"#!/bin/sh\n"
	"# copylint pre-commit hook: checks the staged articles before each commit.\n"
	"# Installed by `copylint hook install`, removed by `copylint hook uninstall`.\n"
	"# To install it by hand, copy this file to .git/hooks/pre-commit (or into\n"
	"# the folder core.hooksPath names) and make it executable.\n"
	"# A hook that was there before `copylint hook install --chain` is kept as\n"
	"# pre-commit.chained next to this one, and runs first.\n"
	"\n"
	"chained=\"$(dirname \"$0\")/pre-commit.chained\"\n"
	"if [ -x \"$chained\" ]; then\n"
	"	\"$chained\" \"$@\" || exit $?\n"
	"fi\n"
	"\n"
	"copylint=\"${COPYLINT:-copylint}\"\n"
	"if ! command -v \"$copylint\" >/dev/null 2>&1; then\n"
	"	cat >&2 <<'MESSAGE'\n"
	"copylint pre-commit hook: the copylint command is not on PATH, so the staged\n"
	"articles were not checked and the commit was stopped. Either:\n"
	"  - install copylint, or add the folder that holds it to PATH (or set\n"
	"    COPYLINT=/path/to/copylint), then commit again;\n"
	"  - commit this once without the check: git commit --no-verify;\n"
	"  - remove the hook: copylint hook uninstall (or delete this file).\n"
	"MESSAGE\n"
	"	exit 1\n"
	"fi\n"
	"exec \"$copylint\" check --staged\n";

/* How copylint recognises its own hook. */
static const char hook_marker[] = "Installed by `copylint hook install`";

static const char hook_usage[] =
	"usage: copylint hook install [--chain]\n"
	"       copylint hook uninstall\n"
	"\n"
	"install writes a pre-commit hook that runs `copylint check --staged` into\n"
	"the folder git runs hooks from (core.hooksPath, else .git/hooks). It never\n"
	"overwrites a hook it did not write: it refuses, and with --chain it keeps\n"
	"that hook as pre-commit.chained and runs it first. uninstall removes only\n"
	"copylint's hook (and puts a chained hook back).\n"
	"\n"
	"The hook finds copylint on PATH (or in $COPYLINT).\n";

typedef struct {
	char *dir;      /* the hooks folder */
	char *hook;     /* dir/pre-commit */
	char *chained;  /* dir/pre-commit.chained */
} hook_paths;

static char *join(const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *path = malloc(len);
	if (!path)
		abort();
	snprintf(path, len, "%s%s%s", dir, *dir && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	return path;
}

static int find_hook_paths(hook_paths *paths)
{
	if (copylint_git_hooks_dir(&paths->dir, NULL) < 0) {
		cli_error("%s", copylint_error_last());
		return -1;
	}
	paths->hook = join(paths->dir, "pre-commit");
	paths->chained = join(paths->dir, "pre-commit.chained");
	return 0;
}

static void free_hook_paths(hook_paths *paths)
{
	free(paths->dir);
	free(paths->hook);
	free(paths->chained);
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* True when path is a hook copylint wrote (its marker in the first bytes). */
static bool is_ours(const char *path)
{
	char head[4096];
	return cli_read_head(path, head, sizeof(head)) && strstr(head, hook_marker) != NULL;
}

/* mkdir -p: core.hooksPath may name a folder that does not exist yet. */
static int make_folders(const char *dir)
{
	char *path = strdup(dir);
	if (!path)
		abort();
	int error = 0;
	for (char *p = path + 1; !error; p++) {
		bool end = *p == '\0';
		if (*p != '/' && !end)
			continue;
		*p = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST)
			error = -1;
		if (end)
			break;
		*p = '/';
	}
	if (error)
		cli_error("cannot create %s: %s", path, strerror(errno));
	free(path);
	return error;
}

/* Written next to its place, made executable, then renamed over it: git
 * never runs half a hook, nor skips one that is not executable yet. */
static int write_hook(const char *path)
{
	cli_atomic_file file;
	if (cli_atomic_open(&file, path, 0777) < 0)
		return -1;
	cli_atomic_write(hook_script, sizeof(hook_script) - 1, &file);
	return cli_atomic_commit(&file, true);
}

static int chain_existing(const hook_paths *paths)
{
	if (exists(paths->chained)) {
		cli_error("%s already holds a chained hook; not chaining a second one. Move one of "
			  "them away first", paths->chained);
		return -1;
	}
	if (rename(paths->hook, paths->chained) < 0) {
		cli_error("cannot move %s aside: %s", paths->hook, strerror(errno));
		return -1;
	}
	printf("kept the existing hook as %s; it runs before copylint\n", paths->chained);
	return 0;
}

static int install(const hook_paths *paths, bool chain)
{
	bool present = exists(paths->hook), ours = present && is_ours(paths->hook);
	if (present && !ours && !chain) {
		cli_error("%s exists and copylint did not write it: left as it is. Run "
			  "`copylint hook install --chain` to keep it and run it before copylint", paths->hook);
		return EXIT_TROUBLE;
	}
	if (make_folders(paths->dir) < 0 || (present && !ours && chain_existing(paths) < 0))
		return EXIT_TROUBLE;
	if (write_hook(paths->hook) < 0)
		return EXIT_TROUBLE;
	printf("%s the copylint pre-commit hook: %s\n", ours ? "updated" : "installed", paths->hook);
	return EXIT_CLEAN;
}

static int uninstall(const hook_paths *paths)
{
	if (!exists(paths->hook)) {
		printf("no pre-commit hook in %s: nothing to remove\n", paths->dir);
		return EXIT_CLEAN;
	}
	if (!is_ours(paths->hook)) {
		cli_error("%s was not written by copylint: left as it is", paths->hook);
		return EXIT_TROUBLE;
	}
	if (exists(paths->chained)) {
		if (rename(paths->chained, paths->hook) < 0) {
			cli_error("cannot put %s back: %s", paths->chained, strerror(errno));
			return EXIT_TROUBLE;
		}
		printf("removed the copylint pre-commit hook and put back the hook it ran first: %s\n",
		       paths->hook);
		return EXIT_CLEAN;
	}
	if (unlink(paths->hook) < 0) {
		cli_error("cannot remove %s: %s", paths->hook, strerror(errno));
		return EXIT_TROUBLE;
	}
	printf("removed the copylint pre-commit hook: %s\n", paths->hook);
	return EXIT_CLEAN;
}

static int parse_hook_args(int argc, char **argv, bool *chain)
{
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--chain") && !strcmp(argv[1], "install")) {
			*chain = true;
		} else {
			cli_error("unexpected argument '%s'", argv[i]);
			fputs(hook_usage, stderr);
			return -1;
		}
	}
	return 0;
}

int cli_hook(int argc, char **argv)
{
	bool chain = false;
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(hook_usage, stdout);
		return EXIT_CLEAN;
	}
	if (argc < 2 || (strcmp(argv[1], "install") && strcmp(argv[1], "uninstall"))) {
		if (argc >= 2)
			cli_error("unknown hook command '%s'", argv[1]);
		fputs(hook_usage, stderr);
		return EXIT_TROUBLE;
	}
	if (parse_hook_args(argc, argv, &chain) < 0)
		return EXIT_TROUBLE;
	hook_paths paths = { NULL, NULL, NULL };
	int status = EXIT_TROUBLE;
	if (find_hook_paths(&paths) == 0)
		status = !strcmp(argv[1], "install") ? install(&paths, chain) : uninstall(&paths);
	free_hook_paths(&paths);
	return status;
}
