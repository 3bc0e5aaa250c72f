# shellcheck shell=sh disable=SC2154  # tally_name is set by the script that sources this
# Sourced by the ci/ test scripts: counts checks and prints one summary.
#   tally_name=NAME; . ci/tally.sh
#   expect WHAT EXPECTED ACTUAL | ok | fail MESSAGE
#   tally_end        (prints "NAME: N passed, N failed"; fails when any failed)
failures=0
passes=0
ok() { passes=$((passes + 1)); }
fail() { echo "$tally_name: FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {  # expect WHAT EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then ok; else fail "$1: expected '$2', got '$3'"; fi
}
tally_end() {
	echo "$tally_name: $passes passed, $failures failed"
	[ "$failures" -eq 0 ]
}
