#!/usr/bin/env bash
# fuzz/run.sh -- the fuzzing make targets of tkt (the Makefile routes
# `make fuzz-smoke|fuzz|fuzz-afl|corpus-min|coverage` here).
#
#   fuzz-smoke   every target briefly under libFuzzer + ASan + UBSan, and a
#                replay of the whole corpus (corpus/*/valid, invalid and
#                corpus/captures through every target). Part of make check.
#                SMOKE_SECONDS per target (default 8: the targets must fit the
#                CI budget with the builds and replays; measured 380 s at 12
#                targets, 407 s at 13 with two campaigns running beside it).
#   fuzz         TARGET=x SECONDS=n (FUZZ_SECONDS=n when calling this
#                script directly: bash's SECONDS is its own clock): a libFuzzer campaign (ASan + UBSan) in
#                build/fuzz/work/x, seeded from corpus/x. Crashes land in
#                build/fuzz/crashes/x/.
#                FUZZ_SANITIZER=memory: the same campaign under MSan
#                (origins tracked) instead of ASan + UBSan; refused for
#                the targets that call into BearSSL (see links_bearssl).
#   fuzz-afl     TARGET=x SECONDS=n: AFL++, a main instance (plain build with
#                a cmplog companion) and a secondary one (ASan + UBSan), one
#                per core, in build/fuzz/afl-out/x.
#   corpus-min   TARGET=x (default all): merges what campaigns found into
#                corpus/x/{valid,invalid}/ (only inputs that add coverage,
#                named fuzz-<sha1>), keeping every hand-written seed.
#                FUZZ_MERGE_FROM="dir..." takes the finds from other
#                FUZZ_BUILD directories (their work/, afl-out/, crashes/),
#                read only; the merge itself builds in FUZZ_BUILD.
#   coverage     llvm-cov line and branch coverage of src/codec from a
#                replay of the corpus; enforces the floor (100% lines,
#                >= 95% branches, exceptions in fuzz/coverage-exceptions.txt).
#   bearssl-seeds  (no make target) regenerate corpus/bearssl/ with
#                fuzz/make_bearssl_seeds.c.
#
# Campaigns run at FUZZ_NICE (default 19). Everything is built under
# build/fuzz/ (FUZZ_BUILD to change it).
set -u
cd "$(dirname "$0")/.."
root=$PWD
mode=${1:-}
B=${FUZZ_BUILD:-$root/build/fuzz}
NICE=${FUZZ_NICE:-19}
MAX_LEN=65545
mkdir -p "$B"

all_targets() {
	local f t
	for f in fuzz/fuzz_*.c; do
		t=$(basename "$f" .c); echo "${t#fuzz_}"
	done
}

need_target() {
	if [ -z "${TARGET:-}" ] || [ ! -f "fuzz/fuzz_$TARGET.c" ]; then
		echo "usage: make $mode TARGET=<$(all_targets | tr '\n' '|' | sed 's/|$//')> SECONDS=<n>" >&2
		exit 2
	fi
}

# Seed directories of a target (those that exist).
seed_dirs() {
	local d
	for d in "corpus/$1/valid" "corpus/$1/invalid" "corpus/$1/regress"; do
		[ -d "$d" ] && echo "$d"
	done
}

