#!/bin/sh
# Throughput and peak memory of `copylint check` over a folder of articles.
#   bench/throughput.sh DIR [RUNS] [-- extra copylint options]
# Prints, for --jobs 1 and --jobs 2, the median wall time of RUNS runs
# (default 5), MB/s, and the peak resident memory; `wc -w` over the same
# files is the floor to compare with. DIR can be the corpus that
# ../shared/corpus/build-corpus.sh builds (e.g. OUT/corpus/en), or any folder.
# Without DIR, a 100 MB synthetic Markdown folder is generated in a temp dir.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/build/copylint"
[ -x "$bin" ] || { echo "build first: cmake -B build && cmake --build build" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

dir=${1:-}
runs=${2:-5}
if [ $# -ge 2 ]; then shift 2; else shift $#; fi
[ "${1:-}" = "--" ] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -z "$dir" ]; then
	dir="$tmp/synthetic"
	python3 "$here/bench/make-articles.py" "$dir" 100
fi

find "$dir" -type f \( -name '*.md' -o -name '*.txt' \) -print0 > "$tmp/files"
bytes=$(xargs -0 cat < "$tmp/files" | wc -c)
files=$(tr -cd '\0' < "$tmp/files" | wc -c)
mb=$(awk "BEGIN { printf \"%.1f\", $bytes / 1048576 }")
echo "corpus: $dir — $files files, $mb MB"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

measure() {  # label, command...
	label=$1
	shift
	: > "$tmp/times"
	: > "$tmp/mem"
	i=0
	while [ "$i" -lt "$runs" ]; do
		/usr/bin/time -f "%e %M" -o "$tmp/one" "$@" > /dev/null 2>&1 || true
		cut -d' ' -f1 "$tmp/one" >> "$tmp/times"
		cut -d' ' -f2 "$tmp/one" >> "$tmp/mem"
		i=$((i + 1))
	done
	t=$(median < "$tmp/times")
	m=$(sort -n "$tmp/mem" | tail -1)
	awk -v l="$label" -v t="$t" -v b="$bytes" -v m="$m" \
		'BEGIN { printf "%-28s median %7.2f s  %7.1f MB/s  peak %6.1f MB\n", l, t, (t > 0 ? b / 1048576 / t : 0), m / 1024 }'
	echo "$t" > "$tmp/last"
}

measure "wc -w (floor)" sh -c "xargs -0 cat < '$tmp/files' | wc -w"
measure "copylint --jobs 1" "$bin" check --fail-on never --format json --jobs 1 "$@" "$dir"
one=$(cat "$tmp/last")
measure "copylint --jobs 2" "$bin" check --fail-on never --format json --jobs 2 "$@" "$dir"
two=$(cat "$tmp/last")
awk -v a="$one" -v b="$two" 'BEGIN { if (b > 0) printf "speed-up with 2 jobs: %.2fx\n", a / b }'
echo "(machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
