/* The escapers the report formats share: one per syntax that no linked
 * library writes for us (GitHub workflow commands, Markdown table cells,
 * URI paths), the XML character filter that libxml2 leaves to its caller,
 * and the stable fingerprint of a finding. */
#ifndef CL_REPORT_ESCAPE_H
#define CL_REPORT_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "copylint/copylint.h"
#include "../util/buf.h"

/* Appends s as a workflow-command message (property = false: `%`, CR, LF
 * escaped) or property value (also `:` and `,`). Other C0 controls and DEL
 * become visible symbols (U+2400..), so nothing a runner or a terminal would
 * act on survives. s is valid UTF-8. */
void cl_escape_workflow(cl_buf *out, const char *s, bool property);

/* Appends s as text for a Markdown table cell: ASCII punctuation
 * backslash-escaped, line breaks and controls made visible. */
void cl_escape_markdown(cl_buf *out, const char *s);

/* Appends path as a URI reference: unreserved characters and `/` kept,
 * every other byte percent-encoded. */
void cl_escape_uri_path(cl_buf *out, const char *path);

/* A copy of s (valid UTF-8) with every character XML 1.0 forbids (C0
 * controls but tab, LF, CR; U+FFFE, U+FFFF) replaced by U+FFFD. */
char *cl_xml_clean(const char *s);

/* path without leading "./": what CI services match against the repository. */
const char *cl_report_path(const char *path);

/* True when the finding's related location is in another file. */
bool cl_report_related_elsewhere(const copylint_finding *f);
/* The message, with " (source: path:line:column)" when the related location
 * is in another file, for formats with no field for it (owned). */
char *cl_report_message(const copylint_finding *f);

/* 32 hex digits + NUL: a hash of path, rule, flagged text and occurrence,
 * never the line, so it survives unrelated lines moving. */
#define CL_FINGERPRINT_SIZE 33
void cl_finding_fingerprint(const copylint_finding *f, char out[CL_FINGERPRINT_SIZE]);

#endif
