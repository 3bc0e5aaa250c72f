#!/bin/sh
# Builds the Debian package and tests it: lintian (no errors), then on a
# fresh minimal Debian 12 (debootstrap into a temporary folder, chroot):
# `apt-get install ./copylint_*.deb` with nothing else installed by hand,
# and `copylint check` on examples/. Needs root, debootstrap and lintian
# (installed when missing), and the Debian mirror. Takes minutes: it is not
# part of .ci/run.
#   sh ci/deb-test.sh [BUILD_DIR]     (default build-deb)
set -eu
cd "$(dirname "$0")/.."
. ci/chroot.sh
build=${1:-build-deb}
root=$(mktemp -d)
trap 'chroot_remove "$root"' EXIT INT TERM
tally_name="deb-test"
. ci/tally.sh

cmake -S . -B "$build" -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=Release -DCOPYLINT_TESTS=OFF >/dev/null
cmake --build "$build" --parallel 2 >/dev/null
rm -f "$build"/copylint_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/copylint_*.deb)
version=$(sed -n 's/^#define COPYLINT_VERSION "\(.*\)"/\1/p' include/copylint/copylint.h)
expect "package file" "$build/copylint_${version}_$(dpkg --print-architecture).deb" "$deb"
dpkg-deb --field "$deb" Package Version Depends Recommends Suggests >&2

command -v lintian >/dev/null 2>&1 || apt-get install -y -q lintian >/dev/null
if lintian --fail-on error --tag-display-limit 0 "$deb" >&2; then ok; else fail "lintian reports errors"; fi

chroot_new "$root"
cp "$deb" "$root/tmp/"
cp -r examples "$root/tmp/examples"
chroot "$root" sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/copylint_*.deb' >"$root.apt.log" 2>&1 ||
	{ tail -n 30 "$root.apt.log" >&2; fail "apt-get install ./copylint_*.deb"; }
rm -f "$root.apt.log"
expect "installed version" "copylint $version" "$(chroot "$root" copylint version)"
expect "hunspell-en-us came as recommended" "install ok installed" \
	"$(chroot "$root" dpkg-query -W -f='${Status}' hunspell-en-us 2>/dev/null)"
status=0
chroot "$root" sh -c 'cd /tmp && copylint check --no-cache examples' >"$root.out" 2>"$root.err" || status=$?
expect "copylint check examples: exit status" 1 "$status"
expect "a planted defect found" 1 "$(grep -c 'seed-article.txt:3:1: warning: heading .* repeats an earlier heading \[repeated-heading\]' "$root.out")"
expect "English spelling with the recommended dictionary" 0 "$(grep -c 'no Hunspell dictionary for en' "$root.err")"
grep 'notice' "$root.err" >&2 || true
rm -f "$root.out" "$root.err"

tally_end
