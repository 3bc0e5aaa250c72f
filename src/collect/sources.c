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

static int read_fd(int fd, cl_buf *out)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		cl_buf_put(out, chunk, (size_t)n);
	}
}

int cl_source_read(const cl_source *source, char **data, size_t *len, char **error)
{
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
	int fd = open(source->fs_path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		*error = cl_sprintf("%s: cannot read: %s", source->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return COPYLINT_EIO;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		*error = cl_sprintf("%s: is a folder", source->path);
		return COPYLINT_EIO;
	}
	cl_buf buf = CL_BUF_INIT;
	cl_buf_put(&buf, "", 0);
	int rc = read_fd(fd, &buf);
	int saved = errno;
	close(fd);
	if (rc < 0) {
		cl_buf_dispose(&buf);
		*error = cl_sprintf("%s: cannot read: %s", source->path, strerror(saved));
		return COPYLINT_EIO;
	}
	*len = buf.size;
	*data = cl_buf_detach(&buf);
	return 0;
}
