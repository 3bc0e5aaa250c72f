/* Where reports go. A regular file (or a new path) is replaced whole or not
 * at all: the report is written to PATH.tmp.XXXXXX beside it and renamed
 * over it. A character device or FIFO is written straight into (renaming
 * over /dev/null would replace the device). A symbolic link is followed:
 * its target is what gets written, by the same rules, and the link stays. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* ---- temporary files removed when a signal ends the run ---------------- */

#define PENDING_MAX 32

/* Fixed buffers, not pointers to the heap: the handler may run in any
 * thread at any moment, and must never read freed memory. */
static char pending[PENDING_MAX][PATH_MAX];
static volatile sig_atomic_t pending_used[PENDING_MAX];

static void on_fatal_signal(int sig)
{
	for (size_t i = 0; i < PENDING_MAX; i++)
		if (pending_used[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_fatal_signals(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2 };
	static bool caught;
	if (caught)
		return;
	caught = true;
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_fatal_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(signals[i], &sa, NULL);
	}
}

/* The slot that remembers tmp, or -1 when all are taken (the file is then
 * left behind by a signal, as by SIGKILL). */
static int remember_pending(const char *tmp)
{
	if (strlen(tmp) >= PATH_MAX)
		return -1;
	catch_fatal_signals();
	for (int i = 0; i < PENDING_MAX; i++) {
		if (pending_used[i])
			continue;
		strcpy(pending[i], tmp);
		pending_used[i] = 1;
		return i;
	}
	return -1;
}

static void forget_pending(int slot)
{
	if (slot >= 0)
		pending_used[slot] = 0;
}

/* ---- a report streamed into a file that appears whole ----------------- */

static int fail_open(cli_atomic_file *file, const char *reason)
{
	cli_error("cannot write %s: %s", file->path, reason);
	free(file->target);
	file->target = NULL;
	return -1;
}

static int open_temporary(cli_atomic_file *file)
{
	size_t len = strlen(file->target) + 16;
	file->tmp = malloc(len);
	if (!file->tmp)
		abort();
	snprintf(file->tmp, len, "%s.tmp.XXXXXX", file->target);
	/* signals wait until the handler knows the file's name */
	sigset_t all, before;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &before);
	file->fd = mkstemp(file->tmp);
	int saved = errno;
	if (file->fd >= 0)
		file->slot = remember_pending(file->tmp);
	pthread_sigmask(SIG_SETMASK, &before, NULL);
	if (file->fd < 0) {
		free(file->tmp);
		file->tmp = NULL;
		return fail_open(file, strerror(saved));
	}
	return 0;
}

static int open_direct(cli_atomic_file *file)
{
	file->fd = open(file->target, O_WRONLY | O_CLOEXEC | O_NOCTTY);
	return file->fd < 0 ? fail_open(file, strerror(errno)) : 0;
}

/* A link is replaced by nothing: what it points at is written. */
static int resolve_link(cli_atomic_file *file)
{
	char resolved[PATH_MAX];
	if (!realpath(file->path, resolved))
		return fail_open(file, errno == ENOENT ? "it is a symbolic link to a file that does not exist"
						       : strerror(errno));
	file->target = strdup(resolved);
	if (!file->target)
		abort();
	return 0;
}

int cli_atomic_open(cli_atomic_file *file, const char *path, mode_t mode)
{
	struct stat st;
	memset(file, 0, sizeof(*file));
	file->path = path;
	file->mode = mode;
	file->fd = -1;
	file->slot = -1;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if (resolve_link(file) < 0)
			return -1;
	} else if (!(file->target = strdup(path))) {
		abort();
	}
	if (stat(file->target, &st) < 0)
		return errno == ENOENT ? open_temporary(file) : fail_open(file, strerror(errno));
	if (S_ISREG(st.st_mode))
		return open_temporary(file);
	if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		return open_direct(file);
	return fail_open(file, S_ISDIR(st.st_mode) ? "it is a folder"
				: "it is not a regular file, a character device or a FIFO");
}

int cli_atomic_write(const char *data, size_t len, void *payload)
{
	cli_atomic_file *file = payload;
	if (!file->error && cli_write_all(file->fd, data, len) < 0)
		file->error = errno;
	return file->error ? -1 : 0;
}

/* mkstemp makes the file private; give it its mode before it is seen. */
static void give_mode(cli_atomic_file *file)
{
	mode_t mask = umask(0);
	umask(mask);
	if (!file->error && chmod(file->tmp, file->mode & ~mask) < 0)
		file->error = errno;
}

static void commit_temporary(cli_atomic_file *file, bool keep)
{
	if (!file->error && fsync(file->fd) < 0)
		file->error = errno;
	if (close(file->fd) < 0 && !file->error)
		file->error = errno;
	give_mode(file);
	if (keep && !file->error && rename(file->tmp, file->target) < 0)
		file->error = errno;
	if (!keep || file->error)
		unlink(file->tmp);
	forget_pending(file->slot);
	free(file->tmp);
	file->tmp = NULL;
}

int cli_atomic_commit(cli_atomic_file *file, bool keep)
{
	if (file->fd < 0)
		return -1;  /* it could not be opened: already said */
	if (file->tmp)
		commit_temporary(file, keep);
	else if (close(file->fd) < 0 && !file->error)
		file->error = errno;
	file->fd = -1;
	if (file->error)
		cli_error("cannot write %s: %s", file->path, strerror(file->error));
	free(file->target);
	file->target = NULL;
	return keep && !file->error ? 0 : -1;
}

int cli_append_write(const char *data, size_t len, void *payload)
{
	return cli_write_all(*(int *)payload, data, len);
}

/* ---- an output that would overwrite an input ----------------------------- */

static bool same_file(const struct stat *a, const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && st.st_dev == a->st_dev && st.st_ino == a->st_ino;
}

bool cli_output_is_input(const char *output, const copylint_sources *sources, bool reads_stdin)
{
	struct stat out, in;
	if (stat(output, &out) < 0 || !S_ISREG(out.st_mode))
		return false;  /* a new file, or a device: no article is lost */
	if (reads_stdin && fstat(STDIN_FILENO, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
		return true;
	for (size_t i = 0; i < copylint_sources_count(sources); i++)
		if (same_file(&out, copylint_sources_file(sources, i)))
			return true;
	return false;
}

bool cli_read_head(const char *path, char *head, size_t size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(head, 1, size - 1, f);
	fclose(f);
	head[n] = '\0';
	return true;
}
