#!/bin/sh
# copylint's spelling against cspell's on the same project, with the project's
# own cspell word list: which words does copylint report that cspell does not?
#
#   bench/cspell-compare.sh SITES
#
# SITES holds tldr/pages*/ and cncf-glossary/content/<lang>/ (as for
# bench/noise.py). The script copies the English, German and French pages of
# both sites into a scratch project with a cspell.json as a real project keeps
# it (`language: de,en` and `fr,en` overrides for the translations, the
# bundled German and French dictionaries imported, a local word list), runs
# cspell once to learn the words it does not know, writes those to the word
# list except the misspellings below (a project would fix those, not list
# them), then runs cspell and copylint (default config, spelling only) and
# prints the words each reports that the other does not, by file and line.
#
# Needs cspell with its German and French dictionaries, installed outside the
# project:  mkdir DIR && cd DIR && npm install cspell @cspell/dict-de-de @cspell/dict-fr-fr
# then CSPELL_HOME=DIR bench/cspell-compare.sh SITES. Without it the script
# says so and exits 0. COPYLINT (default build/copylint) is the binary.
set -eu

[ $# -eq 1 ] || { echo "usage: CSPELL_HOME=DIR bench/cspell-compare.sh SITES" >&2; exit 2; }
sites=$(cd "$1" && pwd)
copylint=$(realpath "${COPYLINT:-build/copylint}")
home=${CSPELL_HOME:-}
cspell="$home/node_modules/.bin/cspell"
if [ -z "$home" ] || [ ! -x "$cspell" ]; then
	echo "cspell-compare: skipped: no cspell (set CSPELL_HOME to a folder where" \
	     "'npm install cspell @cspell/dict-de-de @cspell/dict-fr-fr' ran)"
	exit 0
fi
for dict in de-de fr-fr; do
	[ -f "$home/node_modules/@cspell/dict-$dict/cspell-ext.json" ] ||
		{ echo "cspell-compare: skipped: @cspell/dict-$dict is not installed in $home"; exit 0; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/project"
mkdir -p "$project/tldr" "$project/cncf-glossary/content"
cp -r "$sites/tldr/pages" "$sites/tldr/pages.de" "$sites/tldr/pages.fr" "$project/tldr/"
for lang in en de fr; do
	cp -r "$sites/cncf-glossary/content/$lang" "$project/cncf-glossary/content/"
done
cat > "$project/cspell.json" <<EOF
{
  "version": "0.2",
  "language": "en",
  "import": ["$home/node_modules/@cspell/dict-de-de/cspell-ext.json",
             "$home/node_modules/@cspell/dict-fr-fr/cspell-ext.json"],
  "dictionaryDefinitions": [{ "name": "project-words", "path": "./project-words.txt", "addWords": true }],
  "dictionaries": ["project-words"],
  "overrides": [
    { "filename": ["**/pages.de/**", "**/content/de/**"], "language": "de,en" },
    { "filename": ["**/pages.fr/**", "**/content/fr/**"], "language": "fr,en" }
  ]
}
EOF
: > "$project/project-words.txt"
# Misspellings read by hand in these pages: kept out of the word list.
printf '%s\n' Celà celà Contineous Continous Deploment Digitial Sofwareentwicklung Workig handfull \
	hinzuzugefügt implemtieren letzer nesseccary opérationel provisionning résiliance verringnert \
	vérouillées éxécutées > "$work/misspelt.txt"

cd "$project"
"$cspell" --no-progress --no-summary --words-only --unique "**/*.md" 2>/dev/null | sort -u > "$work/unknown.txt" || true
grep -vxF -f "$work/misspelt.txt" "$work/unknown.txt" > project-words.txt || true
"$cspell" --no-progress --no-summary "**/*.md" > "$work/cspell.txt" 2>/dev/null || true
"$copylint" check --format json --fail-on never --quiet . > "$work/copylint.json" || true
echo "project: $(find . -name '*.md' | wc -l) pages; word list: $(wc -l < project-words.txt) words" \
     "(cspell's unknown words but $(grep -cxF -f "$work/unknown.txt" "$work/misspelt.txt" || true) misspellings)"

python3 - "$work/cspell.txt" "$work/copylint.json" <<'EOF'
import json, re, sys
cspell = set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(.*?):(\d+):\d+ - Unknown word \((.*?)\)", line)
    if m:
        cspell.add((m[1], int(m[2]), m[3]))
ours = set()
for x in json.load(open(sys.argv[2], encoding="utf-8"))["findings"]:
    if x["rule"] == "spelling":
        m = re.search("\u201c(.*?)\u201d", x["message"])
        path = x["path"][2:] if x["path"].startswith("./") else x["path"]
        ours.add((path, x["line"], m[1] if m else x["message"]))
print(f"cspell: {len(cspell)} unknown words; copylint: {len(ours)} spelling findings")
print(f"both: {len(cspell & ours)}; copylint only: {len(ours - cspell)}; cspell only: {len(cspell - ours)}")
for title, rows in (("copylint only", ours - cspell), ("cspell only", cspell - ours)):
    for path, line, word in sorted(rows):
        print(f"  {title}: {path}:{line}: {word}")
EOF
