#!/usr/bin/env python3
"""Proposes entries for dictionaries/<lang>.txt: the words copylint's spelling rule rejects in many
documents of several independent sources (a source: one documentation project, such as the Debian
handbook or the tldr pages), so that one project's names and one writer's typos stay out.

Usage: bench/vocabulary-candidates.py COPYLINT LANG MIN_DOCS MIN_SOURCES SOURCE_DIR...
  Each SOURCE_DIR is one source's folder of articles in LANG. Prints "word<TAB>documents<TAB>sources",
  most documents first. The output is a proposal, never a list to copy: every entry was read by hand
  before it went into dictionaries/ (no misspellings, no one-project names, no fragments of markup).

How dictionaries/ was built (November 2026): for each language, the sources were the folders of the
Debian documentation corpus (../shared/corpus/build-corpus.sh: debian-handbook, debian-reference,
python-docs, postgresql-docs, ...) plus the tldr pages and the CNCF glossary, with MIN_DOCS 3 and
MIN_SOURCES 2; then the list was reviewed by hand."""
import collections, json, os, re, subprocess, sys

def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    binary, lang, min_docs, min_sources = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    docs, sources = collections.defaultdict(set), collections.defaultdict(set)
    for folder in sys.argv[5:]:
        p = subprocess.run([binary, "check", "--format", "json", "--fail-on", "never", "--quiet",
                            "--jobs", "2", folder], capture_output=True, text=True)
        try:
            findings = json.loads(p.stdout)["findings"]
        except ValueError:
            sys.exit(f"{folder}: copylint gave no JSON (exit {p.returncode}): {p.stderr[-300:]}")
        for f in findings:
            if f["rule"] != "spelling":
                continue
            word = re.search("\u201c(.*)\u201d", f["message"]).group(1)
            docs[word].add(f["path"])
            sources[word].add(folder)
    rows = [(w, len(docs[w]), len(sources[w])) for w in docs if len(docs[w]) >= min_docs and len(sources[w]) >= min_sources]
    for w, d, s in sorted(rows, key=lambda r: (-r[1], r[0])):
        print(f"{w}\t{d}\t{s}")

main()
