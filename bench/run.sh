#!/usr/bin/env bash
# `make bench` (docs/bench.md): tkt against OpenSSL's ticket path and the
# hardware limit, codec throughput, resumed handshakes per second.
#
#   1. builds libtkt, tkt and $O/bench/tkt-bench (same warnings as the
#      library: -Werror);
#   2. micro-benchmarks, side by side in one run (bench/harness.h);
#   3. BearSSL session-cache bytes per remembered client (measured);
#   4. handshakes per second with openssl s_time (bench/handshakes.sh);
#   5. callgrind instruction counts per operation -> bench/callgrind.txt;
#   6. the table, and $O/bench.json (bench/merge.py).
#
# Environment: O (build dir, default build), CC (default cc),
#   BENCH_ROUNDS, BENCH_BATCH_US (micro), BENCH_ONLY=seal|codec,
#   HS_ROUNDS, HS_SECONDS, BENCH_HANDSHAKES=0, BENCH_CALLGRIND=0 to skip.
# The machine should be otherwise idle while this runs (the figures are
# ratios of interleaved runs, which tolerates some noise, not a build
# running beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
O=${O:-build}
CC=${CC:-cc}
BIN=$O/bench/tkt-bench
WARN="-std=c99 -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes
      -Wmissing-prototypes -Wcast-qual -Wconversion -Wsign-conversion"

make -s O="$O" CC="$CC" lib cli
mkdir -p "$O/bench"
# shellcheck disable=SC2086
$CC $WARN -O2 -g -Iinclude -D_DEFAULT_SOURCE bench/*.c "$O/libtkt.a" \
	-lbearssl -lcrypto -o "$BIN"

machine="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs;"
machine="$machine $(openssl version | cut -d' ' -f1-2); BearSSL 0.6;"
machine="$machine $($CC --version | head -1)"
echo "bench: $machine" >&2

only=()
[ -n "${BENCH_ONLY:-}" ] && only=(--only "$BENCH_ONLY")
echo "bench: micro-benchmarks (tkt vs baseline, interleaved)" >&2
"$BIN" "${only[@]}" --json "$O/bench/micro.json" --machine "$machine" \
	>"$O/bench/micro.txt"

"$BIN" --lru-entry >"$O/bench/lru.txt"

hs=""
if [ "${BENCH_HANDSHAKES:-1}" != 0 ] && [ -z "${BENCH_ONLY:-}" ]; then
	echo "bench: handshakes (openssl s_time, loopback)" >&2
	bash bench/handshakes.sh "$O/tkt" "$O/bench/handshakes.tsv"
	hs="$O/bench/handshakes.tsv"
fi

cg=""
if [ "${BENCH_CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null; then
	echo "bench: callgrind instruction counts" >&2
	iters=1000
	: >"$O/bench/callgrind.tsv"
	"$BIN" --cg-list | while IFS=$'\t' read -r idx name bytes; do
		valgrind --tool=callgrind --toggle-collect=bench_cg_region \
			--callgrind-out-file="$O/bench/cg.out" "$BIN" --cg "$idx" "$iters" \
			>/dev/null 2>&1 || { echo "bench: callgrind failed on $name" >&2; exit 1; }
		ir=$(sed -n 's/^summary: *//p' "$O/bench/cg.out")
		printf '%s\t%s\t%s\n' "$name" "$bytes" "$((ir / iters))" >>"$O/bench/callgrind.tsv"
	done
	rm -f "$O/bench/cg.out"
	cg="$O/bench/callgrind.tsv"
fi

python3 bench/merge.py --micro "$O/bench/micro.json" --micro-table "$O/bench/micro.txt" \
	--lru "$O/bench/lru.txt" ${hs:+--handshakes "$hs"} \
	${cg:+--callgrind "$cg" --callgrind-out bench/callgrind.txt} \
	--machine "$machine" --cc "$CC" --out "$O/bench.json" --markdown "$O/bench/table.md"
