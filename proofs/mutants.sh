#!/usr/bin/env bash
# make prove-mutants: evidence that the proofs bite. Each line of
# proofs/mutants.txt names a codec file, the function to re-prove, a sed
# script that plants one deliberate fault, and what the fault is. For each,
# the codec is copied, the fault applied (the copy must differ), and
# proofs/prove.sh run on the copy for that function, with the ledger
# (proofs/unproved.txt) as for `make prove`: the mutant is killed when
# prove.sh fails, that is when some goal NOT in the ledger is unproved (a
# fault that only breaks goals the ledger already excuses survives).
# The run of a mutant stops at the first such goal (the whole run would fail
# on it anyway), which is named in the output with the time taken.
# A kill is evidence only if the killing goal is proved on the unmutated
# code (a function with unproved goals outside the ledger "kills" every
# mutant): proofs/README.md's table says which kills were checked.
# Every mutant must be killed. Environment: as prove.sh (WP_JOBS, ...);
# MUTANTS="1 4" runs only those lines (numbered from 1, comments skipped);
# MUTANTS_REV=HEAD mutates the committed src/codec instead of the work tree;
# MUTANTS_LIST=file reads another list (to test this script).
# Logs: build/mutants/N/.
set -u
cd "$(dirname "$0")/.."
list=${MUTANTS_LIST:-proofs/mutants.txt}
ledger=${PROVE_LEDGER:-proofs/unproved.txt}
killed=0; survived=0; broken=0
n=0
# Unproved goals in prove.sh's item logs under $1 (written as it runs;
# its wp.log is only their concatenation) that the ledger does not cover.
# The ledger's stream starts with a line that names no goal: with an empty
# ledger, awk's NR == FNR would otherwise take the goals for the ledger.
new_unproved() {
	cat "$1"/parts/*.log 2>/dev/null \
		| grep -oE '^\[wp\] \[(Failed|Timeout|Unknown|Invalid|Stepout)\] Goal [A-Za-z0-9_]+' \
		| awk '{print $NF}' | sort -u \
		| awk 'NR == FNR { if ($0 ~ /\*$/) pre[substr($0, 1, length($0) - 1)] = 1; else exact[$0] = 1; next }
			{ if ($0 in exact) next; for (p in pre) if (index($0, p) == 1) next; print }' \
			<(echo '@@ledger@@'; { grep -vE '^\s*(#|$)' "$ledger" 2>/dev/null || true; } | awk '{print $1}') -
}
while IFS='|' read -r file fct script what; do
	case $file in ''|'#'*) continue ;; esac
	n=$((n+1))
	if [ -n "${MUTANTS:-}" ] && ! [[ " $MUTANTS " == *" $n "* ]]; then continue; fi
	tmp=$(mktemp -d)
	mkdir -p "$tmp/src"
	if [ -n "${MUTANTS_REV:-}" ]; then
		git archive "$MUTANTS_REV" src/codec | tar -x -C "$tmp"
	else
		cp -r src/codec "$tmp/src/"
	fi
	sed -i -e "$script" "$tmp/$file"
	if cmp -s "$file" "$tmp/$file"; then
		echo "mutant $n ($what): the sed script changed nothing -- fix mutants.txt"
		broken=$((broken+1)); rm -rf "$tmp"; continue
	fi
	start=$SECONDS
	out=build/mutants/$n   # prove.sh wants its output under the tree
	rm -rf "$out"; mkdir -p "$out"
	PROVE_OUT="$out" WP_FCT="$fct" setsid bash proofs/prove.sh "$tmp"/src/codec/*.c >"$tmp/log" 2>&1 &
	pid=$!
	first=""
	while kill -0 "$pid" 2>/dev/null; do
		sleep 2
		first=$(new_unproved "$out" | head -n1)
		if [ -n "$first" ]; then
			kill -- -"$pid" 2>/dev/null; break
		fi
	done
	wait "$pid"; rc=$?
	cp "$tmp/log" "$out/prove.log"
	t=$((SECONDS - start))
	if [ -n "$first" ]; then
		echo "mutant $n killed:   $file $fct: $what (by $first, ${t}s)"
		killed=$((killed+1))
	elif [ $rc -ne 0 ] && [ -n "$(new_unproved "$out" | head -n1)" ]; then
		echo "mutant $n killed:   $file $fct: $what (by $(new_unproved "$out" | head -n1), ${t}s)"
		killed=$((killed+1))
	elif [ $rc -ne 0 ]; then
		# No unproved goal named: the copy did not parse, say. Not a kill.
		echo "mutant $n BROKEN: $file $fct: $what (prove.sh exit $rc without an unproved goal, ${t}s)"
		tail -n 5 "$tmp/log" | sed 's/^/    /'
		broken=$((broken+1))
	else
		echo "mutant $n SURVIVED: $file $fct: $what ($(grep -E 'Proved goals' "$tmp/log" | tail -1 | sed 's/^\[wp\] //'), ${t}s)"
		grep -E '^  typed' "$tmp/log" | head -5 | sed 's/^/    unproved, in the ledger: /'
		diff "$file" "$tmp/$file" | head -6
		survived=$((survived+1))
	fi
	rm -rf "$tmp"
done <"$list"
echo "prove-mutants: $killed passed, $((survived + broken)) failed"
[ $n -ge 10 ] || { echo "fewer than 10 mutants listed"; exit 1; }
[ $((survived + broken)) -eq 0 ]
