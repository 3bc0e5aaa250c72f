#!/bin/sh
# Benchmark (not a test): stale-translation and the history walk on a
# synthetic site with a long history.
#
#   sh bench/history.sh [COPYLINT] [RUNS] [ARTICLES] [COMMITS]
#
# COPYLINT defaults to build/copylint, RUNS to 5, ARTICLES to 7000,
# COMMITS to 10000. The repository (git fast-import, under a temporary
# folder, removed at the end; BENCH_REPO=folder keeps it there) holds
# English articles in content/en/<section>/ and French, German and
# Japanese translations of most of them, then COMMITS - 1 commits that
# edit a source or bring a translation up to date (a few rename a page in
# every language, pure renames), and halfway one mass reformat of every
# page marked [i18n-ignore]. Prints the median wall time of RUNS runs of:
#   check        copylint check of every translation, stale-translation
#                alone, against every rule off (the same collection and
#                parsing): what the one walk over history costs a run
#   staged       copylint check --staged on a one-file commit, with and
#                without stale-translation: a translation whose front
#                matter names a source commit COMMITS/3 back, and a source
#                (its translations left behind)
#   status       copylint status, when the binary has the command
# Targets: --staged adds at most 100 ms; status at most 2 s.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
copylint=${1:-$here/build/copylint}
runs=${2:-5}
articles=${3:-7000}
commits=${4:-10000}
case $copylint in /*) ;; *) copylint=$(pwd)/$copylint ;; esac
[ -x "$copylint" ] || { echo "no copylint binary at $copylint (build it first)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench/history.sh needs python3 to write the history" >&2; exit 2; }

repo=""
trap '${repo:+rm -rf "$repo"}' EXIT INT TERM
if [ -n "${BENCH_REPO:-}" ]; then
	mkdir -p "$BENCH_REPO"
	cd "$BENCH_REPO"
else
	repo=$(mktemp -d "${TMPDIR:-/tmp}/copylint-history-XXXXXX")
	cd "$repo"
fi

if [ ! -d .git ]; then
echo "building $articles articles, $commits commits in $(pwd) ..." >&2
git init -q -b main .
git config user.name bench
git config user.email bench@example.org
python3 - "$articles" "$commits" <<'EOF' | git fast-import --quiet
import random, sys

articles, commits = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(14)
langs = {"fr": 0.9, "de": 0.7, "ja": 0.5}
pages = {}          # path -> text
names = []          # article i -> its name under content/<lang>/
out = sys.stdout.buffer

def body(i, lang, version):
    words = {"en": "The", "fr": "Le", "de": "Der", "ja": "この"}[lang]
    parts = [f"# {words} article {i}\n"]
    for s in range(4):
        parts.append(f"\n## {words} section {s}\n\n{words} paragraph {s} of article {i}, version {version}: "
                     "a sentence or two of ordinary prose about the subject.\n")
    return "".join(parts)

def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")

def commit(n, message, changes):
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer bench <bench@example.org> %d +0000\n" % (1700000000 + 60 * n))
    data(message)
    for change in changes:
        out.write(change[0])
        if len(change) > 1:
            data(change[1])

def path(lang, i):
    return f"content/{lang}/{names[i]}"

initial = []
for i in range(articles):
    names.append(f"s{i // 100:02d}/article-{i:05d}.md")
    for lang in ["en"] + [l for l, share in langs.items() if rng.random() < share]:
        pages[path(lang, i)] = body(i, lang, 0)
        initial.append((b"M 100644 inline %s\n" % path(lang, i).encode(), pages[path(lang, i)]))
commit(0, "Import the site", initial)

for n in range(1, commits):
    if n == commits // 2:
        changes = []
        for p in sorted(pages):
            pages[p] = pages[p].replace(": a sentence", ":\na sentence")
            changes.append((b"M 100644 inline %s\n" % p.encode(), pages[p]))
        commit(n, "Wrap lines after colons [i18n-ignore]", changes)
        continue
    i = rng.randrange(articles)
    roll = rng.random()
    if roll < 0.01:
        old = names[i]
        names[i] = old.replace(".md", "-renamed.md")
        changes = []
        for lang in ["en"] + list(langs):
            o, p = f"content/{lang}/{old}", path(lang, i)
            if o in pages:
                pages[p] = pages.pop(o)
                changes.append((b"R %s %s\n" % (o.encode(), p.encode()),))
        commit(n, f"Rename article {i}", changes)
        continue
    lang = "en" if roll < 0.65 else rng.choice(list(langs))
    p = path(lang, i)
    if p not in pages:
        lang, p = "en", path("en", i)
    pages[p] = body(i, lang, n)
    commit(n, f"{lang}: update article {i}", [(b"M 100644 inline %s\n" % p.encode(), pages[p])])
EOF
git checkout -q main
git commit-graph write --reachable 2>/dev/null || true
fi

# The staged one-file commits: a translation that names a source commit a
# third of the history back (its source unchanged since, then one whose
# source changed since: the walk goes back to that commit), and a source.
base=$(git rev-list --max-count=1 --skip=$((commits / 3)) HEAD)
unchanged=""
for f in $(git ls-files 'content/fr/s05/*'); do
	if [ -z "$(git log --format=%h "$base..HEAD" -- "content/en/${f#content/fr/}" | head -n 1)" ]; then
		unchanged=$f
		break
	fi
done
changed=""
for f in $(git log --format= --name-only -n 200 -- content/en); do
	if [ -f "content/fr/${f#content/en/}" ]; then
		changed=content/fr/${f#content/en/}
		break
	fi
done
source=$(git ls-files 'content/en/s07/*' | head -n 1)
stage_translation() {
	translation=$1
	git reset -q
	git checkout -q -- .
	printf -- '---\ndefault_lang_commit: %s\n---\n' "$base" > "$translation.new"
	cat "$translation" >> "$translation.new"
	mv "$translation.new" "$translation"
	git add "$translation"
}
stage_source() {
	git reset -q
	git checkout -q -- .
	sed 's/paragraph 1 of/paragraph one of/' "$source" > "$source.new"
	mv "$source.new" "$source"
	git add "$source"
}

off_except() {
	for rule in $("$copylint" rules | awk '{print $1}'); do
		[ "$rule" = "$1" ] || printf -- '--rule %s=off ' "$rule"
	done
}
all_off=$(off_except none)
only_stale=$(off_except stale-translation)

# Median wall time in milliseconds of $runs runs of the command, and the
# mean CPU time (user + system): on a shared machine the CPU figure is the
# one to compare.
measure() {
	printf '%s ms wall, %s ms CPU' "$(median "$@")" "$(cpu "$@")"
}

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
		printf "%.0f", total * 1000 / n }'
}

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

files=$(git ls-files 'content/fr' 'content/de' 'content/ja' | wc -l)
printf 'history: %s commits, %s files (%s translations); runs: %s\n' \
	"$(git rev-list --count HEAD)" "$(git ls-files | wc -l)" "$files" "$runs"

# shellcheck disable=SC2086
check_off=$(measure "$copylint" check --quiet --fail-on never $all_off content/fr content/de content/ja)
# shellcheck disable=SC2086
check_on=$(measure "$copylint" check --quiet --fail-on never $only_stale content/fr content/de content/ja)
# shellcheck disable=SC2086
stale_count=$("$copylint" check --quiet --fail-on never --format json $only_stale content/fr content/de content/ja |
	grep -c '"message":"behind its source' || true)
printf '  check of every translation, every rule off:       %s\n' "$check_off"
printf '  the same, stale-translation on:                   %s (%s translations behind)\n' \
	"$check_on" "$stale_count"

# Spelling off: loading a dictionary is not what is measured here.
for translation in "$unchanged" "$changed"; do
	stage_translation "$translation"
	staged_off=$(measure "$copylint" check --staged --quiet --fail-on never --rule spelling=off \
		--rule stale-translation=off)
	staged_on=$(measure "$copylint" check --staged --quiet --fail-on never --rule spelling=off)
	what="its source unchanged since"
	[ "$translation" = "$changed" ] && what="its source changed since"
	printf '  check --staged, a translation, rule off:          %s\n' "$staged_off"
	printf '  the same, rule on (base %s commits back, %s): %s (target: at most 100 ms more)\n' \
		"$((commits / 3))" "$what" "$staged_on"
done
stage_source
staged_off=$(measure "$copylint" check --staged --quiet --fail-on never --rule spelling=off \
	--rule stale-translation=off)
staged_on=$(measure "$copylint" check --staged --quiet --fail-on never --rule spelling=off)
printf '  check --staged, a source, rule off:               %s\n' "$staged_off"
printf '  the same, rule on (its translations left behind): %s (target: at most 100 ms more)\n' \
	"$staged_on"
git reset -q
git checkout -q -- .

if "$copylint" status --help >/dev/null 2>&1; then
	printf '  status:                                           %s (target: at most 2000 ms)\n' \
		"$(measure "$copylint" status)"
else
	echo "  status: this copylint has no status command"
fi
