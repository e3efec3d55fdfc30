#!/usr/bin/env bash
# Handshakes per second on loopback, measured by `openssl s_time -tls1_2`
# (-new: full handshakes, -reuse: resumptions) against three servers
# running side by side:
#   tkt            tkt server, session tickets (the contender)
#   openssl-tickets  openssl s_server, its default TLS 1.2 session tickets
#   bearssl-cache  tkt server --no-tickets: plain BearSSL, resumption
#                  through BearSSL's own session-ID LRU cache
# Same certificate (ECDSA P-256) and the same cipher suite
# (ECDHE-ECDSA-AES128-GCM-SHA256) for all. Rounds interleave the servers,
# rotating their order; s_time's own "real seconds" has a 1-second
# resolution, so the wall time of each s_time run is measured here and
# the rate is connections / wall time (the first full handshake of a
# -reuse run and s_time's start-up, ~1 %, are in it for every server
# alike). Reused connections are counted from s_time's per-connection
# mark ('r'), so a server that silently fails to resume cannot score.
#
# usage: bench/handshakes.sh TKT_BINARY OUT_TSV
#   HS_ROUNDS (default 5), HS_SECONDS per s_time run (default 4)
# Output: one line per run: mode server round connections reused wall_s
#   server_cpu_s (user + system CPU the server process used meanwhile, from
#   /proc: the server's own cost per handshake, less noisy than the rate)
set -u
TKT=$1
OUT=$2
ROUNDS=${HS_ROUNDS:-5}
SECS=${HS_SECONDS:-4}
CIPHER=ECDHE-ECDSA-AES128-GCM-SHA256

WORK=$(mktemp -d /tmp/tkt-bench-hs.XXXXXX)
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
	-subj /CN=localhost >/dev/null 2>&1 || { echo "hs: no certificate"; exit 1; }
head -c 80 /dev/urandom >"$WORK/ticket.key"

wait_port() {  # LOG: prints the port tkt server announced
	local i p
	for i in $(seq 1 100); do
		p=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$1" 2>/dev/null)
		[ -n "$p" ] && { echo "$p"; return 0; }
		sleep 0.05
	done
	return 1
}

start_tkt() {  # NAME EXTRA-ARGS...: sets PORT
	local name=$1
	shift
	"$TKT" server --port 0 --cert "$WORK/cert.pem" --key "$WORK/key.pem" \
		--ticket-keys "$WORK/ticket.key" --key-format nginx \
		--tls-min 1.2 --suite "$CIPHER" "$@" >"$WORK/$name.log" 2>&1 &
	PIDS+=("$!")
	PORT=$(wait_port "$WORK/$name.log") || { echo "hs: $name did not start"; cat "$WORK/$name.log"; exit 1; }
}

# A free port for s_server: ask the kernel through python.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

start_tkt tkt
P_TKT=$PORT
PID_TKT=${PIDS[-1]}
start_tkt bearssl-cache --no-tickets
P_CACHE=$PORT
PID_CACHE=${PIDS[-1]}

# s_server reads its stdin; a FIFO we hold open for writing (and never
# write) keeps it blocked there instead of seeing end-of-file.
mkfifo "$WORK/stdin"
exec 3<>"$WORK/stdin"
P_OSSL=$(free_port)
openssl s_server -accept "127.0.0.1:$P_OSSL" -cert "$WORK/cert.pem" \
	-key "$WORK/key.pem" -tls1_2 -cipher "$CIPHER" -quiet \
	<&3 >"$WORK/ossl.log" 2>&1 &
PIDS+=("$!")
PID_OSSL=$!
for i in $(seq 1 100); do
	timeout 2 openssl s_client -connect "127.0.0.1:$P_OSSL" -tls1_2 \
		</dev/null >/dev/null 2>&1 && break
	sleep 0.05
done

pid_of() {
	case $1 in
	tkt) echo "$PID_TKT" ;;
	openssl-tickets) echo "$PID_OSSL" ;;
	bearssl-cache) echo "$PID_CACHE" ;;
	esac
}

# CPU seconds (user + system) a process has used so far.
cpu_of() {
	python3 -c 'import os,sys
f=open("/proc/%s/stat" % sys.argv[1]).read().rsplit(")",1)[1].split()
print((int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK"))' "$1"
}

port_of() {
	case $1 in
	tkt) echo "$P_TKT" ;;
	openssl-tickets) echo "$P_OSSL" ;;
	bearssl-cache) echo "$P_CACHE" ;;
	esac
}

: >"$OUT"
servers=(tkt openssl-tickets bearssl-cache)
for r in $(seq 1 "$ROUNDS"); do
	for mode in new reuse; do
		for k in 0 1 2; do
			s=${servers[$(( (k + r) % 3 ))]}
			c0=$(cpu_of "$(pid_of "$s")")
			t0=$(date +%s.%N)
			timeout $((SECS + 20)) openssl s_time -connect "127.0.0.1:$(port_of "$s")" \
				-tls1_2 -cipher "$CIPHER" -"$mode" -time "$SECS" \
				>"$WORK/st.out" 2>&1
			t1=$(date +%s.%N)
			c1=$(cpu_of "$(pid_of "$s")")
			conns=$(sed -n 's/^\([0-9]*\) connections in [0-9]* real seconds.*/\1/p' "$WORK/st.out" | tail -1)
			# per-connection marks: 'r' reused, '2' (TLS 1.2) new
			reused=0
			if [ "$mode" = reuse ]; then
				# the marks are the only output lines without a space
				reused=$(sed -n '/Now timing with session id reuse/,$p' "$WORK/st.out" \
					| grep -v -e ' ' -e '^starting$' | tr -cd 'r' | wc -c)
			fi
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$s" "$r" "${conns:-0}" \
				"$reused" "$(python3 -c "print(round($t1 - $t0, 4))")" \
				"$(python3 -c "print(round($c1 - $c0, 3))")" >>"$OUT"
			echo "hs: round $r $mode $s: ${conns:-0} connections, $reused reused" >&2
		done
	done
done
# The servers' own view: resumptions they logged.
echo "hs: tkt server log: $(grep -c 'handshake=resumed' "$WORK/tkt.log") resumed, $(grep -c 'handshake=full' "$WORK/tkt.log") full" >&2
echo "hs: bearssl-cache log: $(grep -c 'handshake=resumed' "$WORK/bearssl-cache.log") resumed, $(grep -c 'handshake=full' "$WORK/bearssl-cache.log") full" >&2
