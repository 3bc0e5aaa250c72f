/* Reading git's index file (git's Documentation/gitformat-index.txt) as a
 * stream: the header, the entries one at a time, the cache-tree extension.
 *
 * The entries are read twice: once to find where they end (the cache-tree
 * is an extension after them), then along the walk. No array of entries
 * is built: on a 50,000-file index that array alone costs as much as the
 * whole read, its pages being touched for the first time. Every bound is
 * checked: a file that does not parse is left to libgit2. */
#include "index_internal.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"

#define HEADER_BYTES 12   /* "DIRC", version, entry count */
#define STAT_BYTES 40     /* ctime, mtime, dev, ino, mode, uid, gid, size */
#define MODE_OFFSET 24
#define ENTRY_FIXED_BYTES (STAT_BYTES + ID_BYTES + 2)
#define FLAG_EXTENDED 0x4000
#define FLAG_STAGE 0x3000
#define NAME_MASK 0x0fff
/* Extended flags: skip-worktree changes nothing in what is staged;
 * intent-to-add (0x2000) and the reserved bit are left to libgit2. */
#define EXTENDED_SKIP_WORKTREE 0x4000

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static size_t left(const ix_reader *c)
{
	return (size_t)(c->end - c->at);
}

/* The modes the diff and the articles know; a sparse index's folder
 * entries (040000) and odd legacy modes are left to libgit2. */
bool cl_index_known_mode(uint32_t mode)
{
	return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE ||
	       mode == GIT_FILEMODE_LINK || mode == GIT_FILEMODE_COMMIT;
}

/* ---- the file ------------------------------------------------------------ */

static bool map_file(cl_index *ix, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		  st.st_size >= HEADER_BYTES + ID_BYTES && (uintmax_t)st.st_size <= SIZE_MAX;
	int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
	flags |= MAP_POPULATE;  /* every page is read: one call instead of a fault per page */
#endif
	void *map = ok ? mmap(NULL, (size_t)st.st_size, PROT_READ, flags, fd, 0) : MAP_FAILED;
	close(fd);
	if (map == MAP_FAILED)
		return false;
	ix->map = map;
	ix->map_len = (size_t)st.st_size;
	return true;
}

/* The trailing checksum is not verified: git does not either, outside fsck. */
static bool read_header(cl_index *ix)
{
	uint32_t count = be32(ix->map + 8);
	ix->version = be32(ix->map + 4);
	ix->at = (ix_reader){ ix->map + HEADER_BYTES, ix->map + ix->map_len - ID_BYTES };
	ix->nentries = count;
	return !memcmp(ix->map, "DIRC", 4) && ix->version >= 2 && ix->version <= 4;
}

/* ---- entries ------------------------------------------------------------- */

/* git's offset varint (varint.c): each continuation adds one. */
static bool read_varint(const unsigned char **p, const unsigned char *end, size_t *out)
{
	if (*p >= end)
		return false;
	unsigned char byte = *(*p)++;
	size_t value = byte & 127;
	while (byte & 128) {
		if (*p >= end || value > (SIZE_MAX >> 8))
			return false;
		byte = *(*p)++;
		value = ((value + 1) << 7) + (byte & 127);
	}
	*out = value;
	return true;
}

/* Versions 2 and 3: the path, then NULs to a multiple of 8 bytes. Version
 * 4: how much of the previous path to drop, then the rest of the path and
 * one NUL. The flags give the path's length up to 4094 (NAME_MASK: that
 * long or longer). */
static bool entry_layout(const cl_index *ix, const ix_reader *c, ix_layout *out)
{
	if (left(c) < ENTRY_FIXED_BYTES + 2)
		return false;
	out->flags = be16(c->at + STAT_BYTES + ID_BYTES);
	out->extended = out->flags & FLAG_EXTENDED ? be16(c->at + ENTRY_FIXED_BYTES) : 0;
	const unsigned char *name = c->at + ENTRY_FIXED_BYTES + (out->flags & FLAG_EXTENDED ? 2 : 0);
	size_t name_len = out->flags & NAME_MASK;
	out->strip = 0;
	if (ix->version == 4 && !read_varint(&name, c->end, &out->strip))
		return false;
	size_t room = (size_t)(c->end - name);
	if (ix->version == 4 || name_len == NAME_MASK)
		name_len = strnlen((const char *)name, room);
	size_t size = ix->version == 4 ? (size_t)(name - c->at) + name_len + 1 :
		      ((size_t)(name - c->at) + name_len + 8) & ~(size_t)7;
	if (name_len >= room || name[name_len] || size > left(c))
		return false;
	out->name = (const char *)name;
	out->name_len = name_len;
	out->end = c->at + size;
	return true;
}

/* Paths strictly increasing (stage 0 only, so one entry per path): what
 * the walk relies on. Version 4 checks before the path is overwritten:
 * both share the kept prefix, so the tails decide. */
static bool in_order(const char *prev, size_t prev_len, const char *path, size_t len)
{
	int cmp = memcmp(prev, path, prev_len < len ? prev_len : len);
	return cmp < 0 || (cmp == 0 && prev_len < len);
}

