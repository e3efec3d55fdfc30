#!/usr/bin/env bash
# check: gcc-only
# tests/configs/run.sh BUILD_DIR -- the compile-time options of
# include/tkt/config.h. For each configuration (each option alone, then
# all of them together):
#   - gcc builds the library (codec, seal, bearssl) and every unit test
#     with the Makefile's warnings (-Werror) at -O2, and runs the tests,
#     which check the documented TKT_ERR_UNSUPPORTED refusals where the
#     full build accepts (tests/unit/*.c, #ifdef TKT_NO_...);
#   - clang compiles the same sources with the same warnings
#     (-fsyntax-only: clang's warnings all come from its front end);
#     the unit tests are compiled at -O1 (their speed does not matter);
#   - the left-out functions are absent from the library, and a call to
#     one that is no longer declared fails to compile (it compiles in the
#     default build: the control);
#   - the option makes the code of its layer smaller.
# Also checks that tkt/config.h enables no option as committed (the
# proofs, fuzzers and other tests run the default configuration).
#
# Time: a source whose preprocessed text is the same as in the default
# build gives the same object and the same warnings, so it is compiled
# once (default) and reused; only the sources an option changes are
# compiled again. BUILD_DIR is accepted as every tests/*/run.sh takes
# one; this script builds in its own temporary directory.
set -u
cd "$(dirname "$0")/../.."
pass=0; fail=0
ok()  { pass=$((pass+1)); echo "ok   $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$SECONDS

warn=$(make -s --no-print-directory --eval 'configs-print-warn: ; @echo $(WARN)' configs-print-warn)
flags="-std=c99 $warn -O2 -Iinclude -D_DEFAULT_SOURCE -Isrc -Itests"
libs="-lbearssl -lpthread"
lib_src=(src/codec/*.c src/seal/*.c src/bearssl/*.c)
test_src=(tests/unit/test_*.c)
configs=(
	"default:"
	"no-cert-identity:-DTKT_NO_CERT_IDENTITY"
	"no-state-extensions:-DTKT_NO_STATE_EXTENSIONS"
	"no-gcm:-DTKT_NO_GCM"
	"no-keyfiles:-DTKT_NO_KEYFILES"
	"all:-DTKT_NO_CERT_IDENTITY -DTKT_NO_STATE_EXTENSIONS -DTKT_NO_GCM -DTKT_NO_KEYFILES"
)

# As committed, config.h defines no option.
if grep -qE '^[[:space:]]*#[[:space:]]*define[[:space:]]+TKT_NO_' include/tkt/config.h; then
	bad "include/tkt/config.h enables an option as committed"
else
	ok "include/tkt/config.h enables no option as committed"
fi

# obj_name SRC -> flat object name
obj_name() { local s=${1//\//_}; echo "${s%.c}.o"; }

# differs NAME DEFS: the sources whose preprocessed text (gcc -E) differs
# from the default build's, one a line in $tmp/NAME.todo. The TKT_NO_*
# conditionals do not depend on the compiler, so clang uses the same list.
differs() {
	local name=$1 defs=$2 f o
	mkdir -p "$tmp/pp-$name"
	: >"$tmp/$name.todo"
	for f in "${lib_src[@]}" "${test_src[@]}"; do
		o=$(obj_name "$f")
		# shellcheck disable=SC2086
		gcc $flags $defs -E -P "$f" >"$tmp/pp-$name/$o.i" 2>/dev/null || true
		if [ "$name" = default ] || ! cmp -s "$tmp/pp-$name/$o.i" "$tmp/pp-default/$o.i"; then
			echo "$f" >>"$tmp/$name.todo"
		fi
	done
}

# build CC NAME DEFS: compile (gcc: -c, clang: -fsyntax-only) the sources
# of $tmp/NAME.todo, in two jobs; reuse the default's object for the
# others. Errors in $tmp/CC-NAME/err/*.
build() {
	local cc=$1 name=$2 defs=$3 d="$tmp/$1-$2" f o todo=()
	mkdir -p "$d/obj" "$d/err"
	mapfile -t todo <"$tmp/$name.todo"
	if [ "$cc" = gcc ] && [ "$name" != default ]; then
		for f in "${lib_src[@]}" "${test_src[@]}"; do
			grep -qxF "$f" "$tmp/$name.todo" && continue
			o=$(obj_name "$f")
			ln "$tmp/$cc-default/obj/$o" "$d/obj/$o"
		done
	fi
	echo "${#todo[@]}" >"$d/compiled"
	[ ${#todo[@]} -eq 0 ] && return 0
	# shellcheck disable=SC2016
	printf '%s\n' "${todo[@]}" | CC=$cc FLAGS="$flags $defs" D=$d xargs -P 2 -I{} bash -c '
		f={}; s=${f//\//_}; o=${s%.c}.o
		case $f in tests/*) FLAGS="$FLAGS -O1" ;; esac
		if [ "$CC" = gcc ]; then $CC $FLAGS -c "$f" -o "$D/obj/$o" 2>"$D/err/$o.txt"
		else $CC $FLAGS -fsyntax-only "$f" 2>"$D/err/$o.txt"; fi || echo "$f" >>"$D/failed"'
}

for c in "${configs[@]}"; do
	name=${c%%:*}; defs=${c#*:}
	differs "$name" "$defs"
	for cc in gcc clang; do
		# The default build is compiled with clang by `make check` itself.
		[ "$name" = default ] && [ "$cc" = clang ] && continue
		build "$cc" "$name" "$defs"
		d="$tmp/$cc-$name"
		if [ -s "$d/failed" ]; then
			while read -r f; do
				bad "$name: $cc $f: $(grep -m3 ': error' "$d/err/$(obj_name "$f").txt" | tr '\n' ' ')"
			done <"$d/failed"
		else
			ok "$name: $cc compiles library and unit tests, -Werror ($(cat "$d/compiled") sources differ from the default build)"
		fi
	done
	[ "$name" = default ] && continue
	d="$tmp/gcc-$name"
	[ -s "$d/failed" ] && continue
	objs=()
	for f in "${lib_src[@]}"; do objs+=("$d/obj/$(obj_name "$f")"); done
	ar rcs "$d/libtkt.a" "${objs[@]}"
	# The unit tests, each against this configuration's library. A test
	# whose object and the objects of the layers it links (the codec; the
	# seal and bearssl layers too for a test that includes their headers
	# or sources) are all the default's is the default's program, run by
	# `make unit`: not run again.
	codec_same=1; upper_same=1
	grep -q '^src/codec/' "$tmp/$name.todo" && codec_same=0
	grep -qE '^src/(seal|bearssl)/' "$tmp/$name.todo" && upper_same=0
	run=(); same=()
	for t in "${test_src[@]}"; do
		tn=$(basename "$t" .c)
		if ! grep -qxF "$t" "$tmp/$name.todo" && [ $codec_same = 1 ] &&
			{ [ $upper_same = 1 ] ||
			  ! grep -qE '#include "(tkt/(seal|bearssl)\.h|seal/|bearssl/|\.\./)' "$t"; }; then
			same+=("$tn"); continue
		fi
		# shellcheck disable=SC2086
		if ! gcc -o "$d/$tn" "$d/obj/$(obj_name "$t")" "$d/libtkt.a" $libs 2>"$d/link.txt"; then
			bad "$name: link $tn: $(head -3 "$d/link.txt" | tr '\n' ' ')"; continue
		fi
		run+=("$tn")
	done
	# shellcheck disable=SC2016
	printf '%s\n' "${run[@]}" | D=$d xargs -P 2 -I{} bash -c '"$D/{}" >"$D/{}.out" 2>&1 || echo {} >>"$D/tests-failed"'
	for tn in "${run[@]}"; do
		if grep -qxF "$tn" "$d/tests-failed" 2>/dev/null; then
			bad "$name: $tn: $(grep -m5 -E 'FAILED|failed' "$d/$tn.out" | tr '\n' ' ')"
		fi
	done
	if [ ! -s "$d/tests-failed" ]; then
		n=0
		for tn in "${run[@]}"; do
			n=$((n + $(tail -1 "$d/$tn.out" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
		done
		ok "$name: ${#run[@]} unit test programs pass ($n checks)${same:+; identical to the default build: ${same[*]}}"
	fi

	# What the option leaves out is not in the library.
	syms=$(nm --defined-only "$d/libtkt.a" 2>/dev/null | awk '$2 == "T" { print $3 }')
	absent() { # PATTERN WHAT
		if echo "$syms" | grep -qE "$1"; then bad "$name: $2 still defined: $(echo "$syms" | grep -E "$1" | tr '\n' ' ')"
		else ok "$name: $2 not in the library"; fi
	}
	case $defs in *TKT_NO_CERT_IDENTITY*) absent '^tkt_state_next_cert$' tkt_state_next_cert ;; esac
	case $defs in *TKT_NO_GCM*) absent '^tkt_gcm_' "tkt_gcm_*" ;; esac
	case $defs in *TKT_NO_KEYFILES*) absent '^tkt_(keyfile|kf|b64)_' "tkt_keyfile_*, tkt_kf_*, tkt_b64_*" ;; esac

	# A call to a function the option removes from the headers does not
	# compile; the same program compiles in the default build (control).
	nocall() { # FUNCTION CALL HEADER
		printf '#include "tkt/%s"\nint f(void);\nint f(void) { return (int)(%s); }\n' "$3" "$2" >"$tmp/call.c"
		# shellcheck disable=SC2086
		if ! gcc $flags -c "$tmp/call.c" -o "$tmp/call.o" 2>/dev/null; then
			bad "$name: control: a call to $1 does not compile in the default build"
		elif gcc $flags $defs -c "$tmp/call.c" -o "$tmp/call.o" 2>/dev/null; then
			bad "$name: a call to $1 still compiles"
		else
			ok "$name: a call to $1 is a compile error"
		fi
	}
	case $defs in *TKT_NO_CERT_IDENTITY*) nocall tkt_state_next_cert 'tkt_state_next_cert(0, 0, 0)' codec.h ;; esac
	case $defs in *TKT_NO_KEYFILES*) nocall tkt_keyfile_parse 'tkt_keyfile_parse(TKT_KEYFILE_TKT, 0, 0, 0, 0, 0)' seal.h ;; esac

	# Smaller than the default build, in the layer the option is about.
	text() { # DIR LAYER -> total .text of the layer's objects
		local f o=()
		for f in src/"$2"/*.c; do o+=("$1/obj/$(obj_name "$f")"); done
		size -t "${o[@]}" | tail -1 | awk '{ print $1 }'
	}
	case $defs in *TKT_NO_GCM*|*TKT_NO_KEYFILES*) layer=seal ;; *) layer=codec ;; esac
	full=$(text "$tmp/gcc-default" $layer); here=$(text "$d" $layer)
	if [ "$here" -lt "$full" ]; then ok "$name: $layer text $here bytes < $full (default, gcc -O2)"
	else bad "$name: $layer text $here bytes, not below the default's $full"; fi
done

# The single-file build (make dist-single SEAL=1) honours the options:
# tkt.c compiles with all four, and its tkt.h carries config.h.
if bash scripts/amalgamate.sh "$tmp/dist" seal >"$tmp/dist.log" 2>&1; then
	all=${configs[${#configs[@]}-1]#*:}
	for cc in gcc clang; do
		# shellcheck disable=SC2086
		if $cc -std=c99 $warn -D_DEFAULT_SOURCE $all -fsyntax-only "$tmp/dist/tkt.c" 2>"$tmp/dist.err"; then
			ok "dist-single tkt.c (with seal) compiles with all four options ($cc, -Werror)"
		else
			bad "dist-single tkt.c with all four options ($cc): $(grep -m3 ': error' "$tmp/dist.err" | tr '\n' ' ')"
		fi
	done
	grep -q '^#define TKT_CONFIG_H' "$tmp/dist/tkt.h" && ok "dist-single tkt.h holds tkt/config.h" \
		|| bad "dist-single tkt.h does not hold tkt/config.h"
else
	bad "dist-single: $(tail -3 "$tmp/dist.log" | tr '\n' ' ')"
fi

echo "configs: $((SECONDS - start)) s"
echo "configs: $pass passed, $fail failed"
[ $fail -eq 0 ]
