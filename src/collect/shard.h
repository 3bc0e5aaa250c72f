/* Sharding a run across CI jobs (copylint_sources_keep_shard). */
#ifndef CL_COLLECT_SHARD_H
#define CL_COLLECT_SHARD_H

/* The path with its language segments removed ("content/de/a.md" and
 * "content/en/a.md" -> "content/a.md"; "pages.fr/x.md" -> "pages/x.md";
 * "a.de.md" -> "a.md"), as cl_language_from_path finds them: a source and
 * its translations share it. The caller frees it. When translations are
 * paired by a layout, this is the one place to key shards on the pair. */
char *cl_shard_key(const char *path);

#endif
