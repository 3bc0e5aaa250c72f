#!/bin/sh
# Inputs that once took minutes, each run once with a generous bound: a
# hostile exclude glob (backtracking), 200 x `**/`, front matter of 50,000
# keys (quadratic offsets), 100,000 nested `[` (libyaml), and with --big a
# 100 MB Markdown article (time and peak memory).
#   bench/worst-cases.sh [--big]        BIN=path/to/copylint to measure another build
# Prints "case: seconds s, peak KB"; exits 1 when a case passes its bound.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$here/build/copylint}
limit=${LIMIT:-600}   # seconds before a case is stopped (an old build may need it)
[ -x "$bin" ] || { echo "build first: cmake -B build && cmake --build build" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

measure() {  # name, bound in seconds, folder, copylint arguments...
	name=$1 bound=$2 dir=$3
	shift 3
	(cd "$dir" && /usr/bin/time -f "%e %M" -o "$tmp/time" timeout "$limit" "$bin" check --no-cache --quiet \
		--fail-on never "$@" >/dev/null 2>"$tmp/err") || status=$?
	[ "${status:-0}" -le 1 ] || { echo "$name: exit ${status}: $(head -c 300 "$tmp/err")" >&2; failed=1; }
	status=0
	set -- $(tail -1 "$tmp/time")
	printf '%-28s %8s s, peak %8s KB\n' "$name:" "$1" "$2"
	if awk "BEGIN { exit !($1 > $bound) }"; then
		echo "  over the bound of $bound s" >&2
		failed=1
	fi
}

# 8 x `*a` then `b` against a 60-letter name: 2^60 paths for a backtracker
mkdir -p "$tmp/glob"
name=$(printf 'a%.0s' $(seq 60))
printf 'Text.\n' > "$tmp/glob/$name.md"
printf 'exclude: ["*a*a*a*a*a*a*a*a*b"]\n' > "$tmp/glob/.copylint.yml"
measure "glob *a x 8, 60 letters" 5 "$tmp/glob" .

mkdir -p "$tmp/deep"
deep=$(printf '%s/' $(seq 20 | tr '0-9' 'a-j'))
mkdir -p "$tmp/deep/$deep"
printf 'Text.\n' > "$tmp/deep/${deep}x.md"
printf 'exclude: ["%sy"]\n' "$(printf '**/%.0s' $(seq 200))" > "$tmp/deep/.copylint.yml"
measure "glob **/ x 200, 20 folders" 5 "$tmp/deep" .

mkdir -p "$tmp/fm"
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("---\n")
    for i in range(50000):
        f.write("key%d: value number %d\n" % (i, i))
    f.write("---\nBody text.\n")' "$tmp/fm/keys.md"
measure "front matter 50,000 keys" 10 "$tmp/fm" keys.md

python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("---\ntags: " + "[" * 100000 + "\n---\nBody text.\n")' "$tmp/fm/nested.md"
measure "front matter 100,000 [" 5 "$tmp/fm" nested.md

if [ "${1:-}" = "--big" ]; then
	mkdir -p "$tmp/big"
	python3 "$here/bench/make-articles.py" "$tmp/articles" 100 >/dev/null
	find "$tmp/articles" -name '*.md' | sort | xargs cat > "$tmp/big/big.md"
	rm -rf "$tmp/articles"
	measure "100 MB of Markdown (json)" 300 "$tmp/big" --format json big.md
fi
exit $failed
