#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "copylint/copylint.h"
#include "cli.h"

static const char usage[] =
	"usage: copylint <command> [options]\n"
	"\n"
	"Checks articles (plain text and Markdown, in any language) for duplicated\n"
	"text and other defects that slip through translation and editing.\n"
	"\n"
	"commands:\n"
	"  check [options] [PATH...]   check files and folders (default: .); - reads stdin\n"
	"  check --staged              check what is staged (the pre-commit hook runs this)\n"
	"  check --diff [BASE]         check what HEAD changed since its merge base with BASE\n"
	"  check --shard K/N           check the K-th of N shares of the files (parallel CI)\n"
	"  hook install [--chain]      install the git pre-commit hook (uninstall: remove it)\n"
	"  merge-reports REPORT...     join the reports of the shards into one\n"
	"  rules                       list every rule with its severity and summary\n"
	"  pairs [PATH...]             list each translation with the source it is checked against\n"
	"  status [PATH...]            every language's translations: up to date, stale, missing, orphaned\n"
	"  version                     print the version\n"
	"\n"
	"Run `copylint check --help` for the options of check.\n"
	"Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config or I/O error.\n";

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("copylint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A closed standard stream gets /dev/null opened read-only in its place:
 * no file the run opens can take its number (a report streamed to
 * standard output would land in it), and writes to it still fail. A
 * reader gone from a pipe, or a file past `ulimit -f`, is a write error to
 * say, not a silent death. */
static void guard_standard_streams(void)
{
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", O_RDONLY) != fd)
			_exit(EXIT_TROUBLE);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);  /* past the file-size limit: EFBIG, said like a full disk */
}

int main(int argc, char **argv)
{
	guard_standard_streams();
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_TROUBLE;
	}
	const char *command = argv[1];
	if (!strcmp(command, "--help") || !strcmp(command, "-h") || !strcmp(command, "help")) {
		fputs(usage, stdout);
		return EXIT_CLEAN;
	}
	if (!strcmp(command, "--version") || !strcmp(command, "version")) {
		printf("copylint %s\n", COPYLINT_VERSION);
		return EXIT_CLEAN;
	}
	if (!strcmp(command, "check"))
		return cli_check(argc - 1, argv + 1);
	if (!strcmp(command, "hook"))
		return cli_hook(argc - 1, argv + 1);
	if (!strcmp(command, "rules"))
		return cli_rules(argc - 1, argv + 1);
	if (!strcmp(command, "merge-reports"))
		return cli_merge_reports(argc - 1, argv + 1);
	if (!strcmp(command, "pairs"))
		return cli_pairs(argc - 1, argv + 1);
	if (!strcmp(command, "status"))
		return cli_status(argc - 1, argv + 1);
	cli_error("unknown command '%s'", command);
	fputs(usage, stderr);
	return EXIT_TROUBLE;
}
