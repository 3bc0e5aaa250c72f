#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for SECONDS (default
# 30) from its seed corpus. A crash fails the run and leaves the input in
# build-fuzz/findings/.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-30}
sh ci/bootstrap.sh
for pkg in clang libclang-rt-14-dev; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && continue
	[ "$(id -u)" -eq 0 ] && as_root="" || as_root="sudo"
	DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends "$pkg" >/dev/null
done
cmake -S . -B build-fuzz -DCOPYLINT_FUZZ=ON -DCOPYLINT_TESTS=OFF -DCMAKE_C_COMPILER=clang \
	-DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" >/dev/null
mkdir -p build-fuzz/findings
for target in check config glob front_matter; do
	work=build-fuzz/corpus-$target
	mkdir -p "$work"
	echo "fuzz_$target: ${seconds}s"
	build-fuzz/fuzz/fuzz_$target -max_total_time="$seconds" -max_len=8192 -timeout=20 \
		-artifact_prefix=build-fuzz/findings/ -print_final_stats=0 "$work" "fuzz/corpus/$target" \
		> "build-fuzz/fuzz_$target.log" 2>&1 || { tail -40 "build-fuzz/fuzz_$target.log"; exit 1; }
	grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "build-fuzz/fuzz_$target.log" | tail -1
done
