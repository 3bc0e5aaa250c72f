#!/usr/bin/env python3
"""How loud is copylint on real, edited copy? Prints warnings and errors per
10,000 words, by language and rule, with copylint's default config, for the
translated documentation sites and for the Debian documentation corpus.

  bench/noise.py [--copylint BIN] [--sites SITES] [--corpus CORPUS]
                 [--list RULE] [--lang LANG] [--all-severities]

SITES holds tldr/pages*/ (tldr pages, English and translations) and
cncf-glossary/content/<lang>/ (the CNCF glossary, Hugo). CORPUS is the folder
that shared/corpus/build-corpus.sh builds: CORPUS/<lang>/<source>/... (the
corpus/ folder inside its output also works). Give either or both.

--list RULE prints every finding of that rule (`all`: every non-spelling
rule) as `path:line:col: severity: message [rule]`, to read them by hand;
--lang keeps one language. Words are white-space-separated tokens of the
Markdown files, as the sites' noise figures have always counted them.

Excluded from the Debian corpus, because they are artefacts of converting
DocBook, Mallard, man pages and LibreOffice's help from HTML to Markdown
(html2text, pandoc), not defects of the copy (ARTEFACTS below, each with a
test on the finding's source line):
  - emphasis spaced off: html2text writes `<em>apt</em>,` as `_apt_ ,` and
    `**apt** ,`, and `l'<b>x</b>` as `l' **x**`, so punctuation-spacing
    sees a space before the comma or after the elided article;
  - lost link text: `[](mailto:team@x.org) .`, the text of the link
    dropped by the converter;
  - paragraphs of man pages split at a formatting macro: the converter
    starts a new block where `.B` or `.IR` begins a line, so `(see` ends
    one block mid-sentence and `**Arrays** below)` starts the next;
    unbalanced-pair sees an unclosed bracket and one that closes nothing
    (only under manpages/, only when the paragraph ends with no final mark);
  - empty cross-references in GNOME help: Mallard's `<link xref="..."/>`
    takes its text from the target page when the help viewer renders it,
    and the converter leaves nothing (`See .`, `viz .`), so punctuation-
    spacing sees a space before the full stop; every "space before"
    finding under gnome-help/ is left out for that reason.
--show-excluded lists what was left out.
"""
import argparse
import collections
import json
import os
import subprocess
import sys


def site_groups(sites):
    """language -> folders (relative to sites)."""
    groups = {}
    tldr = os.path.join(sites, "tldr")
    for d in sorted(os.listdir(tldr)) if os.path.isdir(tldr) else []:
        if d.startswith("pages"):
            groups.setdefault(d.split(".", 1)[1] if "." in d else "en", []).append(os.path.join("tldr", d))
    content = os.path.join(sites, "cncf-glossary", "content")
    for lang in sorted(os.listdir(content)) if os.path.isdir(content) else []:
        groups.setdefault(lang, []).append(os.path.join("cncf-glossary", "content", lang))
    return groups


def corpus_groups(corpus):
    if os.path.isdir(os.path.join(corpus, "corpus")):
        corpus = os.path.join(corpus, "corpus")
    return corpus, {lang: [lang] for lang in sorted(os.listdir(corpus))
                    if os.path.isdir(os.path.join(corpus, lang))}


def source_line(root, finding, cache={}):
    path = os.path.join(root, finding["path"])
    if path not in cache:
        cache.clear()
        with open(path, encoding="utf-8", errors="replace") as f:
            cache[path] = f.read().split("\n")
    lines = cache[path]
    return lines[finding["line"] - 1] if finding["line"] <= len(lines) else ""


def emphasis_spaced_off(line, col, finding, root):
    """`_apt_ ,` / `**apt** ,`: the space sits between an emphasis mark and the punctuation."""
    before = line[:col - 1].rstrip(" ")
    if finding["message"].startswith("space after the elided"):
        return line[col - 1:].split(" ", 1)[-1].lstrip(" ").startswith(("_", "*"))
    return finding["message"].startswith("space before") and before.endswith(("_", "*"))


def lost_link_text(line, col, finding, root):
    """`[](mailto:x) .`: the converter dropped the link's text."""
    return "[](" in line


def empty_xref(line, col, finding, root):
    """GNOME help's `See .`: a Mallard cross-reference whose text the viewer generates."""
    return "/gnome-help/" in "/" + finding["path"] and finding["message"].startswith("space before")


def source_lines(root, finding, cache={}):
    path = os.path.join(root, finding["path"])
    if path not in cache:
        cache.clear()
        with open(path, encoding="utf-8", errors="replace") as f:
            cache[path] = f.read().split("\n")
    return cache[path]


def paragraph_end(lines, i, step):
    """The last (step 1) or first (step -1) line of the paragraph holding line i."""
    while 0 <= i + step < len(lines) and lines[i + step].strip():
        i += step
    return i


