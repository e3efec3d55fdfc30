#!/usr/bin/env bash
# check: gcc-only
# The single-file build behaves like the library: make dist-single, then
# build every codec unit test against build/dist/tkt.c (not libtkt.a) with
# strict warnings under gcc and clang, and run it.
set -u
cd "$(dirname "$0")/../.."
pass=0; fail=0
out=build/dist-test
rm -rf "$out"; mkdir -p "$out"
if ! bash scripts/amalgamate.sh build/dist >"$out/amalgamate.log" 2>&1; then
	echo "FAIL amalgamation: $(cat "$out/amalgamate.log")"; echo "dist: 0 passed, 1 failed"; exit 1
fi
flags="-std=c99 -Wall -Wextra -Werror -pedantic -O1 -g"
for cc in gcc clang; do
	if $cc $flags -c build/dist/tkt.c -o "$out/tkt-$cc.o" 2>"$out/err"; then
		pass=$((pass+1)); echo "ok   tkt.c compiles alone with $cc"
	else
		fail=$((fail+1)); echo "FAIL tkt.c with $cc: $(head -5 "$out/err")"; continue
	fi
	for t in tests/unit/test_*.c; do
		[ -f "$t" ] || continue
		name=$(basename "$t" .c)
		case $name in test_seal_*|test_bearssl_*) continue ;; esac
		# Tests that include private src/ headers are not single-file clients.
		grep -qE '#include "(codec|seal|bearssl)/' "$t" && continue
		if ! $cc $flags -Ibuild/dist/include -Itests "$t" "$out/tkt-$cc.o" -o "$out/$name-$cc" 2>"$out/err"; then
			fail=$((fail+1)); echo "FAIL build $name against tkt.c ($cc): $(head -3 "$out/err")"; continue
		fi
		if "$out/$name-$cc" >"$out/$name-$cc.log" 2>&1; then
			pass=$((pass+1)); echo "ok   $name against tkt.c ($cc): $(tail -1 "$out/$name-$cc.log")"
		else
			fail=$((fail+1)); echo "FAIL $name against tkt.c ($cc)"; tail -5 "$out/$name-$cc.log"
		fi
	done
done
echo "dist: $pass passed, $fail failed"
[ $fail -eq 0 ]
