#!/usr/bin/env bash
# make prove [FILES="src/codec/x.c ..."]: Frama-C WP on the codec and the
# round-trip theorems in proofs/, with z3, cvc4 and cvc5 through Why3.
#
# Fails unless every goal is proved. Prints "Proved goals: N / M" and
# writes build/prove/wp.log (every goal), build/prove/parts/ (one WP
# process's log, report, wall and CPU time per item) and
# build/prove/functions.txt (per function: goals proved / total, times).
# No cache: the provers really run every time.
#
# The work is a queue of items, each proved by one Frama-C process
# (proofs/wp-one.sh, one prover at a time), WP_JOBS processes at once: an
# item is one function, or the group of functions on one line of
# PROVE_SCOPE, and the lemmas of spec/logic are one more item. Items run
# in the order given, so a scope file lists the costliest first.
# Environment: WP_JOBS (processes at once, default nproc), WP_TIMEOUT (s),
# WP_PROVERS, WP_FCT (comma-separated functions, one item each),
# PROVE_SCOPE (a file: one item per line, its functions separated by
# spaces, and optionally provers=a,b,c, the order in which that item
# tries the provers; # comments), PROVE_OUT (output dir). Without
# arguments, WP_FCT and PROVE_SCOPE, the scope is proofs/prove-scope.txt,
# which must then name every function defined in the files, each once
# (checked: a function left out would go unproved silently). With files
# and neither variable, every function defined in the files is an item.
set -u
cd "$(dirname "$0")/.."
out=${PROVE_OUT:-build/prove}
mkdir -p "$out"
case $out in /*) absout=$out ;; *) absout=$PWD/$out ;; esac
bash proofs/why3/make-conf.sh "$absout/why3.conf"
export WHY3CONFIG="$absout/why3.conf"
export FRAMAC_WP_CACHE=none
# Compiled once here, against this Frama-C's own interfaces, and loaded by
# every WP process (see proofs/wp_poll.ml for why).
export WP_POLL_MODULE=$absout/wp_poll.cmxs
cp proofs/wp_poll.ml "$absout/wp_poll.ml"
if ! ocamlfind ocamlopt -shared -w +a-70 -warn-error +a -I "$(frama-c -print-libpath)" \
	-o "$WP_POLL_MODULE" "$absout/wp_poll.ml"; then
	echo "prove: cannot compile proofs/wp_poll.ml (ocaml, ocaml-findlib)"; exit 1
fi
export WP_TIMEOUT=${WP_TIMEOUT:-20}
export WP_PROVERS=${WP_PROVERS:-cvc5,z3,cvc4}
timeout=$WP_TIMEOUT

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	files=(src/codec/*.c)
	for f in proofs/*.c; do [ -f "$f" ] && files+=("$f"); done
fi
jobs=${WP_JOBS:-$(nproc 2>/dev/null || echo 2)}
complete=0
if [ $# -eq 0 ] && [ -z "${WP_FCT:-}" ] && [ -z "${PROVE_SCOPE:-}" ]; then
	PROVE_SCOPE=proofs/prove-scope.txt
	complete=1
fi

# Every function the kernel sees defined (static duplicates renamed).
defined_functions() {
	frama-c -no-autoload-plugins -load-module metrics \
		-cpp-extra-args="-Iinclude -Ispec -D__FRAMAC__" -machdep x86_64 \
		"${files[@]}" -metrics 2>/dev/null |
		sed -n '/Defined functions/,/^$/p' |
		grep -oE '[A-Za-z_][A-Za-z0-9_]* \([0-9]+ calls?\)' | awk '{print $1}'
}

# The name of an item's files in parts/: as wp-one.sh names them.
item_key() {
	local more
	more=$(tr -cd , <<<"$1" | wc -c)
	if [ "$more" -gt 0 ]; then echo "${1%%,*}+$more"; else echo "$1"; fi
}

# Every category of property of WP 25's -wp-prop (all of a function's
# goals): the base from which a function's props= parts are taken out.
WP_ALL_PROPS=@requires,@assigns,@ensures,@exits,@assert,@invariant,@variant,@breaks,@continues,@returns,@complete_behaviors,@disjoint_behaviors,@terminates,@decreases,@check
split_fcts=()

parts=$out/parts
rm -rf "$parts" "$out/wp.log"
mkdir -p "$parts"
items=()
if [ -n "${WP_FCT:-}" ]; then
	IFS=, read -r -a items <<<"$WP_FCT"
elif [ -n "${PROVE_SCOPE:-}" ]; then
	declare -A excluded=()
	while read -r line; do
		read -r -a words <<<"${line%%#*}"
		fcts=() provers= props=
		for w in ${words[@]+"${words[@]}"}; do
			case $w in
			provers=*) provers=${w#provers=} ;;
			props=*) props=${w#props=} ;;
			*) fcts+=("$w") ;;
			esac
		done
		[ ${#fcts[@]} -eq 0 ] && continue
		it=$(IFS=,; echo "${fcts[*]}")
		if [ -n "$props" ]; then
			if [ ${#fcts[@]} -ne 1 ] || [ "$it" = @lemma ]; then
				echo "prove: $PROVE_SCOPE: props= takes one function: $line"; exit 1
			fi
			it="$it~${props%%,*}"
			echo "$props" >"$parts/$it.props"
			excluded[${fcts[0]}]+=",-${props//,/,-}"
		fi
		items+=("$it")
		[ -n "$provers" ] && echo "$provers" >"$parts/$(item_key "$it").provers"
	done <"$PROVE_SCOPE"
	# A function's own line proves what its props= items leave: every
	# category of property that WP knows, less those names. Checked after
	# the run: its items' goals add up to the function's.
	for f in "${items[@]}"; do
		if [ -n "${excluded[$f]:-}" ]; then
			echo "$WP_ALL_PROPS${excluded[$f]}" >"$parts/$(item_key "$f").props"
			split_fcts+=("$f")
		fi
	done
	if [ ${#split_fcts[@]} -ne ${#excluded[@]} ]; then
		echo "prove: $PROVE_SCOPE: a function with props= lines needs a line of its own, alone"
		exit 1
	fi
	if [ $complete -eq 1 ]; then
		same=$(printf '%s\n' "${items[@]}" | sort | uniq -d)
		if [ -n "$same" ]; then
			echo "prove: $PROVE_SCOPE: the same item twice:" $same; exit 1
		fi
		listed=$(printf '%s\n' "${items[@]}" | grep -vE '~|^@lemma$' | tr , '\n' | sort)
		defined=$(defined_functions | sort -u)
		missing=$(comm -23 <(echo "$defined") <(echo "$listed" | sort -u))
		unknown=$(comm -13 <(echo "$defined") <(echo "$listed" | sort -u))
		twice=$(echo "$listed" | uniq -d)
		if [ -n "$missing$unknown$twice" ]; then
			echo "prove: $PROVE_SCOPE must list every function once:"
			[ -n "$missing" ] && echo "  not listed:" $missing
			[ -n "$unknown" ] && echo "  not defined:" $unknown
			[ -n "$twice" ] && echo "  listed twice:" $twice
			exit 1
		fi
	fi
else
	mapfile -t items < <(defined_functions)
fi
if [ ${#items[@]} -eq 0 ]; then
	echo "prove: no function to prove"; exit 1
fi
# The lemmas of spec/logic: one item, unless the scope placed it.
printf '%s\n' "${items[@]}" | grep -qx @lemma || items+=(@lemma)

start=$SECONDS
printf '%s\n' "${items[@]}" |
	xargs -P "$jobs" -I{} bash proofs/wp-one.sh "$parts" {} "${files[@]}"
rc=$?
# One log in queue order; the summary adds up the items', and is empty
# (a failure) if any item printed none.
: >"$out/wp.log"
summaries=
missing=0
keys=()
for it in "${items[@]}"; do
	k=$(item_key "$it")
	keys+=("$k")
	cat "$parts/$k.log" >>"$out/wp.log" 2>/dev/null
	s=$(grep -E '^\[wp\] Proved goals:' "$parts/$k.log" 2>/dev/null | tail -n1)
	{ read -r wall cpu <"$parts/$k.time"; } 2>/dev/null || wall=? cpu=?
	printf '%-60s %s (wall %ss, CPU %ss)\n' "$k" "${s#\[wp\] }" "$wall" "$cpu"
	if [ -z "$s" ]; then
		echo "prove: no goal summary from item $it ($parts/$k.log):"
		grep -E 'Error|error|aborted' "$parts/$k.log" 2>/dev/null | head -5
		missing=1
	else
		summaries+="$s"$'\n'
	fi
done
summary=
if [ $missing -eq 0 ]; then
	summary=$(printf '%s' "$summaries" | sed -E 's/.*Proved goals: *([0-9]+) *\/ *([0-9]+).*/\1 \2/' |
		awk '{ p += $1; t += $2 } END { printf "[wp] Proved goals: %d / %d", p, t }')
