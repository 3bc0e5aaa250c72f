#!/bin/sh
# How often do the comparison rules speak on translations that are in sync
# with their source? Runs the pair rules (and nothing else) on the Debian
# documentation corpus that shared/corpus/build-corpus.sh builds — the same
# documents in en cs de fr pl ru, translated from PO files of one release,
# so structurally in sync — and prints findings per 10,000 words of the
# paired translations, by language and rule. `untranslated` is counted
# apart (and its monolingual language check apart from its comparison with
# the source): partially translated pages really leave paragraphs in English.
#
#   bench/pairs-noise.sh [-b BIN] [-j JOBS] [-l RULE] CORPUS [LANG...]
#
# CORPUS holds <lang>/<source>/... (the corpus/ folder of build-corpus.sh's
# output also works); LANG defaults to every folder but en. -l RULE prints
# that rule's findings (path:line:col: message <- source:line:col) instead
# of the table, to read them by hand.
set -eu
bin=build/copylint
jobs=2
list=
while getopts b:j:l: opt; do
	case $opt in
	b) bin=$OPTARG ;;
	j) jobs=$OPTARG ;;
	l) list=$OPTARG ;;
	*) echo "usage: $0 [-b BIN] [-j JOBS] [-l RULE] CORPUS [LANG...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-b BIN] [-j JOBS] [-l RULE] CORPUS [LANG...]" >&2; exit 2; }
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
corpus=$1
shift
[ -d "$corpus/corpus" ] && corpus=$corpus/corpus
cd "$corpus"
if [ $# -eq 0 ]; then
	set -- $(for d in */; do d=${d%/}; [ "$d" = en ] || echo "$d"; done)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pair_rules="missing-section code-mismatch link-mismatch number-mismatch heading-id front-matter-mismatch untranslated"
{
	printf 'translations:\n  source: en\n  layouts:\n    - "{lang}/**"\nrules:\n'
	"$bin" rules | while read -r id _; do
		case " $pair_rules " in *" $id "*) printf '  %s: info\n' "$id" ;; *) printf '  %s: off\n' "$id" ;; esac
	done
} > "$tmp/config.yml"
"$bin" pairs --config "$tmp/config.yml" --format json "$@" > "$tmp/pairs.json"
"$bin" check --config "$tmp/config.yml" --format json --fail-on never --quiet --jobs "$jobs" "$@" > "$tmp/findings.json"
python3 - "$tmp" "$list" "$pair_rules" <<'PY'
import collections, json, os, sys
tmp, listed, rules = sys.argv[1], sys.argv[2], sys.argv[3].split()
pairs = json.load(open(os.path.join(tmp, "pairs.json")))["pairs"]
findings = json.load(open(os.path.join(tmp, "findings.json")))["findings"]
paired = {}
for p in pairs:
    paired[p["translation"]] = p
if listed:
    for f in findings:
        if f["rule"] == listed:
            rel = (f.get("related") or [{}])[0]
            print("%s:%s:%s: %s <- %s:%s:%s" % (f["path"], f["line"], f["column"], f["message"],
                  rel.get("path", "?"), rel.get("line", "?"), rel.get("column", "?")))
    sys.exit(0)
words = collections.Counter()
for path in paired:
    with open(path, encoding="utf-8", errors="replace") as fh:
        words[path.split("/", 1)[0]] += len(fh.read().split())
counts = collections.defaultdict(collections.Counter)
for f in findings:
    if f["path"] in paired and f["rule"] in rules:
        rule = f["rule"]
        if rule == "untranslated" and "identical to the source" not in f["message"]:
            rule = "langid"  # the monolingual check: a block in another language
        counts[f["path"].split("/", 1)[0]][rule] += 1
rules = rules + ["langid"]
quiet = ("untranslated", "langid")
short = {"missing-section": "missing", "code-mismatch": "code", "link-mismatch": "link",
         "number-mismatch": "number", "heading-id": "heading-id", "front-matter-mismatch": "front-matter",
         "untranslated": "untranslated", "langid": "(langid)"}
print("findings per 10,000 words of paired translations (count in parentheses)")
print("%-5s %9s %6s " % ("lang", "words", "pairs") + " ".join("%14s" % short[r] for r in rules) + " %14s" % "comparison")
total_w, total = 0, collections.Counter()
for lang in sorted(words):
    w = words[lang]
    total_w += w
    total.update(counts[lang])
    n = sum(counts[lang][r] for r in rules if r not in quiet)
    cells = ["%6.2f (%5d)" % (1e4 * counts[lang][r] / w, counts[lang][r]) for r in rules]
    print("%-5s %9d %6d " % (lang, w, sum(1 for p in paired if p.startswith(lang + "/"))) + " ".join(cells) +
          " %6.2f (%5d)" % (1e4 * n / w, n))
if total_w:
    n = sum(total[r] for r in rules if r not in quiet)
    print("%-5s %9d %6d " % ("all", total_w, len(paired)) +
          " ".join("%6.2f (%5d)" % (1e4 * total[r] / total_w, total[r]) for r in rules) +
          " %6.2f (%5d)" % (1e4 * n / total_w, n))
print("untranslated: a block identical to its aligned source block; (langid): the same rule's "
      "monolingual check, a block in another language; comparison: every rule but these two")
PY
