#!/bin/sh
# The Containerfile's build stage, also run by ci/container-test.sh in a
# chroot: on Debian 12, install what building needs, build copylint for
# /usr and make its Debian package in OUT.
#   sh ci/container/build.sh SOURCE OUT
set -eu
src=$1
out=$2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends build-essential cmake pkg-config file dpkg-dev \
	libicu-dev libhunspell-dev libgit2-dev libyaml-dev libmd4c-dev libjansson-dev \
	libxxhash-dev libxml2-dev >/dev/null
cmake -S "$src" -B /tmp/copylint-build -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=Release \
	-DCOPYLINT_TESTS=OFF >/dev/null
cmake --build /tmp/copylint-build --parallel "$(nproc)" >/dev/null
(cd /tmp/copylint-build && cpack -G DEB >/dev/null)
mkdir -p "$out"
cp /tmp/copylint-build/copylint_*.deb "$out/"