fi
# A split function's items together hold as many goals as the function:
# WP generates them all once more, without proving them (prover none).
split_ok=1
if [ -n "$summary" ] && [ ${#split_fcts[@]} -gt 0 ]; then
	mkdir -p "$out/count"
	all=$(IFS=,; echo "${split_fcts[*]}")
	echo none >"$out/count/$(item_key "$all").provers"
	bash proofs/wp-one.sh "$out/count" "$all" "${files[@]}"
	whole=$(grep -cE '^\[wp\] Goal ' "$out/count/$(item_key "$all").log")
	held=0
	for it in "${items[@]}"; do
		case ",$all," in *",${it%%~*},"*) ;; *) continue ;; esac
		n=$(grep -E '^\[wp\] Proved goals:' "$parts/$(item_key "$it").log" | tail -n1 |
			sed -E 's/.*\/ *([0-9]+).*/\1/')
		held=$((held + n))
	done
	if [ "$whole" -eq 0 ] || [ "$held" -ne "$whole" ]; then
		echo "prove: the items of ${split_fcts[*]} (props=) hold $held goals, the functions $whole"
		split_ok=0
	fi
fi
elapsed=$((SECONDS - start))
python3 - "$parts" "$out/wp.log" "$timeout" "${keys[@]}" >"$out/functions.txt" <<'PY' || true
# Per function: goals proved / total, which provers closed them, and the
# time spent: the items' reports give the counts, wp.log (WP prints one
# result line per goal, with the Qed and prover times) the times; then
# the wall and CPU time of each item's process.
import json, os, re, sys
from collections import defaultdict
parts, items = sys.argv[1], sys.argv[4:]
reports = []
for it in items:
    try:
        reports.append(json.load(open(os.path.join(parts, it + ".json"))))
    except FileNotFoundError:
        pass
    except Exception as e:
        print("no per-goal report:", it, e)