# Every corpus directory: the seeds of all targets, the regression inputs
# (corpus/<target>/regress/: crashes found by campaigns; corpus/regress/:
# crash files whose target is not known, replayed through every target)
# and the captures.
corpus_dirs() {
	local d
	for d in corpus/*/valid corpus/*/invalid corpus/*/regress corpus/regress; do
		[ -d "$d" ] && echo "$d"
	done
	[ -d corpus/captures ] && find corpus/captures -type d | sort
}

dict_of() {
	if [ -f "fuzz/$1.dict" ]; then echo "fuzz/$1.dict"; else echo fuzz/tls.dict; fi
}

build_libfuzzer() {   # $1 = out dir; ASan + UBSan + libFuzzer
	OUT=$1 CC=clang \
	CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -fsanitize=fuzzer-no-link" \
	LIB_FUZZING_ENGINE=-fsanitize=fuzzer FUZZ_SEED_ZIP=0 \
	bash fuzz/build.sh
}

# The corpus labeller (fuzz/classify.c); with the seal layer present it
# also labels the keyfile and open targets (and links BearSSL).
build_classify() {   # $1 = output binary
	local extra=() libs=()
	if ls src/seal/*.c >/dev/null 2>&1; then
		extra=(-DTKT_CLASSIFY_SEAL -Isrc src/codec/*.c src/seal/*.c)
		libs=(-lbearssl)
		if ls src/bearssl/*.c >/dev/null 2>&1; then
			extra+=(-DTKT_CLASSIFY_BEARSSL src/bearssl/*.c)
		fi
	fi
	clang -O1 -std=c99 -Wall -Wextra -Werror -pedantic -D_DEFAULT_SOURCE \
		-Iinclude -Ifuzz fuzz/classify.c fuzz/spec_mirror.c "${extra[@]}" \
		"${libs[@]}" -o "$1"
}

# Copy a target's seeds into a flat work directory (the engines write
# there; corpus/ changes only through corpus-min).
seed_work() {   # $1 target, $2 dir
	local d f
	mkdir -p "$2"
	for d in $(seed_dirs "$1"); do
		for f in "$d"/*; do
			[ -f "$f" ] || continue
			[ "$(basename "$f")" = README.md ] && continue
			cp -n "$f" "$2/$(basename "$d")-$(basename "$f")"
		done
	done
}

# ---------------------------------------------------------------------
smoke() {
	local secs=${SMOKE_SECONDS:-8}
	local out=$B/smoke pass=0 fail=0 t log
	rm -rf "$out"
	mkdir -p "$out"
	if build_libfuzzer "$out/bin" >"$out/build.log" 2>&1; then
		echo "ok   build: $(tail -1 "$out/build.log")"; pass=$((pass+1))
	else
		echo "FAIL build (log: $out/build.log):"
		grep -E 'error|FAILED' "$out/build.log" | head -20
		fail=$((fail+1))
	fi
	# The corpus labels: every file under valid/ is accepted by the spec
	# mirror, every file under invalid/ refused (the harnesses then hold
	# the decoders to the mirror).
	build_classify "$out/classify" || return 1
	local d f k bad=0 nfiles=0
	for d in corpus/*/valid corpus/*/invalid; do
		[ -d "$d" ] || continue
		t=$(basename "$(dirname "$d")"); k=$(basename "$d")
		[ -f "fuzz/fuzz_$t.c" ] || continue
		"$out/classify" "$t" /dev/null >/dev/null 2>&1 || continue
		for f in "$d"/*; do
			[ -f "$f" ] && [ "$(basename "$f")" != README.md ] || continue
			nfiles=$((nfiles+1))
			if [ "$("$out/classify" "$t" "$f")" != "$k" ]; then
				echo "     mislabelled: $f"; bad=$((bad+1))
			fi
		done
	done
	if [ $bad -eq 0 ]; then
		echo "ok   corpus labels ($nfiles files agree with the mirror)"; pass=$((pass+1))
	else
		echo "FAIL corpus labels: $bad file(s)"; fail=$((fail+1))
	fi
	for t in $(all_targets); do
		local bin=$out/bin/fuzz_$t
		if [ ! -x "$bin" ]; then
			echo "FAIL $t: not built"; fail=$((fail+1)); continue
		fi
		# 1. Replay: the target's own seeds, then every other corpus
		#    file (inputs of one structure are still inputs to another).
		log=$out/replay-$t.log
		local dirs=()
		mapfile -t dirs < <(corpus_dirs)
		if [ ${#dirs[@]} -eq 0 ]; then
			echo "FAIL replay $t: no corpus directory"; fail=$((fail+1))
		elif "$bin" -runs=0 -max_len=$MAX_LEN "${dirs[@]}" >"$log" 2>&1 &&
		     ! grep -q 'ERROR: \|oracle failed\|runtime error' "$log"; then
			echo "ok   replay $t ($(grep -o 'INITED.*' "$log" | head -1 | cut -c1-60))"
			pass=$((pass+1))
		else
			echo "FAIL replay $t (log: $log)"; tail -20 "$log"; fail=$((fail+1))
		fi
		# 2. A short bounded fuzzing run from the seeds.
		local work=$out/work/$t
		seed_work "$t" "$work"
		mkdir -p "$out/crashes/$t"
		log=$out/fuzz-$t.log
		if "$bin" -max_total_time="$secs" -max_len=$MAX_LEN \
			-dict="$(dict_of "$t")" -artifact_prefix="$out/crashes/$t/" \
			-print_final_stats=1 "$work" >"$log" 2>&1; then
			echo "ok   fuzz $t ${secs}s: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') execs, $(grep -o 'cov: [0-9]*' "$log" | tail -1)"
			pass=$((pass+1))
		else
			echo "FAIL fuzz $t (log: $log; crash inputs: $out/crashes/$t/)"
			grep -m1 -A3 'ERROR:\|oracle failed\|runtime error' "$log"
			fail=$((fail+1))
		fi
	done
	echo "fuzz-smoke: $pass passed, $fail failed"
	[ $fail -eq 0 ]
}

build_msan() {   # $1 = out dir; MSan + libFuzzer
	OUT=$1 CC=clang \
	CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=memory -fsanitize-memory-track-origins=2 -fsanitize=fuzzer-no-link" \
	LIB_FUZZING_ENGINE=-fsanitize=fuzzer FUZZ_SEED_ZIP=0 \
	bash fuzz/build.sh
}

# Whether target $1 calls into BearSSL. MSan needs every byte of code that
# writes memory instrumented; Debian's libbearssl is not, so each AES,
# HMAC or engine call would leave its output "uninitialised" and MSan
# would report it at the first branch on it: noise, not bugs. The
# harness and the local headers it includes are searched for BearSSL or
# the tkt layers built on it.
links_bearssl() {
	local f=fuzz/fuzz_$1.c h
	grep -q '#include *["<]\(bearssl\.h\|tkt/seal\.h\|tkt/bearssl\.h\)' "$f" && return 0
	for h in $(sed -n 's/^#include *"\([a-z_]*\.h\)".*/\1/p' "$f"); do
		[ -f "fuzz/$h" ] && grep -q '#include *["<]\(bearssl\.h\|tkt/seal\.h\|tkt/bearssl\.h\)' "fuzz/$h" && return 0
	done
	return 1
}

