#!/bin/sh
# "Quiet on real copy": runs the formatting rules and untranslated over professionally
# written and translated documentation installed by Debian packages
# (debian-reference-{en,de,fr}, installation-guide-amd64 for cs, de, en,
# fr), converted to Markdown, and over plain-text licences and
# README.Debian files (en-text), and prints every finding and a count per
# set. Every finding here should be a real defect in that copy.
#   tests/quiet/run.sh [build-dir]      (default: build)
set -eu
cd "$(dirname "$0")/../.."
bin="${1:-build}/copylint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rules="untranslated timestamp date-format punctuation-spacing unbalanced-pair whitespace invisible-character mixed-script run-together-list"
ref=/usr/share/doc/debian-reference-common/docs
guide=/usr/share/doc/installation-guide-amd64
for lang in en de fr cs; do
	mkdir -p "$work/$lang"
	for page in "$ref"/ch0[1-4].$lang.html "$guide/$lang"/ch0[1-4]*.html; do
		[ -f "$page" ] || continue
		name=$(echo "$page" | tr '/' '_')
		python3 tests/quiet/html2md.py "$page" "$work/$lang/$name.md"
	done
	[ -n "$(ls "$work/$lang")" ] || { echo "$lang: no documents installed"; continue; }
	"$bin" check --lang "$lang" --quiet --fail-on never "$work/$lang" > "$work/$lang.all" 2>&1 || true
	pattern=$(echo "$rules" | sed 's/ /|/g')
	grep -E "^[^ ].*: (error|warning|info): .*\[($pattern)\]$" "$work/$lang.all" | sed "s|$work/||" > "$work/$lang.out" || true
	cat "$work/$lang.out"
	words=$(cat "$work/$lang"/*.md | wc -w)
	echo "$lang: $(ls "$work/$lang" | wc -l) documents, $words words, $(wc -l < "$work/$lang.out") findings"
done
mkdir -p "$work/en-text"
for f in /usr/share/common-licenses/GPL-3 /usr/share/common-licenses/Apache-2.0 \
	/usr/share/common-licenses/LGPL-2.1 $(ls /usr/share/doc/*/README.Debian 2>/dev/null | head -15); do
	[ -f "$f" ] && cp "$f" "$work/en-text/$(echo "$f" | tr '/' '_').txt"
done
"$bin" check --lang en --quiet --fail-on never "$work/en-text" > "$work/en-text.all" 2>&1 || true
grep -E "^[^ ].*: (error|warning|info): .*\\[($(echo "$rules" | sed 's/ /|/g'))\\]$" "$work/en-text.all" | sed "s|$work/||" > "$work/en-text.out" || true
cat "$work/en-text.out"
echo "en-text: $(ls "$work/en-text" | wc -l) documents, $(cat "$work/en-text"/* | wc -w) words, $(wc -l < "$work/en-text.out") findings"
