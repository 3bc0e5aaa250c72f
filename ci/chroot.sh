# Sourced by ci/deb-test.sh and ci/container-test.sh: a fresh minimal
# Debian 12 in a folder, to chroot into. Needs root and debootstrap (and
# the Debian mirror that apt here uses). The first one is kept as a tarball
# ($COPYLINT_CHROOT_CACHE) so that later ones take seconds.

chroot_mirror() {  # the mirror this machine's apt uses, else Debian's
	sed -n 's/^URIs: *//p; s/^deb \(\[[^]]*\] \)\{0,1\}\(http[^ ]*\) bookworm .*/\2/p' \
		/etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
		grep -v security | head -n 1 | grep . || echo http://deb.debian.org/debian
}

# chroot_new DIR: a fresh minbase bookworm in DIR, with /proc mounted, DNS
# and the package lists ready.
chroot_new() {
	cache=${COPYLINT_CHROOT_CACHE:-/var/tmp/copylint-bookworm-minbase.tar}
	mkdir -p "$1"
	if [ -s "$cache" ]; then
		tar -C "$1" -xf "$cache"
	else
		command -v debootstrap >/dev/null 2>&1 || apt-get install -y -q debootstrap >/dev/null
		debootstrap --variant=minbase bookworm "$1" "$(chroot_mirror)" >"$1.debootstrap.log" 2>&1 ||
			{ tail -n 20 "$1.debootstrap.log" >&2; return 1; }
		rm -f "$1.debootstrap.log"
		tar -C "$1" -cf "$cache.tmp" . && mv "$cache.tmp" "$cache"
	fi
	cp /etc/resolv.conf "$1/etc/resolv.conf"
	mount -t proc proc "$1/proc"
	chroot "$1" apt-get update -q >/dev/null
}

# chroot_remove DIR: unmounts and deletes it.
chroot_remove() {
	[ -d "$1" ] || return 0
	umount "$1/proc" 2>/dev/null || true
	rm -rf "$1"
}
