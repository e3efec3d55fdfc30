#!/usr/bin/env bash
# make check: every test, proof and fuzz smoke run of tkt, in one pass.
#
# Each step is a command; its output goes to build/check/<step>.log.
# A step whose output ends with "N passed, M failed" lines contributes
# those counts; any other step counts as one check, passed iff it exits 0.
# The last line printed is the total, "total: N passed, M failed", and the
# exit status is non-zero if anything failed.
set -u
cd "$(dirname "$0")/.."
JOBS=$(nproc 2>/dev/null || echo 2)
LOGDIR=build/check
mkdir -p "$LOGDIR"

total_pass=0
total_fail=0
failed_steps=()

run_step() {
	local name=$1; shift
	local log="$LOGDIR/$name.log"
	local start=$SECONDS rc
	"$@" >"$log" 2>&1
	rc=$?
	# Sum the per-program closing lines; fall back to the exit status.
	local sums
	sums=$(grep -E '^([A-Za-z0-9_./-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" \
		| sed -E 's/^([A-Za-z0-9_./-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2 \3/' \
		| awk '{p+=$1; f+=$2} END {print p+0, f+0, NR+0}')
	local p f n
	read -r p f n <<<"$sums"
	if [ "$n" -eq 0 ]; then
		if [ $rc -eq 0 ]; then p=1; f=0; else p=0; f=1; fi
	elif [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1   # the step failed outside its counted checks
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	local verdict=ok
	if [ $rc -ne 0 ] || [ "$f" -ne 0 ]; then
		verdict=FAILED
		failed_steps+=("$name")
		echo "---- $name: last lines of $log"
		tail -n 30 "$log"
	fi
	printf '%-22s %-6s %5d passed %4d failed  %4ds\n' "$name" "$verdict" "$p" "$f" $((SECONDS - start))
}

step_exists() { [ -e "$1" ]; }

run_step build-gcc        make -j"$JOBS" O=build/gcc CC=gcc all tests
run_step build-clang      make -j"$JOBS" O=build/clang CC=clang all tests
run_step unit-gcc         make O=build/gcc CC=gcc unit
run_step unit-clang       make O=build/clang CC=clang unit
run_step unit-asan       make -j"$JOBS" O=build/asan CC=clang SAN=1 all unit
run_step no-alloc         bash tests/no_alloc.sh build/gcc
run_step docs             make O=build/gcc docs
# Every tests/<dir>/run.sh takes a build directory (holding tkt, libtkt.a
# and tests/) and is run against the gcc build and the ASan+UBSan build;
# a script whose header says "check: gcc-only" runs against gcc alone.
for script in tests/*/run.sh; do
	[ -f "$script" ] || continue
	dir=$(basename "$(dirname "$script")")
	run_step "$dir" bash "$script" build/gcc
	grep -q 'check: gcc-only' "$script" || run_step "$dir-asan" bash "$script" build/asan
done
# Every goal of every function (proofs/prove-scope.txt, checked complete)
# and the spec's lemmas, as `make prove` runs them.
step_exists proofs/prove.sh       && run_step prove    make prove
step_exists fuzz/run.sh           && run_step fuzz-smoke make fuzz-smoke
step_exists fuzz/run.sh           && run_step coverage make coverage

if [ ${#failed_steps[@]} -gt 0 ]; then
	echo "failed steps: ${failed_steps[*]} (logs in $LOGDIR/)"
fi
echo "total: $total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ]
