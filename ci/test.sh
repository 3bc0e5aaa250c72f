#!/bin/sh
# The second quick-start command, and what CI runs: install what is missing,
# build with warnings as errors, run every test.
#   ci/test.sh              a normal build in build/
#   ci/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer in build-sanitize/
set -eu
cd "$(dirname "$0")/.."
sh ci/bootstrap.sh

dir=build
flags="-DCOPYLINT_WERROR=ON"
if [ "${1:-}" = "--sanitize" ]; then
	dir=build-sanitize
	flags="$flags -DCOPYLINT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"
	export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
	export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi
# shellcheck disable=SC2086
cmake -S . -B "$dir" $flags >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
# Criterion prints its own summary line ("Synthesis: Tested: N | Passing: ...").
"$dir/tests/copylint_tests" --jobs "$(nproc)"