def split_paragraph(line, col, finding, root):
    """Man pages: the converter breaks a paragraph where a formatting macro
    (`.B`, `.IR`) starts a line, so `(see` ends one block and `**Arrays**
    below)` starts the next: a bracket that spans the break. A paragraph
    that ends mid-sentence (no final mark) holds the opener, or the one
    before the closer's paragraph does."""
    if not finding["path"].split("/")[1:2] == ["manpages"]:
        return False
    lines = source_lines(root, finding)
    i = finding["line"] - 1
    if "is not closed" in finding["message"]:
        last = lines[paragraph_end(lines, i, 1)].rstrip()
    elif "closes nothing" in finding["message"]:
        first = paragraph_end(lines, i, -1)
        if first < 2 or lines[first - 1].strip():
            return False
        last = lines[first - 2].rstrip()
    else:
        return False
    return bool(last) and last[-1] not in ".!?:;)]»\"'"


ARTEFACTS = {"punctuation-spacing": (emphasis_spaced_off, lost_link_text, empty_xref),
             "unbalanced-pair": (split_paragraph,)}


def artefact(root, finding):
    tests = ARTEFACTS.get(finding["rule"], ())
    if not tests:
        return False
    line = source_line(root, finding)
    return any(t(line, finding["column"], finding, root) for t in tests)


def words(root, folder):
    n = 0
    for dp, _, names in os.walk(os.path.join(root, folder)):
        for name in names:
            if name.endswith((".md", ".mdx")):
                with open(os.path.join(dp, name), encoding="utf-8", errors="replace") as f:
                    n += len(f.read().split())
    return n


def run(binary, root, folders, lang=None):
    args = [binary, "check", "--format", "json", "--fail-on", "never", "--quiet"]
    if lang:
        args += ["--lang", lang]
    p = subprocess.run(args + folders, cwd=root, capture_output=True, text=True)
    try:
        return json.loads(p.stdout)["findings"]
    except ValueError:
        sys.exit(f"copylint gave no JSON (exit {p.returncode}): {p.stderr[-300:]}")


def under(finding, folders):
    return any(finding["path"].startswith(f.rstrip("/") + "/") for f in folders)


def table(title, root, groups, findings, opts, excluded=()):
    severities = ("info", "warning", "error") if opts.all_severities else ("warning", "error")
    print(f"\n{title}\n{'language':9} {'words':>8} {'other/10k':>9} {'spelling/10k':>12}  rules (count)")
    total_w = total_other = total_spell = 0
    for lang, folders in sorted(groups.items()):
        if opts.lang and lang != opts.lang:
            continue
        w = sum(words(root, f) for f in folders) or 1
        mine = [x for x in findings if x["severity"] in severities and under(x, folders)]
        spell = sum(1 for x in mine if x["rule"] == "spelling")
        other = collections.Counter(x["rule"] for x in mine if x["rule"] != "spelling")
        total_w += w
        total_other += sum(other.values())
        total_spell += spell
        print(f"{lang:9} {w:8} {sum(other.values()) / w * 1e4:9.2f} {spell / w * 1e4:12.1f}  "
              + ", ".join(f"{r} {n}" for r, n in other.most_common()))
        if opts.list:
            for x in mine:
                if x["rule"] == opts.list or (opts.list == "all" and x["rule"] != "spelling"):
                    print(f"    {x['path']}:{x['line']}:{x['column']}: {x['severity']}: {x['message']} [{x['rule']}]")
    if excluded:
        print(f"excluded as conversion artefacts: {len(excluded)} findings ("
              + ", ".join(f"{r} {n}" for r, n in collections.Counter(x["rule"] for x in excluded).most_common()) + ")")
        if opts.show_excluded:
            for x in excluded:
                print(f"    {x['path']}:{x['line']}:{x['column']}: {x['message']} [{x['rule']}]")
    if total_w:
        print(f"{'all':9} {total_w:8} {total_other / total_w * 1e4:9.2f} {total_spell / total_w * 1e4:12.1f}"
              "  (targets: other <= 1, spelling <= 40 per 10,000 words)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copylint", default="build/copylint")
    ap.add_argument("--sites")
    ap.add_argument("--corpus")
    ap.add_argument("--list", metavar="RULE")
    ap.add_argument("--lang")
    ap.add_argument("--all-severities", action="store_true", help="count info findings too")
    ap.add_argument("--show-excluded", action="store_true", help="list the findings left out as artefacts")
    opts = ap.parse_args()
    binary = os.path.abspath(opts.copylint)
    if not os.access(binary, os.X_OK):
        sys.exit(f"no copylint binary at {binary}")
    if not opts.sites and not opts.corpus:
        sys.exit("give --sites SITES and/or --corpus CORPUS")
    if opts.sites:
        groups = site_groups(opts.sites)
        folders = [f for lang, fs in groups.items() if not opts.lang or lang == opts.lang for f in fs]
        table("sites", opts.sites, groups, run(binary, opts.sites, folders), opts)
    if opts.corpus:
        root, groups = corpus_groups(opts.corpus)
        findings = []
        for lang in groups:
            if not opts.lang or lang == opts.lang:
                findings += run(binary, root, groups[lang], lang)
        excluded = [x for x in findings if artefact(root, x)]
        kept = [x for x in findings if not artefact(root, x)]
        table("Debian corpus", root, groups, kept, opts, excluded)


if __name__ == "__main__":
    main()
