#!/bin/sh
# Benchmark (not a test): copylint check --staged on a repository with
# 50,000 Markdown files and a commit touching 3 of them, against
# `git diff --cached --name-only`, which lists the same files.
#
#   sh bench/git-staged.sh [COPYLINT] [RUNS] [FILES]
#
# COPYLINT defaults to build/copylint, RUNS to 15, FILES to 50000. The
# repository is built once in a temporary folder (git fast-import) and
# removed at the end. Prints the median wall time of RUNS runs of:
#   git        git diff --cached --name-only
#   collect    copylint check --staged with every rule off: reading the
#              index and HEAD, the diff, the blobs and the changed lines
#   check      copylint check --staged: the whole pre-commit run, without
#              (--no-cache) and with the spelling cache of an earlier run
#              (in $COPYLINT_CACHE_DIR, a temporary folder)
# Targets: collect within 2x of git; check within 100 ms (plus dictionary
# loading, once a spelling rule loads one).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
copylint=${1:-$here/build/copylint}
runs=${2:-15}
files=${3:-50000}
case $copylint in /*) ;; *) copylint=$(pwd)/$copylint ;; esac
[ -x "$copylint" ] || { echo "no copylint binary at $copylint (build it first)" >&2; exit 2; }

# The spelling cache of the warm runs: a folder of our own, not the user's.
COPYLINT_CACHE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/copylint-cache-XXXXXX")
export COPYLINT_CACHE_DIR
repo=""
trap 'rm -rf "$COPYLINT_CACHE_DIR" ${repo:+"$repo"}' EXIT INT TERM

# BENCH_REPO=folder keeps the repository there (built when missing) to
# measure again without rebuilding it.
if [ -n "${BENCH_REPO:-}" ] && [ -d "$BENCH_REPO/.git" ]; then
	cd "$BENCH_REPO"
	measure_only=1
elif [ -n "${BENCH_REPO:-}" ]; then
	mkdir -p "$BENCH_REPO"
	cd "$BENCH_REPO"
	measure_only=0
else
	repo=$(mktemp -d "${TMPDIR:-/tmp}/copylint-bench-XXXXXX")
	cd "$repo"
	measure_only=0
fi
if [ "$measure_only" = 0 ]; then
git init -q -b main .
git config user.name bench
git config user.email bench@example.org
# One commit of $files articles, 100 per folder, each a few paragraphs.
echo "building a repository of $files Markdown files in $(pwd) ..." >&2
awk -v n="$files" 'BEGIN {
	print "commit refs/heads/main"
	print "committer bench <bench@example.org> 1700000000 +0000"
	print "data 7"; print "initial"
	for (i = 0; i < n; i++) {
		body = sprintf("# Article %d\n\nThe first paragraph of article %d says what happened.\n\n" \
			"A second paragraph adds a quote and a date, 12 March 2024.\n\n" \
			"- a list item\n- another item\n\nThe closing paragraph of article %d.\n", i, i, i)
		printf "M 100644 inline content/%03d/article-%05d.md\n", i / 100, i
		printf "data %d\n%s\n", length(body), body
	}
}' | git fast-import --quiet
git checkout -q main

# The commit in progress: three articles edited and staged.
for i in 00017 12345 49999; do
	n=$(echo "$i" | sed 's/^0*//')
	f=content/$(printf '%03d' $((${n:-0} / 100)))/article-$i.md
	[ -f "$f" ] || continue
	printf '\nA new paragraph written for this commit, with a new sentence.\n' >> "$f"
	git add "$f"
done
fi

rules_off=""
for rule in $("$copylint" rules | awk '{print $1}'); do
	rules_off="$rules_off --rule $rule=off"
done

# Median wall time in milliseconds of $runs runs of the command.
median() {
	i=0
	while [ $i -lt "$runs" ]; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		end=$(date +%s%N)
		echo $(( (end - start) / 1000 ))
		i=$((i + 1))
	done | sort -n | awk '{ a[NR] = $1 } END {
		m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
		printf "%.1f", m / 1000 }'
}

# Mean CPU time (user + system) in milliseconds per run: less disturbed
# than wall time when other work shares the machine.
cpu() {
	(
		i=0
		while [ $i -lt "$runs" ]; do
			"$@" >/dev/null 2>&1 || true
			i=$((i + 1))
		done
		times
	) | tail -n 1 | awk -v n="$runs" '{
		total = 0
		for (f = 1; f <= 2; f++) {
			split($f, part, "m"); sub("s", "", part[2])
			total += part[1] * 60 + part[2]
		}
		printf "%.1f", total * 1000 / n }'
}

echo "staged: $(git diff --cached --name-only | tr '\n' ' ')" >&2
git_ms=$(median git diff --cached --name-only)
# shellcheck disable=SC2086
collect_ms=$(median "$copylint" check --staged --quiet $rules_off)
check_ms=$(median "$copylint" check --staged --quiet --no-cache)
"$copylint" check --staged --quiet >/dev/null 2>&1 || true  # fills the spelling cache
warm_ms=$(median "$copylint" check --staged --quiet)
git_cpu=$(cpu git diff --cached --name-only)
# shellcheck disable=SC2086
collect_cpu=$(cpu "$copylint" check --staged --quiet $rules_off)
check_cpu=$(cpu "$copylint" check --staged --quiet --no-cache)
warm_cpu=$(cpu "$copylint" check --staged --quiet)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

printf 'files: %s, runs: %s; wall: median, CPU: mean user+system (the machine may be shared)\n' \
	"$files" "$runs"
printf '                                      wall       CPU\n'
printf '  git diff --cached --name-only   %8s ms %8s ms\n' "$git_ms" "$git_cpu"
printf '  copylint collection (rules off) %8s ms %8s ms   %sx / %sx git (target <= 2x)\n' \
	"$collect_ms" "$collect_cpu" "$(ratio "$collect_ms" "$git_ms")" "$(ratio "$collect_cpu" "$git_cpu")"
printf '  copylint check --staged         %8s ms %8s ms   (--no-cache; target <= 100 ms + dictionary loading)\n' \
	"$check_ms" "$check_cpu"
printf '  the same, spelling cache warm   %8s ms %8s ms   (the dictionary is not loaded)\n' \
	"$warm_ms" "$warm_cpu"
