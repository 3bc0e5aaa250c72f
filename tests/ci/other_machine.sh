#!/bin/sh
# The test suite once more on "another machine": a translator's, with a
# dictionary for every language copylint knows (a tiny one, that knows one
# word, for each the system lacks: a test that takes a language to have no
# dictionary would now find misspellings), a git config that changes what git
# does, a Turkish locale, a far time zone, an unwritable cache folder and the
# variables of a CI. The tests set what they rely on, so it passes as the
# plain run does.
#   tests/ci/other_machine.sh [BUILD_DIR]    (default build/)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/dict"
sed -n 's/^SPELL_DICT("[^"]*", "\([^"]*\)".*/\1/p' src/checks/spelling.def | tr ' ' '\n' | sort -u |
	while read -r name; do
		for folder in /usr/share/hunspell /usr/share/myspell /usr/share/myspell/dicts; do
			[ -f "$folder/$name.aff" ] && continue 2
		done
		printf 'SET UTF-8\n' >"$tmp/dict/$name.aff"
		printf '1\nzzzz\n' >"$tmp/dict/$name.dic"
	done

mkdir -p "$tmp/home/.config/git" "$tmp/home/hooks"
printf '*.md\n*.txt\n' >"$tmp/home/ignore"
printf '#!/bin/sh\nexit 1\n' >"$tmp/home/hooks/pre-commit"
chmod +x "$tmp/home/hooks/pre-commit"
cat >"$tmp/home/.gitconfig" <<CONFIG
[init]
	defaultBranch = trunk
[commit]
	gpgsign = true
[core]
	autocrlf = true
	excludesFile = $tmp/home/ignore
	hooksPath = $tmp/home/hooks
	quotePath = false
[diff]
	renames = false
[status]
	showUntrackedFiles = no
[user]
	useConfigOnly = true
CONFIG
cp "$tmp/home/.gitconfig" "$tmp/home/.config/git/config"

echo "other machine: $(ls "$tmp/dict" | grep -c '\.dic$') extra dictionaries, a hostile git config, tr_TR, UTC+14, CI variables"
DICPATH="$tmp/dict" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
	XDG_CACHE_HOME=/nonexistent/cache LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 TZ=Pacific/Kiritimati \
	CI=true GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=nowhere \
	GITHUB_STEP_SUMMARY="$tmp/summary" GITLAB_CI=true CI_MERGE_REQUEST_DIFF_BASE_SHA=0000000 \
	CI_PIPELINE_SOURCE=merge_request_event NO_COLOR= \
	"$build/tests/copylint_tests" --jobs "$(nproc)"
