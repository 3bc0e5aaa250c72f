#include "spool.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "../util/error.h"

#define SPOOL_PIECE 65536

int cl_spool_open(cl_spool *spool)
{
	memset(spool, 0, sizeof(*spool));
	spool->file = tmpfile();
	if (!spool->file)
		return cl_error_set(COPYLINT_EIO, "cannot make a temporary file: %s", strerror(errno));
	return 0;
}

int cl_spool_write(const char *data, size_t len, void *payload)
{
	cl_spool *spool = payload;
	if (!spool->error && fwrite(data, 1, len, spool->file) != len)
		spool->error = -1;
	spool->size += len;
	return spool->error;
}

int cl_spool_read(cl_spool *spool, size_t start, size_t len, copylint_write_cb write, void *payload)
{
	char piece[SPOOL_PIECE];
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
}
