#include <errno.h>
#include <fcntl.h>
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

/* ---- a report streamed into a file that appears whole ----------------- */

int cli_atomic_open(cli_atomic_file *file, const char *path, mode_t mode)
{
	size_t plen = strlen(path);
	file->path = path;
	file->mode = mode;
	file->tmp = malloc(plen + 16);
	file->error = 0;
	if (!file->tmp)
		abort();
	snprintf(file->tmp, plen + 16, "%s.tmp.XXXXXX", path);
	file->fd = mkstemp(file->tmp);
	if (file->fd < 0) {
		cli_error("cannot write %s: %s", path, strerror(errno));
		free(file->tmp);
		file->tmp = NULL;
		return -1;
	}
	return 0;
}

int cli_atomic_write(const char *data, size_t len, void *payload)
{
	cli_atomic_file *file = payload;
	if (!file->error && cli_write_all(file->fd, data, len) < 0)
		file->error = errno;
	return file->error ? -1 : 0;
}

int cli_atomic_commit(cli_atomic_file *file, bool keep)
{
	if (!file->error && fsync(file->fd) < 0)
		file->error = errno;
	if (close(file->fd) < 0 && !file->error)
		file->error = errno;
	mode_t mask = umask(0);
	umask(mask);
	/* mkstemp makes the file private; give it its mode before it is seen */
	if (!file->error && chmod(file->tmp, file->mode & ~mask) < 0)
		file->error = errno;
	if (keep && !file->error && rename(file->tmp, file->path) < 0)
		file->error = errno;
	if (keep && file->error)
		cli_error("cannot write %s: %s", file->path, strerror(file->error));
	if (!keep || file->error)
		unlink(file->tmp);
	free(file->tmp);
	file->tmp = NULL;
	return keep && !file->error ? 0 : -1;
}

int cli_append_write(const char *data, size_t len, void *payload)
{
	return cli_write_all(*(int *)payload, data, len);
}
