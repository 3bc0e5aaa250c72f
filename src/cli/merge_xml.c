/* copylint merge-reports for the XML formats, through libxml2: checkstyle's
 * <file> elements and JUnit's testcases of every report, in path order, under
 * one root whose counts are the sums. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cli.h"
#include "merge.h"

typedef struct {
	xmlChar *name;  /* the element's name (checkstyle) or testcase name */
	size_t index;
	xmlNodePtr node;  /* borrowed from its report */
} xml_item;

static int compare_items(const void *pa, const void *pb)
{
	const xml_item *a = pa, *b = pb;
	int c = strcmp(a->name ? (const char *)a->name : "", b->name ? (const char *)b->name : "");
	return c ? c : a->index < b->index ? -1 : a->index > b->index;
}

static bool is_element(xmlNodePtr node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE && !strcmp((const char *)node->name, name);
}

typedef struct {
	xml_item *items;
	size_t count, cap;
	unsigned long long counts[4];  /* junit: tests, failures, errors, skipped */
} xml_collect;

static const char *const junit_counts[] = { "tests", "failures", "errors", "skipped" };

static void add_item(xml_collect *c, xmlNodePtr node)
{
	if (c->count == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->items = realloc(c->items, c->cap * sizeof(xml_item));
		if (!c->items)
			abort();
	}
	c->items[c->count] = (xml_item){ xmlGetProp(node, BAD_CAST "name"), c->count, node };
	c->count++;
}

static void add_counts(xml_collect *c, xmlNodePtr suite)
{
	for (size_t i = 0; i < 4; i++) {
		xmlChar *value = xmlGetProp(suite, BAD_CAST junit_counts[i]);
		c->counts[i] += value ? strtoull((const char *)value, NULL, 10) : 0;
		xmlFree(value);
	}
}

/* Checkstyle: <checkstyle><file>...; JUnit: <testsuites><testsuite><testcase>. */
static int collect_report(xml_collect *c, const char *format, xmlDocPtr doc, const char *path)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	bool junit = !strcmp(format, "junit");
	if (!is_element(root, junit ? "testsuites" : "checkstyle")) {
		cli_error("merge-reports: %s is not a copylint %s report", path, format);
		return -1;
	}
	for (xmlNodePtr child = root->children; child; child = child->next) {
		if (!junit && is_element(child, "file"))
			add_item(c, child);
		if (!junit || !is_element(child, "testsuite"))
			continue;
		add_counts(c, child);
		for (xmlNodePtr tc = child->children; tc; tc = tc->next)
			if (is_element(tc, "testcase"))
				add_item(c, tc);
	}
	return 0;
}

static void set_counts(xmlNodePtr node, const xml_collect *c)
{
	for (size_t i = 0; i < 4; i++) {
		char text[32];
		snprintf(text, sizeof(text), "%llu", c->counts[i]);
		xmlSetProp(node, BAD_CAST junit_counts[i], BAD_CAST text);
	}
}

/* A new document: the first report's root (and, for JUnit, its suite)
 * without children, then every item in order. */
static xmlDocPtr joined(xmlDocPtr first, const xml_collect *c, bool junit)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr first_root = xmlDocGetRootElement(first);
	xmlNodePtr root = xmlDocCopyNode(first_root, doc, 2), parent = root;
	xmlDocSetRootElement(doc, root);
	if (junit) {
		xmlNodePtr suite = first_root->children;
		while (suite && !is_element(suite, "testsuite"))
			suite = suite->next;
		set_counts(root, c);
		parent = suite ? xmlAddChild(root, xmlDocCopyNode(suite, doc, 2)) : root;
		set_counts(parent, c);
	}
	for (size_t i = 0; i < c->count; i++)
		xmlAddChild(parent, xmlDocCopyNode(c->items[i].node, doc, 1));
	return doc;
}

int cli_merge_xml(const char *format, char *const *paths, size_t npaths, cli_merge_out *out)
{
	xmlDocPtr *docs = calloc(npaths, sizeof(xmlDocPtr));
	xml_collect c = { 0 };
	int status = -1;
	if (!docs)
		abort();
	for (size_t i = 0; i < npaths; i++) {
		docs[i] = xmlReadFile(paths[i], NULL, XML_PARSE_NOBLANKS | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		if (!docs[i]) {
			cli_error("merge-reports: %s is not well-formed XML", paths[i]);
			goto cleanup;
		}
		if (collect_report(&c, format, docs[i], paths[i]) < 0)
			goto cleanup;
	}
	qsort(c.items, c.count, sizeof(xml_item), compare_items);
	xmlDocPtr doc = joined(docs[0], &c, !strcmp(format, "junit"));
	xmlChar *text = NULL;
	int len = 0;
	xmlDocDumpFormatMemoryEnc(doc, &text, &len, "UTF-8", 1);
	if (text)
		cli_merge_put(out, (const char *)text, (size_t)len);
	xmlFree(text);
	xmlFreeDoc(doc);
	status = text ? 0 : -1;
cleanup:
	for (size_t i = 0; i < c.count; i++)
		xmlFree(c.items[i].name);
	free(c.items);
	for (size_t i = 0; i < npaths; i++)
		xmlFreeDoc(docs[i]);
	free(docs);
	return status;
}
