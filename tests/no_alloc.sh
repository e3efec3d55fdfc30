#!/usr/bin/env bash
# The library never allocates: no object of libtkt.a may reference an
# allocator. The codec must not reference anything outside the C basics.
set -u
build=${1:-build}
lib="$build/libtkt.a"
[ -f "$lib" ] || { echo "no $lib"; exit 1; }
pass=0; fail=0
alloc=$(nm -A "$lib" 2>/dev/null | awk '$2=="U" || $3=="U" {print}' \
	| grep -E ' U (malloc|calloc|realloc|free|aligned_alloc|posix_memalign|strdup|strndup|alloca)$')
if [ -n "$alloc" ]; then
	echo "allocator referenced:"; echo "$alloc"; fail=$((fail+1))
else
	pass=$((pass+1))
fi
# Codec objects: undefined symbols limited to mem* functions and tkt_*.
for o in "$build"/obj/src/codec/*.o; do
	[ -f "$o" ] || continue
	bad=$(nm -u "$o" | awk '{print $2}' | grep -vE '^(memcpy|memmove|memset|memcmp|tkt_[a-z0-9_]+)$')
	if [ -n "$bad" ]; then
		echo "$o references: $bad"; fail=$((fail+1))
	else
		pass=$((pass+1))
	fi
done
echo "no-alloc: $pass passed, $fail failed"
[ $fail -eq 0 ]