# ---------------------------------------------------------------------
campaign_libfuzzer() {
	need_target
	local secs=${SECONDS_:-600} t=$TARGET
	local san=${FUZZ_SANITIZER:-address}
	local bdir=$B/libfuzzer
	case $san in
	address|asan|address,undefined) san=address ;;
	memory|msan)
		san=memory
		if links_bearssl "$t"; then
			echo "fuzz: FUZZ_SANITIZER=memory refused for $t: it calls into BearSSL, and the system libbearssl is not MSan-instrumented (every value it computes would be reported as uninitialised). MSan runs only the codec targets; see fuzz/README.md." >&2
			exit 2
		fi
		bdir=$B/libfuzzer-msan ;;
	*) echo "fuzz: FUZZ_SANITIZER must be address (default) or memory" >&2; exit 2 ;;
	esac
	local bin=$bdir/fuzz_$t work=$B/work/$t crashes=$B/crashes/$t
	if [ $san = memory ]; then
		TARGETS=$t build_msan "$bdir" >"$B/libfuzzer-msan-build.log" 2>&1 ||
			{ cat "$B/libfuzzer-msan-build.log"; exit 1; }
		# The source check above is a heuristic; the binary is not.
		if nm -D --undefined-only "$bin" 2>/dev/null | grep -q ' br_'; then
			echo "fuzz: $t calls BearSSL ($(nm -D --undefined-only "$bin" | grep -m1 -o 'br_[a-z0-9_]*')...): refused under MSan" >&2
			exit 2
		fi
	else
		TARGETS=$t build_libfuzzer "$bdir" >"$B/libfuzzer-build.log" 2>&1 ||
			{ cat "$B/libfuzzer-build.log"; exit 1; }
	fi
	seed_work "$t" "$work"
	mkdir -p "$crashes"
	local before; before=$(ls "$work" | wc -l)
	local log=$B/fuzz-$t-$san-$(date -u +%Y%m%dT%H%M%S).log
	echo "fuzz: $t for ${secs}s (nice $NICE), log $log"
	nice -n "$NICE" "$bin" -max_total_time="$secs" -max_len=$MAX_LEN \
		-dict="$(dict_of "$t")" -artifact_prefix="$crashes/" \
		-print_final_stats=1 "$work" >"$log" 2>&1
	local rc=$?
	echo "fuzz: target $t, engine libFuzzer, sanitizer $san, $secs s, exit $rc"
	echo "  executions: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')"
	echo "  corpus: $before -> $(ls "$work" | wc -l) files"
	echo "  crashes: $(ls "$crashes" | wc -l) in $crashes"
	grep -m1 -A5 'ERROR:\|oracle failed' "$log"
	return $rc
}

