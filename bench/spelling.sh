#!/bin/sh
# Spelling speed and memory, side by side on the same files: copylint's
# `spelling` rule alone, `hunspell -l` and `aspell list --mode=markdown`.
#
#   bench/spelling.sh CORPUS [LANG...]      (default languages: en cs)
#
# CORPUS is the folder that ../shared/corpus/build-corpus.sh builds (it holds
# CORPUS/<lang>/...; the corpus/ folder inside its output also works). Never
# commit a corpus. Environment: RUNS (default 3) runs per measurement, the
# median is printed; COPYLINT (default build/copylint); JOBS (default 2) for
# the multi-threaded copylint run; ARTICLE (default examples/seed-article.txt)
# for the pre-commit case, measured with RUNS_SMALL (default 11) runs;
# PEERS=no measures copylint alone (hunspell takes minutes per run).
# Reports go to /dev/null through standard output (--output would first hold
# the whole report in memory).
#
# Also prints how much of a cold run is libhunspell's own work (load,
# lookups, destroy), timed by the LD_PRELOAD shim bench/hunspell-time.c,
# which it compiles with $CC (default cc).
#
# Needs hunspell, aspell with the aspell-<lang> dictionaries and GNU time
# (/usr/bin/time); installs what is missing when run as root on Debian.
set -eu

usage() {
	echo "usage: bench/spelling.sh CORPUS [LANG...]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
corpus=$1
shift
[ -d "$corpus" ] || { echo "bench: $corpus is not a folder" >&2; exit 2; }
[ -d "$corpus/corpus" ] && corpus="$corpus/corpus"
[ $# -gt 0 ] || set -- en cs

here=$(cd "$(dirname "$0")/.." && pwd)
copylint=${COPYLINT:-$here/build/copylint}
runs=${RUNS:-3}
runs_small=${RUNS_SMALL:-11}
jobs=${JOBS:-2}
article=${ARTICLE:-$here/examples/seed-article.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

[ -x "$copylint" ] || { echo "bench: build copylint first ($copylint)" >&2; exit 2; }

# Debian language -> Hunspell dictionary, aspell dictionary, aspell package.
dict_for() {
	case $1 in
	en) echo "en_US en_US aspell-en" ;;
	cs) echo "cs_CZ cs aspell-cs" ;;
	de) echo "de_DE de_DE aspell-de" ;;
	fr) echo "fr_FR fr aspell-fr" ;;
	pl) echo "pl_PL pl aspell-pl" ;;
	ru) echo "ru_RU ru aspell-ru" ;;
	*) echo "bench: no dictionaries known for $1" >&2; exit 2 ;;
	esac
}

install_missing() {
	missing=""
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
			missing="$missing $pkg"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench: please install:$missing" >&2
		exit 2
	fi
	echo "bench: installing:$missing" >&2
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
}

# Runs "$@" once; appends "seconds peak_kb cpu_seconds" to $work/times
# (CPU time, user + system, says more than wall time on a loaded machine).
measure() {
	/usr/bin/time -f '%e %M %U %S' -o "$work/one" "$@" >/dev/null 2>"$work/stderr" || true
	awk '{ print $1, $2, $3 + $4 }' "$work/one" | tail -n 1 >>"$work/times"
	return 0
}

# The median of column $1 of $work/times.
median() {
	sort -n -k "$1" "$work/times" | awk -v col="$1" '{ v[NR] = $col } END {
		if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_one LABEL N COMMAND...: prints label, median wall seconds, MB/s,
# median CPU seconds, median peak MB.
bench_one() {
	label=$1
	n=$2
	shift 2
	: >"$work/times"
	i=0
	while [ "$i" -lt "$n" ]; do
		measure "$@"
		i=$((i + 1))
	done
	seconds=$(median 1)
	peak_kb=$(median 2)
	cpu=$(median 3)
	awk -v l="$label" -v s="$seconds" -v b="$bytes" -v m="$peak_kb" -v c="$cpu" 'BEGIN {
		mbs = s > 0 ? b / 1e6 / s : 0
		printf "  %-28s %8.2f s %7.1f MB/s %8.2f s CPU %7.1f MB peak\n", l, s, mbs, c, m / 1024 }'
	echo "$seconds $cpu" >"$work/last"
}

wall() { echo "$1" | cut -d' ' -f1; }
cpu() { echo "$1" | cut -d' ' -f2; }

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'
}

install_missing hunspell aspell time

# libhunspell's own share of one cold run (bench/hunspell-time.c): its
# dictionary load and one lookup per distinct word bound any checker built
# on it from below.
shim="$work/hunspell-time.so"
${CC:-cc} -O2 -shared -fPIC "$here/bench/hunspell-time.c" -o "$shim" -ldl 2>/dev/null || shim=""
hunspell_share() {
	[ -n "$shim" ] || return 0
	HUNSPELL_TIME_OUT="$work/share" LD_PRELOAD="$shim" "$@" >/dev/null 2>&1 || true
	[ -s "$work/share" ] || return 0
	awk '{ printf "  inside libhunspell (1 thread, cold): load %.2f s, %d lookups %.2f s, " \
		"destroy %.2f s: %.2f s in all\n", $2, $4, $5, $7, $2 + $5 + $7 }' "$work/share"
	awk '{ print $2 + $5 + $7 }' "$work/share" >"$work/share_total"
	rm -f "$work/share"
}

