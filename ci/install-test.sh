#!/bin/sh
# Tests `cmake --install` of a build (default build/): into a temporary
# prefix and with DESTDIR, every file where it belongs; a C program built
# against the installed library with pkg-config; the installed binary on
# examples/; and the installed dictionaries found relative to the prefix,
# also after the prefix is moved.
#   sh ci/install-test.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tally_name="install-test"
. ci/tally.sh

prefix="$tmp/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/copylint include/copylint/copylint.h share/copylint/dictionaries/en.txt \
	share/man/man1/copylint.1.gz share/man/man5/copylint.yml.5.gz \
	share/bash-completion/completions/copylint share/zsh/vendor-completions/_copylint \
	share/fish/vendor_completions.d/copylint.fish; do
	if [ -f "$prefix/$f" ]; then ok; else fail "missing $f"; fi
done
libdir=$(dirname "$(find "$prefix" -name libcopylint.a)")
for f in libcopylint.a libcopylint.so libcopylint.so.0 pkgconfig/copylint.pc; do
	if [ -e "$libdir/$f" ]; then ok; else fail "missing ${libdir#"$prefix"/}/$f"; fi
done
expect "SONAME" "libcopylint.so.0" \
	"$(readelf -d "$libdir/libcopylint.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')"
expect "the shared library's real name" "libcopylint.so.0.1.0" "$(readlink "$libdir/libcopylint.so.0")"
expect "symbols exported other than copylint_*" "" \
	"$(nm -D --defined-only "$libdir/libcopylint.so" | awk '$2 ~ /[TDBR]/ && $3 !~ /^copylint_/ { print $3 }')"
expect "pc prefix" "prefix=$prefix" "$(grep '^prefix=' "$libdir/pkgconfig/copylint.pc")"
if command -v man >/dev/null 2>&1; then  # man-db: the pages render without a warning
	for page in "$prefix/share/man/man1/copylint.1.gz" "$prefix/share/man/man5/copylint.yml.5.gz"; do
		expect "man warnings in $page" "" "$(man --warnings -l "$page" 2>&1 >/dev/null)"
	done
fi
if bash -n "$prefix/share/bash-completion/completions/copylint"; then ok; else fail "bash completion syntax"; fi

# A word only the installed word list knows: found there, the installed
# dictionaries are used (and not the source tree's).
word=Zqxwvianism
echo "$word" >>"$prefix/share/copylint/dictionaries/en.txt"
text="$word said the the thing."

export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror -o "$tmp/embed" tests/install/embed.c $(pkg-config --cflags --libs copylint)
expect "embed (shared library)" "copylint 0.1.0
repeated-word 1:22" "$(LD_LIBRARY_PATH="$libdir" "$tmp/embed" "$text")"
expect "embed links libcopylint.so.0" "1" "$(LD_LIBRARY_PATH="$libdir" ldd "$tmp/embed" | grep -c "libcopylint.so.0 => $libdir")"

check_word() {  # the installed binary, with the test word
	printf '%s\n' "$text" | "$1" check --no-cache --lang en-US --stdin-filename a.md --format json - |
		grep -o '"rule": *"[a-z-]*"' | tr -d ' ' | tr '\n' ' '
}
expect "installed binary" '"rule":"repeated-word" ' "$(check_word "$prefix/bin/copylint")"
status=0
"$prefix/bin/copylint" check --no-cache --quiet examples >"$tmp/examples.txt" || status=$?
expect "installed binary on examples/: exit status" 1 "$status"
expect "installed binary on examples/: same findings as the build" \
	"$("$build/copylint" check --no-cache --quiet examples || true)" "$(cat "$tmp/examples.txt")"

mv "$prefix" "$tmp/moved"
expect "binary of a moved prefix" '"rule":"repeated-word" ' "$(check_word "$tmp/moved/bin/copylint")"
moved_lib="$tmp/moved${libdir#"$prefix"}"
expect "embed with a moved prefix" "copylint 0.1.0
repeated-word 1:22" "$(LD_LIBRARY_PATH="$moved_lib" "$tmp/embed" "$text")"

DESTDIR="$tmp/stage" cmake --install "$build" --prefix /usr >/dev/null
if [ -x "$tmp/stage/usr/bin/copylint" ]; then ok; else fail "DESTDIR: no usr/bin/copylint"; fi
expect "DESTDIR: pc prefix" "prefix=/usr" "$(grep -h '^prefix=' "$(find "$tmp/stage" -name copylint.pc)")"

tally_end