# ---------------------------------------------------------------------
campaign_afl() {
	need_target
	local secs=${SECONDS_:-600} t=$TARGET
	local plain=$B/afl/fuzz_$t cmplog=$B/afl-cmplog/fuzz_$t san=$B/afl-asan/fuzz_$t
	local drv=/usr/lib/afl/libAFLDriver.a
	# Main instance: plain instrumented build plus its cmplog twin.
	OUT=$B/afl CC=afl-clang-fast CFLAGS="-O2 -g" LIB_FUZZING_ENGINE=$drv \
		TARGETS=$t FUZZ_SEED_ZIP=0 bash fuzz/build.sh >"$B/afl-build.log" 2>&1 &&
	AFL_LLVM_CMPLOG=1 OUT=$B/afl-cmplog CC=afl-clang-fast CFLAGS="-O2 -g" \
		LIB_FUZZING_ENGINE=$drv TARGETS=$t FUZZ_SEED_ZIP=0 \
		bash fuzz/build.sh >>"$B/afl-build.log" 2>&1 &&
	# Secondary instance: ASan + UBSan, so memory errors are caught too.
	AFL_USE_ASAN=1 AFL_USE_UBSAN=1 OUT=$B/afl-asan CC=afl-clang-fast \
		CFLAGS="-O1 -g -fno-omit-frame-pointer" LIB_FUZZING_ENGINE=$drv \
		TARGETS=$t FUZZ_SEED_ZIP=0 bash fuzz/build.sh >>"$B/afl-build.log" 2>&1 ||
		{ tail -30 "$B/afl-build.log"; exit 1; }
	local in=$B/afl-in/$t out=$B/afl-out/$t
	rm -rf "$in"
	seed_work "$t" "$in"
	# AFL++ wants non-empty seeds no larger than its input cap.
	find "$in" -type f \( -size 0 -o -size +1M \) -delete
	[ -n "$(ls "$in")" ] || printf '\0' >"$in/zero"
	mkdir -p "$out"
	export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
		AFL_NO_AFFINITY=1 AFL_AUTORESUME=1
	local dict; dict=$(dict_of "$t")
	echo "fuzz-afl: $t for ${secs}s, main (cmplog) + secondary (ASan+UBSan), nice $NICE"
	# Each instance in its own process group: afl-fuzz -V can leave its
	# cmplog fork server behind (stopped, orphaned); the group is
	# killed by its id once the instance is done.
	setsid nice -n "$NICE" afl-fuzz -M main -i "$in" -o "$out" -V "$secs" -x "$dict" \
		-c "$cmplog" -m none -G $MAX_LEN -- "$plain" >"$out/main.log" 2>&1 &
	local p1=$!
	setsid nice -n "$NICE" afl-fuzz -S asan -i "$in" -o "$out" -V "$secs" -x "$dict" \
		-m none -G $MAX_LEN -- "$san" >"$out/asan.log" 2>&1 &
	local p2=$!
	wait $p1; local r1=$?
	wait $p2; local r2=$?
	kill -KILL -- -"$p1" -"$p2" 2>/dev/null
	# The cmplog fork server can outlive its group (seen stopped and
	# orphaned after -V): end whatever still runs this build's binaries.
	pkill -KILL -f "^($cmplog|$plain|$san)( |\$)" 2>/dev/null
	local i crashes=0
	for i in main asan; do
		local fs=$out/$i/fuzzer_stats
		if [ -f "$fs" ]; then
			echo "  $i: $(grep -E '^(execs_done|corpus_count|saved_crashes|saved_hangs|run_time)' "$fs" | tr -s ' ' | tr '\n' ' ')"
			crashes=$((crashes + $(ls "$out/$i/crashes" 2>/dev/null | grep -vc README)))
		else
			echo "  $i: no fuzzer_stats (exit $r1/$r2); log tail:"; tail -15 "$out/$i.log"
		fi
	done
	echo "  crashes: $crashes (in $out/*/crashes)"
	[ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ $crashes -eq 0 ]
}