# Every rule but spelling off (untranslated too: the core still marks the
# paragraphs in another language, which spelling skips).
only_spelling=$("$copylint" rules | awk '$1 != "spelling" { printf "--rule %s=off ", $1 }')
COPYLINT_CACHE_DIR="$work/cache"  # the warm runs' cache; the cold runs pass --no-cache
export COPYLINT_CACHE_DIR
cache=$COPYLINT_CACHE_DIR

for lang in "$@"; do
	[ -d "$corpus/$lang" ] || { echo "bench: no $corpus/$lang" >&2; exit 2; }
	# shellcheck disable=SC2046
	set -- $(dict_for "$lang")
	hun=$1
	asp=$2
	install_missing "$3"
	find "$corpus/$lang" -type f -name '*.md' | LC_ALL=C sort >"$work/files"
	xargs cat <"$work/files" >"$work/all.md"
	bytes=$(wc -c <"$work/all.md")
	nfiles=$(wc -l <"$work/files")
	echo "$lang: $nfiles files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, median of $runs runs"
	# Cold: no cache of spelling answers (--no-cache), every run loads the
	# dictionary. Warm: a cache folder that one earlier run filled. The
	# checkstyle format shows no suggestions, as hunspell -l shows none
	# (formats that show them spend at most 0.25 s CPU per thread on them).
	# shellcheck disable=SC2086
	bench_one "copylint (1 thread, cold)" "$runs" "$copylint" check --jobs 1 --no-cache --lang "$lang" $only_spelling \
		--format checkstyle --fail-on never "$corpus/$lang"
	cl1=$(cat "$work/last")
	# shellcheck disable=SC2086
	hunspell_share "$copylint" check --jobs 1 --no-cache --lang "$lang" $only_spelling --format checkstyle \
		--fail-on never "$corpus/$lang"
	# shellcheck disable=SC2086
	bench_one "copylint (--jobs $jobs, cold)" "$runs" "$copylint" check --no-cache --lang "$lang" $only_spelling \
		--jobs "$jobs" --format checkstyle --fail-on never "$corpus/$lang"
	cl2=$(cat "$work/last")
	rm -rf "$cache"
	# shellcheck disable=SC2086
	"$copylint" check --lang "$lang" $only_spelling --format checkstyle \
		--fail-on never "$corpus/$lang" >/dev/null 2>&1 || true
	# shellcheck disable=SC2086
	bench_one "copylint (1 thread, warm)" "$runs" "$copylint" check --jobs 1 --lang "$lang" \
		$only_spelling --format checkstyle --fail-on never "$corpus/$lang"
	clw=$(cat "$work/last")
	[ "${PEERS:-yes}" = no ] && continue
	bench_one "hunspell -l -d $hun" "$runs" sh -c "hunspell -l -d $hun <'$work/all.md'"
	hs=$(cat "$work/last")
	bench_one "aspell list --lang=$asp" "$runs" sh -c "aspell list --mode=markdown --lang=$asp <'$work/all.md'"
	as=$(cat "$work/last")
	echo "  hunspell/copylint: $(ratio "$(wall "$hs")" "$(wall "$cl1")") wall," \
		"$(ratio "$(cpu "$hs")" "$(cpu "$cl1")") CPU single-threaded;" \
		"$(ratio "$(wall "$hs")" "$(wall "$cl2")") wall with --jobs $jobs;" \
		"warm cache: $(ratio "$(wall "$hs")" "$(wall "$clw")") wall, $(ratio "$(cpu "$hs")" "$(cpu "$clw")") CPU"
	[ -s "$work/share_total" ] && awk -v h="$(wall "$hs")" -v t="$(cat "$work/share_total")" 'BEGIN {
		printf "  20x hunspell -l leaves %.2f s; libhunspell alone took %.2f s of the cold run\n", h / 20, t }'
	echo "  aspell/copylint:   $(ratio "$(wall "$as")" "$(wall "$cl1")") wall," \
		"$(ratio "$(cpu "$as")" "$(cpu "$cl1")") CPU single-threaded; warm cache:" \
		"$(ratio "$(cpu "$as")" "$(cpu "$clw")") CPU (above 1x: copylint is faster)"
done

if [ -f "$article" ]; then
	bytes=$(wc -c <"$article")
	echo "pre-commit: one article ($bytes bytes), median of $runs_small runs"
	# shellcheck disable=SC2086
	bench_one "copylint check (cold)" "$runs_small" "$copylint" check --no-cache --lang en-US $only_spelling \
		--fail-on never "$article"
	cl=$(cat "$work/last")
	rm -rf "$cache"
	# shellcheck disable=SC2086
	"$copylint" check --lang en-US $only_spelling --fail-on never "$article" >/dev/null 2>&1 || true
	# shellcheck disable=SC2086
	bench_one "copylint check (warm)" "$runs_small" "$copylint" check --lang en-US \
		$only_spelling --fail-on never "$article"
	clw=$(cat "$work/last")
	bench_one "hunspell loading en_US" "$runs_small" sh -c "hunspell -l -d en_US </dev/null"
	hs=$(cat "$work/last")
	bench_one "aspell list (en_US)" "$runs_small" sh -c "aspell list --mode=markdown --lang=en_US <'$article'"
	echo "  copylint/hunspell-load: $(ratio "$(wall "$cl")" "$(wall "$hs")") wall," \
		"$(ratio "$(cpu "$cl")" "$(cpu "$hs")") CPU cold (target: at most 1.5x);" \
		"$(ratio "$(wall "$clw")" "$(wall "$hs")") wall warm"
fi
