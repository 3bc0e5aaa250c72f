#!/bin/sh
# The Containerfile's final stage, also run by ci/container-test.sh in a
# chroot: on debian:bookworm-slim, install the package from DIR with the
# common Hunspell dictionaries and git, add the user copylint runs as, and
# leave no package lists behind.
#   sh ci/container/runtime.sh DIR
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "$1"/copylint_*.deb git ca-certificates \
	hunspell-en-us hunspell-en-gb hunspell-de-de hunspell-fr hunspell-es hunspell-it \
	hunspell-pt-br hunspell-pt-pt hunspell-nl hunspell-pl hunspell-cs hunspell-ru >/dev/null
apt-get clean
rm -rf /var/lib/apt/lists/*
useradd --create-home --uid 10001 --user-group --shell /bin/sh copylint
mkdir -p /work
chown copylint:copylint /work