# ---------------------------------------------------------------------
# Merge campaign findings into corpus/: libFuzzer's merge keeps only the
# inputs that add coverage over the existing seeds; the mirror sorts them
# into valid/ and invalid/, and each directory's README gains a line.
corpus_min() {
	local targets=${TARGET:-$(all_targets)} t
	build_libfuzzer "$B/libfuzzer" >"$B/libfuzzer-build.log" 2>&1 ||
		{ cat "$B/libfuzzer-build.log"; exit 1; }
	build_classify "$B/classify" || exit 1
	for t in $targets; do
		local m=$B/merge/$t
		rm -rf "$m"; mkdir -p "$m/base" "$m/new"
		seed_work "$t" "$m/base"
		local src=() d r
		for r in ${FUZZ_MERGE_FROM:-$B}; do
			for d in "$r/work/$t" "$r"/afl-out/"$t"/*/queue "$r"/afl-out/"$t"/*/crashes "$r/crashes/$t"; do
				[ -d "$d" ] && src+=("$d")
			done
		done
		[ ${#src[@]} -gt 0 ] || { echo "corpus-min: $t: nothing to merge"; continue; }
		# Copy the candidates, so that merge output is only new files.
		mkdir -p "$m/cand"
		for d in "${src[@]}"; do
			find "$d" -maxdepth 1 -type f ! -name README.txt -size -$((MAX_LEN + 1))c \
				-exec cp -n {} "$m/cand/" \;
		done
		# Seeds first, so that only what they miss is added.
		cp "$m/base/"* "$m/new/" 2>/dev/null
		"$B/libfuzzer/fuzz_$t" -merge=1 -max_len=$MAX_LEN "$m/new" "$m/cand" \
			>"$m/merge.log" 2>&1 || { echo "corpus-min: $t: merge failed"; tail "$m/merge.log"; continue; }
		local added=0 f
		for f in "$m/new/"*; do
			[ -e "$m/base/$(basename "$f")" ] && continue
			local h kind; h=$(sha1sum "$f" | cut -c1-16)
			kind=$("$B/classify" "$t" "$f") || continue
			local dest=corpus/$t/$kind/fuzz-$h
			[ -e "$dest" ] && continue
			mkdir -p "corpus/$t/$kind"
			cp "$f" "$dest"
			printf -- '- `fuzz-%s`: found by a campaign (%s), kept by corpus-min because it adds coverage.\n' \
				"$h" "$(date -u +%Y-%m-%d)" >>"corpus/$t/$kind/README.md"
			added=$((added+1))
		done
		echo "corpus-min: $t: $added new input(s) added to corpus/$t/"
	done
}

# ---------------------------------------------------------------------
coverage() {
	local out=$B/coverage t build_ok=1
	rm -rf "$out"; mkdir -p "$out/prof"
	if ! OUT=$out/bin CC=clang \
		CFLAGS="-O0 -g -fprofile-instr-generate -fcoverage-mapping" \
		FUZZ_STANDALONE=1 FUZZ_SEED_ZIP=0 bash fuzz/build.sh >"$out/build.log" 2>&1; then
		# Measure what was built; the floor then shows what is missing.
		echo "coverage: build failed for some targets (log: $out/build.log):"
		grep -E 'FAILED|error:' "$out/build.log" | head -10
		build_ok=0
	fi
	local dirs=() objs=()
	mapfile -t dirs < <(corpus_dirs)
	for t in $(all_targets); do
		[ -x "$out/bin/fuzz_$t" ] || continue
		LLVM_PROFILE_FILE="$out/prof/$t.profraw" "$out/bin/fuzz_$t" "${dirs[@]}" \
			>"$out/replay-$t.log" 2>&1 || { echo "coverage: replay of $t failed"; tail "$out/replay-$t.log"; return 1; }
		objs+=(-object "$out/bin/fuzz_$t")
	done
	llvm-profdata-14 merge -sparse "$out"/prof/*.profraw -o "$out/all.profdata" || return 1
	# The first -object is positional for llvm-cov.
	local first=${objs[1]}
	llvm-cov-14 show "$first" "${objs[@]:2}" -instr-profile="$out/all.profdata" \
		-show-branches=count -show-line-counts -use-color=false \
		src/codec/*.c >"$out/show.txt" || return 1
	llvm-cov-14 show "$first" "${objs[@]:2}" -instr-profile="$out/all.profdata" \
		-show-branches=count -format=html -output-dir="$out/html" \
		src/codec/*.c >/dev/null 2>&1
	python3 fuzz/coverage_floor.py "$out/show.txt" fuzz/coverage-exceptions.txt
	local rc=$?
	echo "coverage report: $out/show.txt, $out/html/index.html"
	if [ $build_ok -eq 0 ]; then
		echo "coverage: FAILED, some targets did not build"
		return 1
	fi
	return $rc
}

# ---------------------------------------------------------------------
# corpus/bearssl/ seeds: made with the library itself (a real tkt client's
# ClientHellos, tickets sealed with fuzz_bearssl.c's key ring).
bearssl_seeds() {
	clang -O1 -g -std=c99 -Wall -Wextra -Werror -pedantic -D_DEFAULT_SOURCE \
		-Iinclude -Isrc -Ifuzz fuzz/make_bearssl_seeds.c fuzz/spec_mirror.c \
		src/codec/*.c src/seal/*.c src/bearssl/*.c -lbearssl \
		-o "$B/make_bearssl_seeds" && "$B/make_bearssl_seeds" corpus/bearssl
}

case $mode in
	bearssl-seeds) bearssl_seeds ;;
	fuzz-smoke) smoke ;;
	fuzz) SECONDS_=${FUZZ_SECONDS:-600}; campaign_libfuzzer ;;
	fuzz-afl) SECONDS_=${FUZZ_SECONDS:-600}; campaign_afl ;;
	corpus-min) corpus_min ;;
	coverage) coverage ;;
	*) echo "usage: fuzz/run.sh fuzz-smoke|fuzz|fuzz-afl|corpus-min|coverage|bearssl-seeds" >&2; exit 2 ;;
esac
