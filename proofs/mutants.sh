#!/usr/bin/env bash
# make prove-mutants: evidence that the proofs bite. Each line of
# proofs/mutants.txt names a codec file, the function to re-prove, a sed
# script that plants one deliberate fault, and what the fault is. For each,
# the codec is copied, the fault applied (the copy must differ), and the
# prover run on the copy: the mutant is killed when some goal fails.
# Every mutant must be killed.
set -u
cd "$(dirname "$0")/.."
list=proofs/mutants.txt
killed=0; survived=0; broken=0
n=0
while IFS='|' read -r file fct script what; do
	case $file in ''|'#'*) continue ;; esac
	n=$((n+1))
	tmp=$(mktemp -d)
	mkdir -p "$tmp/src"
	cp -r src/codec "$tmp/src/"
	sed -i -e "$script" "$tmp/$file"
	if cmp -s "$file" "$tmp/$file"; then
		echo "mutant $n ($what): the sed script changed nothing -- fix mutants.txt"
		broken=$((broken+1)); rm -rf "$tmp"; continue
	fi
	proofs=()
	for f in proofs/*.c; do [ -f "$f" ] && proofs+=("$f"); done
	if PROVE_OUT="$tmp/out" WP_FCT="$fct" bash proofs/prove.sh "$tmp"/src/codec/*.c >"$tmp/log" 2>&1; then
		echo "mutant $n SURVIVED: $file $fct: $what"
		diff "$file" "$tmp/$file" | head -6
		survived=$((survived+1))
	else
		echo "mutant $n killed:   $file $fct: $what ($(grep -E 'Proved goals' "$tmp/log" | tail -1 | sed 's/^\[wp\] //'))"
		killed=$((killed+1))
	fi
	rm -rf "$tmp"
done <"$list"
echo "prove-mutants: $killed passed, $((survived + broken)) failed"
[ $n -ge 10 ] || { echo "fewer than 10 mutants listed"; exit 1; }
[ $((survived + broken)) -eq 0 ]
