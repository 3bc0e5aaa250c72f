#!/bin/sh
# Runs the Containerfile's steps where no container engine runs: its build
# stage in a chroot of a fresh minimal Debian 12, its final stage in
# another, then, as the image would, `copylint check` in /work as the user
# copylint, on examples/. Prints what the final stage added. Needs root and
# debootstrap; takes minutes (a full build): not part of .ci/run.
#   sh ci/container-test.sh
set -eu
cd "$(dirname "$0")/.."
. ci/chroot.sh
build_root=$(mktemp -d)
run_root=$(mktemp -d)
trap 'chroot_remove "$build_root"; chroot_remove "$run_root"' EXIT INT TERM
tally_name="container-test"
. ci/tally.sh

# FROM debian:bookworm AS build; COPY . /src (less .dockerignore); RUN build.sh
chroot_new "$build_root"
mkdir "$build_root/src"
tar --exclude='./build*' --exclude=./.git -cf - . | tar -x -C "$build_root/src"
chroot "$build_root" sh /src/ci/container/build.sh /src /out

# FROM debian:bookworm-slim; COPY --from=build ...; RUN runtime.sh
chroot_new "$run_root"
before=$(du -sm --exclude=proc "$run_root" | cut -f1)
mkdir -p "$run_root/tmp/copylint"
cp "$build_root"/out/copylint_*.deb ci/container/runtime.sh "$run_root/tmp/copylint/"
chroot "$run_root" sh -c 'sh /tmp/copylint/runtime.sh /tmp/copylint && rm -rf /tmp/copylint'
after=$(du -sm --exclude=proc "$run_root" | cut -f1)
echo "container-test: the final system is $after MB (the base with package lists: $before MB)" >&2

# USER copylint; WORKDIR /work; ENTRYPOINT ["copylint"]; CMD ["check"]
cp -r examples "$run_root/work/examples"
chown -R 10001:10001 "$run_root/work/examples"
as_user() {
	chroot --userspec=10001:10001 "$run_root" env -i HOME=/home/copylint PATH=/usr/bin:/bin sh -c "cd /work && $1"
}
expect "user" "copylint" "$(as_user 'id -un')"
status=0
as_user 'copylint check' >"$run_root.out" 2>"$run_root.err" || status=$?
expect "copylint check in /work: exit status" 1 "$status"
expect "a planted defect found" 1 "$(grep -c 'seed-article.txt:3:1: .*\[repeated-heading\]' "$run_root.out")"
expect "every example's dictionary installed" 0 "$(grep -c 'no Hunspell dictionary' "$run_root.err")"
expect "spelling answers cached in the user's home" "yes" \
	"$(as_user 'ls ~/.cache/copylint' | grep -q . && echo yes || echo no)"
rm -f "$run_root.out" "$run_root.err"

tally_end
