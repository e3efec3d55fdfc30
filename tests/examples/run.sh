#!/usr/bin/env bash
# tests/examples/run.sh BUILD_DIR -- the README's examples cannot rot:
# build examples/*.c with strict warnings against BUILD_DIR/libtkt.a (the
# client example also against the bare codec sources, as a vendoring
# project would), run them, and check that every block README.md quotes
# between "README: ... begin/end" markers is the file's text verbatim.
# Each must compile with gcc and clang (the last one built is run); against
# an ASan+UBSan build (its libtkt.a references __asan_*), with clang and
# the same sanitizers.
# Closing line "examples: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/examples/run.sh BUILD_DIR}
pass=0; fail=0
ok()  { pass=$((pass+1)); echo "ok   $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

compilers="gcc clang"
san=
if nm -A "$build/libtkt.a" 2>/dev/null | grep -q '__asan_'; then
	compilers=clang
	san="-fsanitize=address,undefined -fno-sanitize-recover=all"
fi
flags="-std=c99 -Wall -Wextra -Werror -pedantic -Wshadow -Wconversion -Wsign-conversion -O1 -g $san"

build_and_run() {   # name, expected output pattern, compile arguments...
	local name=$1 want=$2 cc; shift 2
	for cc in $compilers; do
		# shellcheck disable=SC2086
		if ! $cc $flags -Iinclude "$@" -o "$tmp/$name" 2>"$tmp/$name.err"; then
			bad "$name does not build with $cc: $(head -5 "$tmp/$name.err")"; return
		fi
	done
	ok "$name builds with $compilers"
	if "$tmp/$name" >"$tmp/$name.out" 2>&1 && grep -qE "$want" "$tmp/$name.out"; then
		ok "$name runs: $(head -1 "$tmp/$name.out")"
	else
		bad "$name run: $(head -5 "$tmp/$name.out")"
	fi
}

build_and_run server_resume '^resumed: version 0x0303, suite 0xc02f' \
	examples/server_resume.c "$build/libtkt.a" -lbearssl
build_and_run client_ticket '^second ClientHello: .* ticket of 5 bytes' \
	examples/client_ticket.c "$build/libtkt.a"
build_and_run client_ticket_vendored '^second ClientHello' \
	examples/client_ticket.c src/codec/*.c

# README.md quotes each marked region verbatim inside a ```c block.
python3 - README.md examples/*.c <<'PY' && ok "README quotes the examples verbatim" || bad "README and examples/ differ"
import re, sys
readme = open(sys.argv[1]).read()
blocks = re.findall(r"```c\n(.*?)```", readme, re.S)
found = 0
for path in sys.argv[2:]:
    text = open(path).read()
    for m in re.finditer(r"/\* README: (\w+) example begin \*/\n(.*?)/\* README: \1 example end \*/\n", text, re.S):
        found += 1
        if not any(m.group(2) in b for b in blocks):
            print("README.md does not quote the %s example of %s verbatim" % (m.group(1), path))
            sys.exit(1)
if found < 2:
    print("expected at least 2 marked regions, found %d" % found)
    sys.exit(1)
PY
echo "examples: $pass passed, $fail failed"
[ $fail -eq 0 ]
