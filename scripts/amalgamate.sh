#!/usr/bin/env bash
# make dist-single: produce OUT/tkt.h and OUT/tkt.c, the whole codec (and,
# with the argument "seal", the seal layer) as one header and one source,
# for projects that vendor a single file. Generated from the sources, never
# edited by hand; the unit tests run against it (tests/dist/run.sh).
#
# Headers keep their own include guards, so OUT/include/tkt/<name>.h shims
# let code written for the normal layout compile unchanged against it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/dist}
layers=(codec)
[ "${2:-}" = seal ] && layers+=(seal)

# config.h first: its options (tkt.h is the place to enable them) come
# before every header that tests them.
headers=(include/tkt/config.h include/tkt/status.h include/tkt/version.h include/tkt/codec.h)
[ "${2:-}" = seal ] && headers+=(include/tkt/seal.h)
mkdir -p "$out/include/tkt"
version=$(sed -n 's/^#define TKT_VERSION_STRING "\(.*\)"/\1/p' include/tkt/version.h)

strip_local_includes() {
	# Public headers are all in tkt.h; private headers are inlined once.
	grep -vE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(tkt/[a-z_]+\.h|[a-z_]+_internal\.h|[a-z_]+\.h)"' "$1" || true
}

{
	echo "/* tkt.h -- tkt $version, amalgamated by scripts/amalgamate.sh. Do not edit. */"
	echo "#ifndef TKT_AMALGAMATED_H"
	echo "#define TKT_AMALGAMATED_H"
	echo "#include <stddef.h>"
	echo "#include <stdint.h>"
	for h in "${headers[@]}"; do
		echo "#line 1 \"$h\""
		strip_local_includes "$h"
	done
	echo "#endif"
} >"$out/tkt.h"

{
	echo "/* tkt.c -- tkt $version, amalgamated by scripts/amalgamate.sh. Do not edit. */"
	echo "#include \"tkt.h\""
	for layer in "${layers[@]}"; do
		for h in src/$layer/*.h; do
			[ -f "$h" ] || continue
			echo "#line 1 \"$h\""
			strip_local_includes "$h"
		done
	done
	sources=()
	for layer in "${layers[@]}"; do
		sources+=(src/$layer/*.c)
	done
	# One translation unit: file-local names (static functions and
	# variables) that two sources both define are renamed per file with
	# a macro, and each source's own macros are undefined after it.
	for c in "${sources[@]}"; do
		python3 - "$c" "${sources[@]}" <<'PY' >"$out/.prologue"
import re, sys
STATIC = re.compile(r"^static\b[^;{=(]*?\b([A-Za-z_]\w*)\s*[(\[=;]", re.M)
def statics(path):
    return set(STATIC.findall(open(path).read()))
me, every = sys.argv[1], sys.argv[2:]
others = set()
for f in every:
    if f != me:
        others |= statics(f)
stem = re.sub(r"\W", "_", me.rsplit("/", 1)[-1][:-2])
for name in sorted(statics(me) & others):
    print("#define %s tkt_amalg_%s_%s" % (name, stem, name))
PY
		cat "$out/.prologue"
		echo "#line 1 \"$c\""
		strip_local_includes "$c"
		sed -n 's/^#define \([A-Za-z_][A-Za-z0-9_]*\) tkt_amalg_.*/#undef \1/p' "$out/.prologue"
		{ grep -oE '^[[:space:]]*#[[:space:]]*define[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' "$c" || true; } \
			| awk '{print "#undef " $NF}' | sort -u
	done
	rm -f "$out/.prologue"
} >"$out/tkt.c"

for h in "${headers[@]}"; do
	printf '#include "../../tkt.h"\n' >"$out/include/tkt/$(basename "$h")"
done
echo "dist-single: $out/tkt.h $out/tkt.c ($(wc -l <"$out/tkt.c") lines, layers: ${layers[*]})"