tmo = float(sys.argv[3])
rows = {}
for data in reports:
    for group in ("wp:axiomatics", "wp:functions"):
        for name, props in data.get(group, {}).items():
            sec = props.get("wp:section", {})
            main = sec.get("wp:main", {})
            # A function split over items (props=) adds up.
            v, t, pr = rows.get(name or "(lemmas)", (0, 0, defaultdict(int)))
            for k, p in sec.items():
                if k != "wp:main":
                    pr[k] += p.get("valid", 0)
            rows[name or "(lemmas)"] = (v + main.get("valid", 0), t + main.get("total", 0), pr)
def secs(t):
    m = re.fullmatch(r"([0-9.]+)(ms|s)", t)
    return 0.0 if not m else float(m.group(1)) / (1000 if m.group(2) == "ms" else 1)
# goal -> [time in s (Qed + provers), prover attempts timed out or failed]
goals = defaultdict(lambda: [0.0, 0])
cur = None
for line in open(sys.argv[2], errors="replace"):
    m = re.match(r"\[wp\] \[([^]]+)\] Goal (\S+)( : (.*))?$", line)
    if m:
        cur = m.group(2)
        if m.group(4) is None:
            continue   # a goal not proved: one line per prover follows
        res = m.group(4)
    else:
        m = re.match(r"  [A-Za-z0-9]+ [0-9.]+: (.*)$", line)
        if not (m and cur):
            cur = None
            continue
        res = m.group(1)
    g = goals[cur]
    for t in re.findall(r"\((?:Qed:)?([0-9.]+m?s)\)", res):
        g[0] += secs(t)
    if "Timeout" in res or "Failed" in res:
        g[1] += 1
        if not re.search(r"\([0-9.]+s\)\s*$", res):
            g[0] += tmo   # the time-out itself is not printed
