#include "spool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/alloc.h"


#define SPOOL_PIECE 65536

/* In $TMPDIR (else /tmp), removed at once: it lives as long as it is open. */
static FILE *temporary_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *path = cl_sprintf("%s/copylint-report.XXXXXX", dir && *dir ? dir : "/tmp");
	FILE *file = NULL;
	int fd = mkstemp(path);
	if (fd >= 0) {
		unlink(path);
		file = fdopen(fd, "w+");
		if (!file)
			close(fd);
	}
	free(path);
	return file;
}

void cl_spool_open(cl_spool *spool)
{
	memset(spool, 0, sizeof(*spool));
	spool->file = temporary_file();
	spool->open = true;
}

int cl_spool_write(const char *data, size_t len, void *payload)
{
	cl_spool *spool = payload;
	if (!spool->file)
		cl_buf_put(&spool->memory, data, len);
	else if (!spool->error && fwrite(data, 1, len, spool->file) != len)
		spool->error = -1;
	spool->size += len;
	return spool->error;
}

int cl_spool_read(cl_spool *spool, size_t start, size_t len, copylint_write_cb write, void *payload)
{
	char piece[SPOOL_PIECE];
	if (!spool->file)
		return len && write(spool->memory.ptr + start, len, payload) ? -1 : 0;
	if (spool->error || fflush(spool->file) != 0)
		return spool->error = -1;
	while (len) {
		size_t want = len < sizeof(piece) ? len : sizeof(piece);
		ssize_t got = pread(fileno(spool->file), piece, want, (off_t)start);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return spool->error = -1;
		if (write(piece, (size_t)got, payload))
			return -1;
		start += (size_t)got;
		len -= (size_t)got;
	}
	return 0;
}

void cl_spool_close(cl_spool *spool)
{
	if (spool->file)
		fclose(spool->file);
	spool->file = NULL;
	cl_buf_dispose(&spool->memory);
	spool->open = false;
}
