/* copylint merge-reports: JSON formats (merge.c) and XML ones (merge_xml.c). */
#ifndef CL_CLI_MERGE_H
#define CL_CLI_MERGE_H

#include <stddef.h>

#include "copylint/copylint.h"

/* Where the joined report goes; error is set by the first failed write. */
typedef struct {
	copylint_write_cb write;
	void *payload;
	int error;
} cli_merge_out;

void cli_merge_put(cli_merge_out *out, const char *data, size_t len);
void cli_merge_puts(cli_merge_out *out, const char *text);

/* json, sarif, gitlab: joins the reports at paths; -1 after saying why. */
int cli_merge_json(const char *format, char *const *paths, size_t npaths, cli_merge_out *out);
/* checkstyle, junit. */
int cli_merge_xml(const char *format, char *const *paths, size_t npaths, cli_merge_out *out);

#endif