names = sorted((n for n in rows if n != "(lemmas)"), key=len, reverse=True)
per = defaultdict(lambda: [0.0, 0.0, 0])
for goal, (t, nto) in goals.items():
    base = re.sub(r"^typed(_cast)?(_ref)?_", "", goal)
    # A name ending in '_' (tkt_exts_scan_) is followed by its goal's kind directly.
    fct = next((n for n in names if base == n or base.startswith(n if n.endswith("_") else n + "_")),
               "(lemmas)" if base.startswith("lemma_") else "(other)")
    p = per[fct]; p[0] += t; p[1] = max(p[1], t); p[2] += nto
print(f"{'function':34s} {'proved':>6s} / {'goals':<5s} {'time(s)':>8s} {'max(s)':>7s} {'t/o':>4s}  provers (goals closed)")
tot = [0, 0, 0.0]
for n in sorted(set(rows) | set(per)):
    v, t, pr = rows.get(n, (0, 0, {}))
    tt, mx, nto = per.get(n, (0.0, 0.0, 0))
    tot[0] += v; tot[1] += t; tot[2] += tt
    prs = " ".join(f"{k}:{c}" for k, c in sorted(pr.items()) if c)
    print(f"{n:34s} {v:6d} / {t:<5d} {tt:8.1f} {mx:7.1f} {nto:4d}  {prs}")
print(f"{'total':34s} {tot[0]:6d} / {tot[1]:<5d} {tot[2]:8.1f}")
print("time(s): Qed + prover time of every attempt on the function's goals, as")
print("WP prints it (Why3 measures the prover's CPU time); max(s): the slowest")
print("goal; t/o: prover attempts that timed out or failed (counted at the")
print("time-out when WP prints no time).")
print()
print(f"{'item (one WP process)':60s} {'wall(s)':>8s} {'CPU(s)':>8s}")
for it in items:
    try:
        w, c = (open(os.path.join(parts, it + ".time")).read().split() + ["-", "-"])[:2]
    except FileNotFoundError:
        w, c = "-", "-"
    print(f"{it:60s} {w:>8s} {c:>8s}")
print("CPU(s): frama-c and the provers it ran, user + system.")
PY
echo "per-function report: $out/functions.txt (elapsed ${elapsed}s)"
if [ -z "$summary" ]; then
	echo "prove: frama-c produced no goal summary (exit $rc)"; exit 1
fi
[ $split_ok -eq 1 ] || exit 1
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
# Ledger entries of the functions proved here that no longer fail.
stale=$(comm -13 "$out/unproved.txt" <(echo "$known" | sed '/^$/d' | grep -v '\*$') |
	awk -v fcts="$(IFS=,; echo "${items[*]}")" 'BEGIN { n = split(fcts, f, ",") }
	{ b = $0; sub(/^typed(_cast)?(_ref)?_/, "", b)
	  for (i = 1; i <= n; i++)
		if (index(b, f[i] (f[i] ~ /_$/ ? "" : "_")) == 1 || (f[i] == "@lemma" && b ~ /^lemma_/)) { print; next } }')
if [ -n "$stale" ] && [ $complete -eq 1 ]; then
	echo "prove: note: ledger entries now proved (remove them from $ledger):"
	echo "$stale" | sed 's/^/  /'
fi
