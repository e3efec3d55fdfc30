#!/usr/bin/env bash
# check: gcc-only
# make install into a staging DESTDIR, then build and run a program with
# nothing but pkg-config's flags (static and shared), then make uninstall
# and check that nothing is left behind.
set -u
cd "$(dirname "$0")/../.."
pass=0; fail=0
ok()  { pass=$((pass+1)); echo "ok   $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }
stage=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$stage" "$log"' EXIT
prefix=/opt/tkt-test
# Reuse the gcc build of check.sh (only the PIC objects are added).
O=${1:-build/install-test}

if make -s O=$O PREFIX=$prefix DESTDIR="$stage" install >"$log" 2>&1; then
	ok "make install PREFIX=$prefix DESTDIR=..."
else
	bad "make install: $(tail -5 "$log")"; echo "install: $pass passed, $fail failed"; exit 1
fi
root="$stage$prefix"
for f in $(cd include && ls tkt/*.h | sed 's|^|include/|') lib/libtkt.a \
	lib/libtkt.so lib/pkgconfig/tkt.pc bin/tkt; do
	[ -e "$root/$f" ] && ok "installed $f" || bad "missing $f"
done
soname=$(readelf -d "$root/lib/libtkt.so" 2>/dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ -n "$soname" ] && [ -e "$root/lib/$soname" ] && ok "soname $soname" || bad "soname missing"

export PKG_CONFIG_PATH="$root/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage"
cflags=$(pkg-config --cflags tkt) && libs=$(pkg-config --libs tkt) && libs_static=$(pkg-config --static --libs tkt)
ver=$(pkg-config --modversion tkt)
want=$(sed -n 's/^#define TKT_VERSION_STRING "\(.*\)"/\1/p' include/tkt/version.h)
[ "$ver" = "$want" ] && ok "pkg-config version $ver" || bad "pkg-config version '$ver' != '$want'"

# shellcheck disable=SC2086
if gcc -std=c99 -Wall -Wextra -Werror -pedantic $cflags tests/vendor/example.c -o "$stage/ex-shared" $libs \
	&& LD_LIBRARY_PATH="$root/lib" "$stage/ex-shared" >/dev/null; then
	ok "shared link with pkg-config flags"
else
	bad "shared link with pkg-config flags"
fi
# shellcheck disable=SC2086
if gcc -std=c99 -Wall -Wextra -Werror -pedantic $cflags tests/vendor/example.c -o "$stage/ex-static" \
	-Wl,-Bstatic $(pkg-config --libs-only-L tkt) -ltkt -Wl,-Bdynamic $(echo "$libs_static" | tr ' ' '\n' | grep -v -- '-ltkt' | tr '\n' ' ') \
	&& "$stage/ex-static" >/dev/null; then
	ok "static link with pkg-config --static flags"
else
	bad "static link"
fi
[ "$("$root/bin/tkt" --version 2>/dev/null | tr -d '\n')" != "" ] && ok "installed tkt runs" || bad "installed tkt --version"

make -s O=$O PREFIX=$prefix DESTDIR="$stage" uninstall >/dev/null 2>&1
left=$(find "$root" -type f -o -type l 2>/dev/null)
[ -z "$left" ] && ok "make uninstall removes everything" || bad "left after uninstall: $left"
echo "install: $pass passed, $fail failed"
[ $fail -eq 0 ]
