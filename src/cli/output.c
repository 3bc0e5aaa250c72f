#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static int write_all(int fd, const char *data, size_t len)
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

int cli_write_file_atomically(const char *path, const char *data, size_t len)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp)
		abort();
	snprintf(tmp, plen + 16, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		cli_error("cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	int failed = write_all(fd, data, len) < 0 || fsync(fd) < 0;
	int saved = errno;
	failed |= close(fd) < 0;
	/* mkstemp makes the file private; a report is as readable as any file. */
	mode_t mask = umask(0);
	umask(mask);
	chmod(tmp, 0666 & ~mask);
	if (failed || rename(tmp, path) < 0) {
		cli_error("cannot write %s: %s", path, strerror(failed ? saved : errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}
