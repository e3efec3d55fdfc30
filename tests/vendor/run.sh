#!/usr/bin/env bash
# check: gcc-only
# The codec stands alone: copy include/tkt/ and src/codec/ (and nothing
# else) into an empty directory and build a small program with plain gcc
# and clang, strict warnings, no build system of ours, no BearSSL. Also
# checks that `make prove` covers exactly the vendored sources.
set -u
cd "$(dirname "$0")/../.."
pass=0; fail=0
ok()  { pass=$((pass+1)); echo "ok   $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/vendor/include" "$tmp/vendor/src"
cp -r include/tkt "$tmp/vendor/include/"
cp -r src/codec "$tmp/vendor/src/"
cp tests/vendor/example.c "$tmp/"

flags="-std=c99 -Wall -Wextra -Werror -pedantic -O2"
for cc in gcc clang; do
	for arch in "" -m32; do
		runs=1
		if [ -n "$arch" ]; then
			if ! echo 'int main(void){return 0;}' | $cc $arch -x c - -o "$tmp/probe" 2>/dev/null; then
				echo "skip $cc $arch: no 32-bit toolchain on this machine"
				continue
			fi
			# A container's kernel may lack 32-bit support: build only.
			"$tmp/probe" 2>/dev/null || runs=0
		fi
		if $cc $flags $arch -I"$tmp/vendor/include" "$tmp/example.c" "$tmp"/vendor/src/codec/*.c \
			-o "$tmp/example" 2>"$tmp/err"; then
			if [ $runs -eq 0 ]; then ok "standalone build with $cc $arch (not run: this kernel does not execute 32-bit binaries)"
			elif "$tmp/example" >"$tmp/out" 2>&1; then ok "standalone build and run with $cc $arch"
			else bad "example failed with $cc $arch: $(cat "$tmp/out")"; fi
		else
			bad "standalone build with $cc $arch: $(head -5 "$tmp/err")"
		fi
	done
done

# Only the C basics are included by the codec.
extra=$(grep -hoE '#include[[:space:]]*[<"][^>"]+[>"]' src/codec/*.c src/codec/*.h 2>/dev/null \
	| sed -E 's/#include[[:space:]]*//' | sort -u \
	| grep -vE '^<(stdint|stddef|string)\.h>$|^"tkt/[a-z_]+\.h"$|^"[a-z_]+\.h"$|^"tkt_spec\.h"$')
if [ -z "$extra" ]; then ok "codec includes only stdint/stddef/string and its own headers"
else bad "codec includes: $extra"; fi

# The proofs cover exactly the vendored sources (prove.sh proves src/codec/*.c).
proved=$(sed -n 's/^\s*files=(\(src\/codec\/\*\.c\))$/\1/p' proofs/prove.sh)
if [ "$proved" = "src/codec/*.c" ]; then ok "make prove covers src/codec/*.c, the vendored set"
else bad "prove.sh does not cover exactly src/codec/*.c"; fi

echo "vendor: $pass passed, $fail failed"
[ $fail -eq 0 ]
