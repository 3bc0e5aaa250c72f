#include "sources.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/error.h"

int copylint_sources_new(copylint_sources **out)
{
	*out = cl_calloc(1, sizeof(copylint_sources));
	return 0;
}

void copylint_sources_free(copylint_sources *sources)
{
	if (!sources)
		return;
	for (size_t i = 0; i < sources->count; i++) {
		free(sources->items[i].path);
		free(sources->items[i].fs_path);
		free(sources->items[i].data);
		free(sources->items[i].error);
		free(sources->items[i].changed);
		free(sources->items[i].config_path);
		free(sources->items[i].translation_source);
		free(sources->items[i].snapshot_source);
		free(sources->items[i].snapshot_data);
		free(sources->items[i].snapshot_error);
	}
	free(sources->items);
	free(sources);
}

size_t copylint_sources_count(const copylint_sources *sources)
{
	return sources ? sources->count : 0;
}

const char *copylint_sources_path(const copylint_sources *sources, size_t index)
{
	return index < sources->count ? sources->items[index].path : NULL;
}

const char *copylint_sources_file(const copylint_sources *sources, size_t index)
{
	if (index >= sources->count)
		return NULL;
	const cl_source *src = &sources->items[index];
	return src->fs_path ? src->fs_path : src->config_path;
}

int copylint_sources_add_buffer(copylint_sources *sources, const char *display_path,
				const char *data, size_t len)
{
	CL_GROW(sources->items, sources->cap, sources->count + 1);
	cl_source *src = &sources->items[sources->count++];
	memset(src, 0, sizeof(*src));
	src->path = cl_strdup(display_path ? display_path : "<stdin>");
	src->data = cl_malloc(len + 1);
	if (len)
		memcpy(src->data, data, len);
	src->data[len] = '\0';
	src->len = len;
	return 0;
}

int copylint_sources_set_translation_source(copylint_sources *sources, const char *source_path)
{
	if (!sources || !source_path)
		return COPYLINT_EINVALID;
	for (size_t i = 0; i < sources->count; i++) {
		free(sources->items[i].translation_source);
		sources->items[i].translation_source = cl_strdup(source_path);
	}
	return 0;
}

bool cl_is_article_name(const char *name)
{
	static const char *const extensions[] = {
		".md", ".markdown", ".mdx", ".mdown", ".mkd", ".txt", ".text", NULL
	};
	const char *dot = strrchr(name, '.');
	if (!dot)
		return false;
	for (size_t i = 0; extensions[i]; i++)
		if (!strcasecmp(dot, extensions[i]))
			return true;
	return false;
}

const char *cl_source_not_regular(unsigned mode)
{
	if (S_ISFIFO(mode))
		return "not a regular file (a FIFO): not read";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "not a regular file (a device): not read";
	if (S_ISSOCK(mode))
		return "not a regular file (a socket): not read";
	return "not a regular file: not read";
}

/* Reads up to max bytes, and one more to see whether there are more. */
static int read_fd(int fd, cl_buf *out, size_t max)
{
	char chunk[65536];
	while (out->size <= max) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		cl_buf_put(out, chunk, (size_t)n);
	}
	return 0;
}

static int read_failure(const cl_source *source, char **error, const char *why)
{
	*error = cl_sprintf("%s: %s", source->path, why);
	return COPYLINT_EIO;
}

static char *too_large(const cl_source *source)
{
	return cl_sprintf("%s: larger than %zu MB, the largest article copylint reads: not read", source->path,
			  CL_SOURCE_MAX_BYTES >> 20);
}

/* Opens without blocking (a FIFO put there since the walk would block
 * until a writer came) and takes only a regular file of a sane size. */
static int open_regular(const cl_source *source, int *fd, size_t *size, char **error)
{
	struct stat st;
	*fd = open(source->fs_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (*fd < 0 || fstat(*fd, &st) < 0) {
		*error = cl_sprintf("%s: cannot read: %s", source->path, strerror(errno));
		if (*fd >= 0)
			close(*fd);
		return COPYLINT_EIO;
	}
	const char *refused = S_ISDIR(st.st_mode) ? "is a folder" : !S_ISREG(st.st_mode) ?
			      cl_source_not_regular(st.st_mode) : NULL;
	if (!refused && (size_t)st.st_size > CL_SOURCE_MAX_BYTES)
		*error = too_large(source);
	else if (refused)
		read_failure(source, error, refused);
	if (*error)
		close(*fd);
	*size = (size_t)st.st_size;
	return *error ? COPYLINT_EIO : 0;
}

int cl_source_read(const cl_source *source, char **data, size_t *len, char **error)
{
	int fd;
	size_t size;
	*data = NULL;
	*len = 0;
	*error = NULL;
	if (source->error) {
		*error = cl_strdup(source->error);
		return COPYLINT_EIO;
	}
	if (!source->fs_path) {
		*data = cl_malloc(source->len + 1);
		memcpy(*data, source->data, source->len + 1);
		*len = source->len;
		return 0;
	}
	if (open_regular(source, &fd, &size, error) < 0)
		return COPYLINT_EIO;
	cl_buf buf = CL_BUF_INIT;
	cl_buf_reserve(&buf, size + 1);  /* one allocation, not a doubling series */
	cl_buf_put(&buf, "", 0);
	int rc = read_fd(fd, &buf, CL_SOURCE_MAX_BYTES);
	int saved = errno;
	close(fd);
	if (rc < 0 || buf.size > CL_SOURCE_MAX_BYTES) {
		cl_buf_dispose(&buf);
		*error = rc < 0 ? cl_sprintf("%s: cannot read: %s", source->path, strerror(saved)) : too_large(source);
		return COPYLINT_EIO;
	}
	*len = buf.size;
	*data = cl_buf_detach(&buf);
	return 0;
}
