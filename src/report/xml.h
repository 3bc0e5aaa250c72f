/* XML reports are written by libxml2's xmlTextWriter straight into a sink,
 * with the characters XML 1.0 cannot hold replaced first. */
#ifndef CL_REPORT_XML_H
#define CL_REPORT_XML_H

#include <libxml/xmlwriter.h>

#include "format.h"

/* An xmlOutputBuffer write callback into the cl_sink context. */
int cl_xml_sink_write(void *context, const char *data, int len);

/* A writer that streams to sink, indenting, with the XML declaration
 * written. NULL when libxml2 fails. */
xmlTextWriterPtr cl_xml_start(cl_sink *sink);
/* Ends every open element, flushes and frees the writer. */
int cl_xml_finish(xmlTextWriterPtr writer);

void cl_xml_attr(xmlTextWriterPtr writer, const char *name, const char *value);
void cl_xml_attr_size(xmlTextWriterPtr writer, const char *name, size_t value);
void cl_xml_text(xmlTextWriterPtr writer, const char *text);

#endif
