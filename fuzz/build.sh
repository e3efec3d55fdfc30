#!/usr/bin/env bash
# fuzz/build.sh -- build tkt's fuzz targets, OSS-Fuzz style.
#
# Follows the OSS-Fuzz / ClusterFuzzLite build.sh convention, so the project
# can be onboarded as it is:
#   CC                  compiler (default clang)
#   CFLAGS              instrumentation and sanitizer flags for every object
#                       (default: ASan + UBSan + libFuzzer coverage)
#   LIB_FUZZING_ENGINE  what provides main() (default -fsanitize=fuzzer;
#                       AFL++: /usr/lib/afl/libAFLDriver.a)
#   OUT                 where fuzz_<target>, .dict, .options and
#                       _seed_corpus.zip go (default build/fuzz/libfuzzer)
# and tkt's own knobs:
#   TARGETS             space-separated target names (default: every
#                       fuzz/fuzz_*.c)
#   FUZZ_WERROR         1 (default) compiles the harnesses and the codec with
#                       the project's warning set and -Werror
#   FUZZ_SEED_ZIP       1 (default) writes $OUT/fuzz_<t>_seed_corpus.zip
#   FUZZ_STANDALONE     1 links fuzz/replay_main.c instead of the engine
#                       (plain replay driver: coverage and regression runs)
#
# Every fuzz/fuzz_<t>.c is one target; its seeds are corpus/<t>/. Targets
# that need the seal layer or the BearSSL integration (src/bearssl) link
# -lbearssl when src/seal exists.
# Exit status: non-zero if any target failed to build (the others are
# still built, and the failures are listed).
set -u
cd "$(dirname "$0")/.."
root=$PWD

CC=${CC:-clang}
CFLAGS=${CFLAGS:--O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -fsanitize=fuzzer-no-link}
LIB_FUZZING_ENGINE=${LIB_FUZZING_ENGINE:--fsanitize=fuzzer}
OUT=${OUT:-$root/build/fuzz/libfuzzer}
FUZZ_WERROR=${FUZZ_WERROR:-1}
FUZZ_SEED_ZIP=${FUZZ_SEED_ZIP:-1}
FUZZ_STANDALONE=${FUZZ_STANDALONE:-0}

mkdir -p "$OUT"
obj=$OUT/obj
rm -rf "$obj"
mkdir -p "$obj"

warn=""
if [ "$FUZZ_WERROR" = 1 ]; then
	warn="-std=c99 -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
-Wmissing-prototypes -Wcast-qual -Wconversion -Wsign-conversion"
fi
# shellcheck disable=SC2086
cflags="$warn $CFLAGS -I$root/include -I$root/src -D_DEFAULT_SOURCE"

if [ -z "${TARGETS:-}" ]; then
	TARGETS=""
	for f in fuzz/fuzz_*.c; do
		t=$(basename "$f" .c); TARGETS="$TARGETS ${t#fuzz_}"
	done
fi

# The library under test, compiled once with the same instrumentation.
lib_src=(src/codec/*.c)
libs=()
if ls src/seal/*.c >/dev/null 2>&1; then
	lib_src+=(src/seal/*.c)
	libs+=(-lbearssl)
fi
# The BearSSL integration (fuzz_bearssl); it needs the seal layer.
if ls src/bearssl/*.c >/dev/null 2>&1; then
	lib_src+=(src/bearssl/*.c)
fi
lib_obj=()
fail=0
for s in "${lib_src[@]}"; do
	o=$obj/lib_$(echo "${s%.c}" | tr / _).o
	# shellcheck disable=SC2086
	if ! $CC $cflags -c "$s" -o "$o"; then
		echo "build.sh: cannot compile $s" >&2
		fail=1
		continue
	fi
	lib_obj+=("$o")
done
# An archive, so that a target links only the objects it needs (the codec
# targets must not depend on the seal layer's BearSSL).
rm -f "$obj/libtkt_fuzz.a"
ar rcs "$obj/libtkt_fuzz.a" "${lib_obj[@]}" || exit 1
# shellcheck disable=SC2086
$CC $cflags -c fuzz/spec_mirror.c -o "$obj/spec_mirror.o" || exit 1

engine=$LIB_FUZZING_ENGINE
if [ "$FUZZ_STANDALONE" = 1 ]; then
	# shellcheck disable=SC2086
	$CC $cflags -c fuzz/replay_main.c -o "$obj/replay_main.o" || exit 1
	engine=$obj/replay_main.o
fi

built=(); failed=()
for t in $TARGETS; do
	src=fuzz/fuzz_$t.c
	if [ ! -f "$src" ]; then
		echo "build.sh: no such target: $t" >&2; failed+=("$t"); continue
	fi
	# shellcheck disable=SC2086
	if $CC $cflags -c "$src" -o "$obj/fuzz_$t.o" &&
	   $CC $CFLAGS "$obj/fuzz_$t.o" "$obj/spec_mirror.o" "$obj/libtkt_fuzz.a" \
		$engine "${libs[@]}" -o "$OUT/fuzz_$t"; then
		built+=("$t")
	else
		failed+=("$t"); continue
	fi
	# Engine options next to the binary (OSS-Fuzz reads <target>.options).
	dict=fuzz/$t.dict
	[ -f "$dict" ] || dict=fuzz/tls.dict
	cp "$dict" "$OUT/fuzz_$t.dict"
	printf '[libfuzzer]\nmax_len = 65545\ndict = fuzz_%s.dict\n' "$t" \
		>"$OUT/fuzz_$t.options"
	if [ "$FUZZ_SEED_ZIP" = 1 ] && [ -d "corpus/$t" ]; then
		python3 - "$OUT/fuzz_${t}_seed_corpus.zip" "corpus/$t" <<'EOF'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for d in ("valid", "invalid"):
        p = os.path.join(sys.argv[2], d)
        if os.path.isdir(p):
            for f in sorted(os.listdir(p)):
                if f != "README.md":
                    z.write(os.path.join(p, f), d + "-" + f)
EOF
	fi
done
echo "build.sh: built ${#built[@]} target(s) in $OUT: ${built[*]}"
if [ ${#failed[@]} -gt 0 ]; then
	echo "build.sh: FAILED: ${failed[*]}" >&2
	exit 1
fi
exit $fail
