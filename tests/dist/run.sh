#!/usr/bin/env bash
# check: gcc-only
# The single-file build behaves like the library: amalgamate (as `make
# dist-single` does), then build every codec unit test against tkt.c (not
# libtkt.a) with strict warnings, and run it; tkt.c itself must compile
# with gcc and clang. The amalgamation with the seal layer (`make
# dist-single SEAL=1`) must compile alone too, and run the README's server
# example (tkt_seal, tkt_open, the codec) linked with BearSSL only.
set -u
cd "$(dirname "$0")/../.."
pass=0; fail=0
ok()  { pass=$((pass+1)); echo "ok   $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if ! bash scripts/amalgamate.sh "$out/codec" >"$out/amalgamate.log" 2>&1 \
	|| ! bash scripts/amalgamate.sh "$out/seal" seal >>"$out/amalgamate.log" 2>&1; then
	echo "FAIL amalgamation: $(cat "$out/amalgamate.log")"; echo "dist: 0 passed, 1 failed"; exit 1
fi
# Every codec source is in the amalgamation, and nothing else.
want=$(ls src/codec/*.c | sort)
got=$(sed -n 's/^#line 1 "\(src\/[a-z]*\/[a-z_0-9]*\.c\)"$/\1/p' "$out/codec/tkt.c" | sort)
[ "$want" = "$got" ] && ok "tkt.c holds exactly src/codec/*.c ($(echo "$got" | wc -l) files)" \
	|| bad "tkt.c sources differ from src/codec/*.c: $(diff <(echo "$want") <(echo "$got") | tr '\n' ' ')"
want=$(ls src/codec/*.c src/seal/*.c | sort)
got=$(sed -n 's/^#line 1 "\(src\/[a-z]*\/[a-z_0-9]*\.c\)"$/\1/p' "$out/seal/tkt.c" | sort)
[ "$want" = "$got" ] && ok "tkt.c with seal holds exactly src/codec/*.c and src/seal/*.c" \
	|| bad "tkt.c (seal) sources differ: $(diff <(echo "$want") <(echo "$got") | tr '\n' ' ')"

flags="-std=c99 -Wall -Wextra -Werror -pedantic -O1 -g"
for cc in gcc clang; do
	if $cc $flags -c "$out/codec/tkt.c" -o "$out/tkt-$cc.o" 2>"$out/err"; then
		ok "tkt.c compiles alone with $cc"
	else
		bad "tkt.c with $cc: $(head -5 "$out/err")"; continue
	fi
	# The unit tests run once, on the gcc build of tkt.c (clang's object
	# is checked to compile and, below, to run the server example).
	for t in tests/unit/test_*.c; do
		[ "$cc" = gcc ] && [ -f "$t" ] || continue
		name=$(basename "$t" .c)
		case $name in test_seal_*|test_bearssl_*) continue ;; esac
		# Tests that include private src/ headers are not single-file clients.
		grep -qE '#include "(codec|seal|bearssl)/' "$t" && continue
		# -D_DEFAULT_SOURCE as the Makefile builds the tests (clock_gettime).
		if ! $cc $flags -D_DEFAULT_SOURCE -I"$out/codec/include" -Itests "$t" "$out/tkt-$cc.o" \
			-o "$out/$name-$cc" 2>"$out/err"; then
			bad "build $name against tkt.c ($cc): $(head -3 "$out/err")"; continue
		fi
		if "$out/$name-$cc" >"$out/$name-$cc.log" 2>&1; then
			ok "$name against tkt.c ($cc): $(tail -1 "$out/$name-$cc.log")"
		else
			bad "$name against tkt.c ($cc)"; tail -5 "$out/$name-$cc.log"
		fi
	done

	# With the seal layer: one file plus BearSSL.
	if $cc $flags -D_DEFAULT_SOURCE -c "$out/seal/tkt.c" -o "$out/tkt-seal-$cc.o" 2>"$out/err"; then
		ok "tkt.c with seal compiles alone with $cc"
	else
		bad "tkt.c with seal, $cc: $(head -5 "$out/err")"; continue
	fi
	if $cc $flags -I"$out/seal/include" examples/server_resume.c "$out/tkt-seal-$cc.o" -lbearssl \
		-o "$out/server_resume-$cc" 2>"$out/err" && "$out/server_resume-$cc" >"$out/sr.log" 2>&1; then
		ok "examples/server_resume.c on tkt.c with seal ($cc): $(head -1 "$out/sr.log")"
	else
		bad "examples/server_resume.c on tkt.c with seal ($cc): $(head -3 "$out/err" "$out/sr.log" 2>/dev/null)"
	fi
done
echo "dist: $pass passed, $fail failed"
[ $fail -eq 0 ]
