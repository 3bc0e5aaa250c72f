#!/bin/sh
# Installs the Debian packages copylint needs to build, test and run that are
# not installed yet (nothing when all are). Works on a minimal Debian 12 with
# no compiler; uses sudo when not run as root.
set -eu

PACKAGES="build-essential cmake pkg-config git
 libicu-dev libhunspell-dev libgit2-dev libyaml-dev libmd4c-dev
 libjansson-dev libxxhash-dev libxml2-dev libcriterion-dev
 hunspell-en-us hunspell-en-gb hunspell-cs hunspell-de-de hunspell-fr
 hunspell-pl hunspell-ru python3 python3-jsonschema python3-yaml python3-rfc3987"

missing=""
for pkg in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $pkg"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	as_root=""
elif command -v sudo >/dev/null 2>&1; then
	as_root="sudo"
else
	echo "copylint: these packages are missing and installing them needs root:$missing" >&2
	exit 2
fi
echo "Installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -q >/dev/null
# shellcheck disable=SC2086
$as_root apt-get install -y -q --no-install-recommends $missing >/dev/null
