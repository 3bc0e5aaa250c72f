#include <stdio.h>
#include <stdlib.h>

#include "escape.h"
#include "xml.h"

/* A failed write is the sink's error, which the report's caller sees;
 * libxml2 is told all went well, or it would print its own complaint. */
int cl_xml_sink_write(void *context, const char *data, int len)
{
	cl_sink *sink = context;
	cl_sink_put(sink, data, (size_t)len);
	return len;
}

xmlTextWriterPtr cl_xml_start(cl_sink *sink)
{
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(cl_xml_sink_write, NULL, sink, NULL);
	if (!out)
		return NULL;
	xmlTextWriterPtr writer = xmlNewTextWriter(out);
	if (!writer) {
		xmlOutputBufferClose(out);
		return NULL;
	}
	xmlTextWriterSetIndent(writer, 1);
	xmlTextWriterSetIndentString(writer, BAD_CAST "  ");
	xmlTextWriterStartDocument(writer, "1.0", "UTF-8", NULL);
	return writer;
}

int cl_xml_finish(xmlTextWriterPtr writer)
{
	int rc = xmlTextWriterEndDocument(writer);
	xmlFreeTextWriter(writer);
	return rc < 0 ? -1 : 0;
}

void cl_xml_attr(xmlTextWriterPtr writer, const char *name, const char *value)
{
	char *clean = cl_xml_clean(value);
	xmlTextWriterWriteAttribute(writer, BAD_CAST name, BAD_CAST clean);
	free(clean);
}

void cl_xml_attr_size(xmlTextWriterPtr writer, const char *name, size_t value)
{
	char text[32];
	snprintf(text, sizeof(text), "%zu", value);
	xmlTextWriterWriteAttribute(writer, BAD_CAST name, BAD_CAST text);
}

void cl_xml_text(xmlTextWriterPtr writer, const char *text)
{
	char *clean = cl_xml_clean(text);
	xmlTextWriterWriteString(writer, BAD_CAST clean);
	free(clean);
}
