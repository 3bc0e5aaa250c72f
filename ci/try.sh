#!/bin/sh
# The first quick-start command: install what is missing, build, and check
# the sample articles in examples/.
set -eu
cd "$(dirname "$0")/.."
sh ci/bootstrap.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$(nproc)" >/dev/null
status=0
./build/copylint check examples || status=$?
if [ "$status" -eq 1 ]; then
	echo "(copylint exited 1: it found the defects planted in the samples, as it should)"
	exit 0
fi
exit "$status"