static bool read_path(cl_index *ix, const ix_layout *layout)
{
	ix_entry *e = &ix->entry;
	if (ix->version != 4) {
		bool ordered = !ix->read || in_order(e->path, e->path_len, layout->name, layout->name_len);
		e->path = layout->name;
		e->path_len = layout->name_len;
		return ordered;
	}
	size_t prev_len = ix->read ? e->path_len : 0;
	if (layout->strip > prev_len)
		return false;
	size_t keep = prev_len - layout->strip;
	if (ix->read && !in_order(ix->path + keep, prev_len - keep, layout->name, layout->name_len))
		return false;
	CL_GROW(ix->path, ix->path_cap, keep + layout->name_len + 1);
	memcpy(ix->path + keep, layout->name, layout->name_len + 1);
	e->path = ix->path;
	e->path_len = keep + layout->name_len;
	return true;
}

/* Makes the next entry the current one (has_entry false after the last).
 * False: a malformed entry, or one libgit2 must handle. */
bool cl_index_advance(cl_index *ix)
{
	ix_layout layout;
	ix->has_entry = false;
	if (ix->read == ix->nentries)
		return true;
	if (!entry_layout(ix, &ix->at, &layout) || (layout.flags & FLAG_STAGE) ||
	    (layout.extended & ~EXTENDED_SKIP_WORKTREE) || (ix->version < 3 && (layout.flags & FLAG_EXTENDED)))
		return false;  /* unmerged entries: the libgit2 path names them in its error */
	ix->entry.mode = be32(ix->at.at + MODE_OFFSET);
	ix->entry.id = ix->at.at + STAT_BYTES;
	if (!cl_index_known_mode(ix->entry.mode) || !read_path(ix, &layout))
		return false;
	size_t flags_len = layout.flags & NAME_MASK;
	if (flags_len == NAME_MASK ? ix->entry.path_len < NAME_MASK : ix->entry.path_len != flags_len)
		return false;
	ix->at.at = layout.end;
	ix->read++;
	ix->has_entry = true;
	return true;
}

/* The first pass: where the entries end, without reading their paths. */
static bool find_entries_end(cl_index *ix)
{
	ix_reader c = ix->at;
	ix_layout layout;
	for (size_t i = 0; i < ix->nentries; i++) {
		if (!entry_layout(ix, &c, &layout))
			return false;
		c.at = layout.end;
	}
	ix->entries_end = c.at;
	return true;
}

/* ---- the cache-tree (TREE extension) ------------------------------------- */

/* A decimal ending with stop; "-1" marks an invalidated node. */
static bool read_number(ix_reader *c, unsigned char stop, long *out)
{
	bool negative = c->at < c->end && *c->at == '-';
	long value = 0;
	size_t digits = 0;
	c->at += negative;
	for (; c->at < c->end && *c->at >= '0' && *c->at <= '9' && digits < 9; c->at++, digits++)
		value = value * 10 + (*c->at - '0');
	if (!digits || c->at >= c->end || *c->at != stop)
		return false;
	c->at++;
	*out = negative ? -value : value;
	return true;
}

/* One node: name NUL, entry count SP, subtree count LF, id when valid,
 * then its subtrees. */
static bool read_node(cl_index *ix, ix_reader *c, int depth)
{
	const unsigned char *nul = c->at < c->end ? memchr(c->at, '\0', left(c)) : NULL;
	long subtrees;
	if (!nul || depth > MAX_DEPTH)
		return false;
	ct_node node = { (const char *)c->at, (size_t)(nul - c->at), -1, NULL, 0 };
	c->at = nul + 1;
	if (!read_number(c, ' ', &node.entries) || !read_number(c, '\n', &subtrees) ||
	    node.entries < -1 || subtrees < 0 || (depth > 0) != (node.name_len > 0))
		return false;
	if (node.entries >= 0) {
		if (left(c) < ID_BYTES)
			return false;
		node.id = c->at;
		c->at += ID_BYTES;
	}
	size_t at = ix->nnodes;
	CL_GROW(ix->nodes, ix->nodes_cap, at + 1);
	ix->nodes[ix->nnodes++] = node;
	for (long i = 0; i < subtrees; i++)
		if (!read_node(ix, c, depth + 1))
			return false;
	ix->nodes[at].end = ix->nnodes;
	return true;
}

static bool read_cache_tree(cl_index *ix, const unsigned char *data, size_t size)
{
	ix_reader c = { data, data + size };
	return ix->nnodes == 0 && read_node(ix, &c, 0) && c.at == c.end;
}

/* Optional extensions (an upper-case first letter) other than TREE are
 * skipped; a required one (split index "link", sparse index "sdir") is
 * left to libgit2. */
static bool read_extensions(cl_index *ix)
{
	ix_reader c = { ix->entries_end, ix->at.end };
	while (c.at < c.end) {
		if (left(&c) < 8)
			return false;
		const unsigned char *signature = c.at;
		size_t size = be32(c.at + 4);
		c.at += 8;
		if (size > left(&c))
			return false;
		if (!memcmp(signature, "TREE", 4) ? !read_cache_tree(ix, c.at, size) :
		    signature[0] < 'A' || signature[0] > 'Z')
			return false;
		c.at += size;
	}
	return true;
}

bool cl_index_read_file(cl_index *ix, const char *path)
{
	return map_file(ix, path) && read_header(ix) && find_entries_end(ix) && read_extensions(ix) &&
	       cl_index_advance(ix);
}

