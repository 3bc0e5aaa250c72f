/* What the two halves of the index fast path share: reading git's index
 * file (index_read.c) and comparing it with HEAD's tree (index.c). */
#ifndef CL_COLLECT_INDEX_INTERNAL_H
#define CL_COLLECT_INDEX_INTERNAL_H

#include <stdint.h>

#include "index.h"

#define ID_BYTES 20       /* SHA-1: git.c leaves other object formats to libgit2 */
#define TYPE_MASK 0170000
/* Deeper than any real tree; bounds the recursion on a crafted file. */
#define MAX_DEPTH 1024
#define NO_NODE SIZE_MAX

typedef struct {
	const unsigned char *at, *end;
} ix_reader;

/* Where an entry's parts are, before its path is read. */
typedef struct {
	uint16_t flags, extended;
	const char *name;  /* the path; version 4: the part after the kept prefix */
	size_t name_len;
	size_t strip;      /* version 4: bytes dropped from the previous path */
	const unsigned char *end;
} ix_layout;

/* The entry the walk is at. */
typedef struct {
	const unsigned char *id;  /* in the map */
	uint32_t mode;
	const char *path;         /* in the map, or (version 4) cl_index.path */
	size_t path_len;
} ix_entry;

/* A cache-tree node (the TREE extension), in the file's pre-order. */
typedef struct {
	const char *name;         /* in the map; "" for the root */
	size_t name_len;
	long entries;             /* index entries under it; -1: invalidated */
	const unsigned char *id;  /* NULL when invalidated */
	size_t end;               /* the node after its subtree */
} ct_node;

struct cl_index {
	git_repository *repo;
	unsigned char *map;
	size_t map_len;
	uint32_t version;
	size_t nentries;
	const unsigned char *entries_end;
	ix_reader at;             /* the entry after the current one */
	size_t read;              /* entries read so far */
	ix_entry entry;           /* the current entry, when has_entry */
	bool has_entry;
	char *path;               /* version 4: the current path */
	size_t path_cap;
	char *folder;             /* the folder walked, with its '/' */
	size_t folder_cap;
	ct_node *nodes;
	size_t nnodes, nodes_cap;
	cl_index_change *changes;
	size_t nchanges, changes_cap;
	char *paths;              /* the changes' paths, one after another */
	size_t paths_len, paths_cap;
	size_t *path_at;          /* each change's path in paths, while it grows */
	size_t path_at_cap;
	bool added, deleted, modified, typechange;
};

/* Maps the index at path and reads up to its first entry: false when it
 * does not parse (the caller leaves it to libgit2). */
bool cl_index_read_file(cl_index *ix, const char *path);
/* Steps to the next entry (has_entry false past the last); false when the
 * file does not parse. */
bool cl_index_advance(cl_index *ix);
/* The modes the diff and the articles know. */
bool cl_index_known_mode(uint32_t mode);

#endif
