#!/usr/bin/env bash
# Where a server's time goes during resumed handshakes: perf (software
# cpu-clock sampling, which works without hardware counters) on one
# server process while `openssl s_time -reuse` drives it. Not part of
# `make bench`; used to explain the handshake figures in docs/bench.md.
#
# usage: bench/profile_handshake.sh TKT_BINARY tkt|bearssl-cache|openssl-tickets [SECONDS] [new|reuse]
# Hold /tmp/tkt-heavy.lock (or have an idle machine) while it runs.
set -u
TKT=$1
WHICH=$2
SECS=${3:-4}
MODE=${4:-reuse}
CIPHER=ECDHE-ECDSA-AES128-GCM-SHA256
WORK=$(mktemp -d /tmp/tkt-prof.XXXXXX)
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	exec 3>&- 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	-keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 1 \
	-subj /CN=localhost >/dev/null 2>&1
head -c 80 /dev/urandom >"$WORK/ticket.key"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
case $WHICH in
tkt|bearssl-cache)
	extra=()
	[ "$WHICH" = bearssl-cache ] && extra=(--no-tickets)
	"$TKT" server --port "$PORT" --cert "$WORK/cert.pem" --key "$WORK/key.pem" \
		--ticket-keys "$WORK/ticket.key" --key-format nginx --tls-min 1.2 \
		--suite "$CIPHER" "${extra[@]}" >"$WORK/server.log" 2>&1 &
	;;
openssl-tickets)
	mkfifo "$WORK/stdin"
	exec 3<>"$WORK/stdin"
	openssl s_server -accept "127.0.0.1:$PORT" -cert "$WORK/cert.pem" \
		-key "$WORK/key.pem" -tls1_2 -cipher "$CIPHER" -quiet <&3 \
		>"$WORK/server.log" 2>&1 &
	;;
*) echo "usage: $0 TKT tkt|bearssl-cache|openssl-tickets [SECONDS] [new|reuse]"; exit 2 ;;
esac
SPID=$!
PIDS+=("$SPID")
sleep 0.5
perf record -F 2000 -g -o "$WORK/perf.data" -p "$SPID" >/dev/null 2>&1 &
PPID_PERF=$!
PIDS+=("$PPID_PERF")
sleep 0.3
timeout $((SECS + 20)) openssl s_time -connect "127.0.0.1:$PORT" -tls1_2 \
	-cipher "$CIPHER" -"$MODE" -time "$SECS" 2>&1 | grep 'connections in'
kill -INT "$PPID_PERF"
wait "$PPID_PERF" 2>/dev/null
perf report -i "$WORK/perf.data" --no-children --sort dso,symbol \
	--stdio 2>/dev/null | grep -v '^$' | grep -E '^ +[0-9]' | head -40
echo "--- by library"
perf report -i "$WORK/perf.data" --no-children --sort dso --stdio 2>/dev/null \
	| grep -E '^ +[0-9]' | head -12
