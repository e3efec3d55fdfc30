#!/usr/bin/env bash
# Live interop of tkt's BearSSL integration (issue 6) with OpenSSL and
# GnuTLS: tkt server against openssl s_client, gnutls-cli and tkt client;
# tkt client against openssl s_server and gnutls-serv. Resumption is
# verified from both sides: the peer reports it (s_client "Reused,",
# gnutls "This is a resumed session", s_server's -www page "Reused,") and
# tkt reports it (server log "handshake=resumed", client "Reused,").
#
# usage: tests/interop/run.sh BUILD_DIR   (uses BUILD_DIR/tkt)
# Loopback only (gnutls-serv, which binds every interface, runs in a
# private network namespace, or is skipped); every process is started in
# the background, bounded by timeout or --max-conns, and ended by PID.
# INTEROP_REPEAT sets the number of resumptions in a row (default 10000).
set -u
BUILD=${1:?usage: run.sh BUILD_DIR}
TKT=$(cd "$BUILD" && pwd)/tkt
HERE=$(cd "$(dirname "$0")" && pwd)
REPEAT=${INTEROP_REPEAT:-10000}
[ -x "$TKT" ] || { echo "interop: $TKT not built"; exit 1; }
for t in openssl gnutls-cli gnutls-serv python3; do
	command -v "$t" >/dev/null || { echo "interop: $t missing (scripts/deps.sh)"; exit 1; }
done

WORK=$(mktemp -d /tmp/tkt-interop.XXXXXX)
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

npass=0
nfail=0
ok()   { npass=$((npass + 1)); echo "ok   $1"; }
bad()  { nfail=$((nfail + 1)); echo "FAIL $1"; shift; for f in "$@"; do
	[ -f "$f" ] && sed "s|^|     $f: |" "$f" | tail -n 15; done; }
check() { # NAME CONDITION-STATUS FILES...
	local name=$1 st=$2; shift 2
	if [ "$st" -eq 0 ]; then ok "$name"; else bad "$name" "$@"; fi
}

# ------------------------------------------------------------ fixtures
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	-keyout ec.key -out ec.pem -days 2 -subj /CN=localhost >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.pem \
	-days 2 -subj /CN=localhost >/dev/null 2>&1
head -c 80 /dev/urandom >tk.key          # nginx 80 B: rfc5077-aes256
head -c 80 /dev/urandom >other.key       # an unrelated server's key
head -c 48 /dev/urandom >old.key         # nginx 48 B: rfc5077

# start_server NAME ARGS...: tkt server on a free port; sets PORT, SPID.
start_server() {
	local name=$1 i
	shift
	"$TKT" server --port 0 "$@" >"$name.log" 2>&1 &
	SPID=$!
	PIDS+=("$SPID")
	for i in $(seq 1 200); do
		PORT=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$name.log")
		[ -n "$PORT" ] && return 0
		kill -0 "$SPID" 2>/dev/null || break
		sleep 0.05
	done
	echo "interop: server $name did not start"; cat "$name.log"; exit 1
}
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
free_port() {
	python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}
# osc PORT ARGS...: one openssl s_client connection, bounded.
osc() {
	local p=$1
	shift
	timeout 10 openssl s_client -connect "127.0.0.1:$p" -ign_eof "$@" </dev/null 2>&1
}
# nth server log line of connection N
logline() { grep "^conn=$2 " "$1.log"; }

EC=(--cert ec.pem --key ec.key)
RSA=(--cert rsa.pem --key rsa.key)
KEYS=(--ticket-keys tk.key --key-format nginx)
LOW='DEFAULT:@SECLEVEL=0'

# ================================================ tkt server vs s_client
start_server ec "${EC[@]}" "${KEYS[@]}"
EP=$PORT
ESPID=$SPID
conn=0
for v in tls1 tls1_1 tls1_2; do
	osc "$EP" "-$v" -cipher "$LOW" -sess_out "s_$v.pem" >"s_$v.1" ; conn=$((conn + 1))
	osc "$EP" "-$v" -cipher "$LOW" -sess_in "s_$v.pem" >"s_$v.2" ; conn=$((conn + 1))
	grep -q '^New,' "s_$v.1" && grep -q 'TLS session ticket:' "s_$v.1" \
		&& grep -q '^Reused,' "s_$v.2" \
		&& logline ec $((conn - 1)) | grep -q 'handshake=full .*issued=new' \
		&& logline ec $conn | grep -q 'handshake=resumed .*ticket=accepted'
	check "openssl s_client -$v: ticket issued, -sess_in Reused (both sides)" $? "s_$v.1" "s_$v.2" ec.log
done

# cipher suites, TLS 1.2: ECDHE-ECDSA (this server) and ECDHE-RSA (below)
for c in ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE-ECDSA-AES256-GCM-SHA384 \
	ECDHE-ECDSA-AES128-SHA256 ECDHE-ECDSA-AES256-SHA ECDHE-ECDSA-CHACHA20-POLY1305
do
	osc "$EP" -tls1_2 -cipher "$c" -sess_out "c_$c.pem" >"c_$c.1"; conn=$((conn + 1))
	osc "$EP" -tls1_2 -cipher "$c" -sess_in "c_$c.pem" >"c_$c.2"; conn=$((conn + 1))
	grep -q "^New, .*Cipher is $c\$" "c_$c.1" && grep -q "^Reused, .*Cipher is $c\$" "c_$c.2" \
		&& logline ec $conn | grep -q 'handshake=resumed'
	check "openssl s_client $c: full, then Reused" $? "c_$c.1" "c_$c.2" ec.log
done

# session-ID resumption through BearSSL's LRU cache beside tickets
osc "$EP" -tls1_2 -no_ticket -sess_out sid.pem >sid.1; conn=$((conn + 1))
osc "$EP" -tls1_2 -no_ticket -sess_in sid.pem >sid.2; conn=$((conn + 1))
grep -q '^New,' sid.1 && grep -q '^Reused,' sid.2 \
	&& logline ec $conn | grep -q 'handshake=resumed .*ticket=not-offered'
check "openssl s_client -no_ticket: session-ID resumption (LRU) still works" $? sid.1 sid.2 ec.log

# gnutls-cli --resume
timeout 15 gnutls-cli --insecure --resume -p "$EP" 127.0.0.1 \
	--priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2' </dev/null >gc.txt 2>&1
conn=$((conn + 2))
grep -q 'This is a resumed session' gc.txt \
	&& logline ec $conn | grep -q 'handshake=resumed .*ticket=accepted'
check "gnutls-cli --resume: resumed session (both sides)" $? gc.txt ec.log

# max_fragment_length 512: every plaintext server record <= 512 bytes,
# the rewritten ServerHello included; then Reused through the same limit.
relay() { # OUT SPLIT ARGS... -> s_client through reclen_relay.py
	local out=$1 split=$2 rp i
	shift 2
	rm -f "$out.port"
	timeout 25 python3 "$HERE/reclen_relay.py" "$out.port" "$EP" "$out" "$split" &
	rp=$!
	for i in $(seq 1 100); do [ -s "$out.port" ] && break; sleep 0.05; done
	osc "$(cat "$out.port")" "$@" >"$out.txt"
	wait "$rp"
}
relay mfl1 0 -tls1_2 -maxfraglen 512 -sess_out mfl.pem; conn=$((conn + 1))
relay mfl2 0 -tls1_2 -maxfraglen 512 -sess_in mfl.pem; conn=$((conn + 1))
# (a flight of more than 512 bytes, so the limit was really applied)
awk '$2 > 512 { bad = 1 } { sum += $2 } END { exit bad || sum <= 512 }' mfl1 \
	&& grep -q '^New,' mfl1.txt && grep -q 'TLS session ticket:' mfl1.txt \
	&& grep -q '^Reused,' mfl2.txt && awk '$2 > 512 { bad = 1 } END { exit bad }' mfl2
check "openssl -maxfraglen 512: records <= 512 (ServerHello re-framed), Reused" $? mfl1 mfl1.txt mfl2.txt

# a ClientHello split over 64-byte records is assembled before the engine
relay split 64 -tls1_2 -sess_in s_tls1_2.pem; conn=$((conn + 1))
[ "$(cat split.client 2>/dev/null || echo 0)" -ge 3 ] && grep -q '^Reused,' split.txt \
	&& logline ec $conn | grep -q 'handshake=resumed'
check "ClientHello over $(cat split.client 2>/dev/null) records (64 B): assembled, Reused" $? split.txt ec.log

# ================================================ tkt client vs tkt server
timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --sess-out t.sess >t1.txt 2>&1
timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --sess-in t.sess >t2.txt 2>&1
conn=$((conn + 2))
grep -q '^New,' t1.txt && grep -q '^New-Ticket: yes' t1.txt && grep -q 'key_name:' t1.txt \
	&& grep -q '^Reused,' t2.txt && logline ec $conn | grep -q 'handshake=resumed'
check "tkt client: ticket received and decoded, Reused (both sides)" $? t1.txt t2.txt ec.log

for v in 1 1_1; do
	timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --tls$v --sess-out "tv$v.sess" >"tv$v.1" 2>&1
	timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --tls$v --sess-in "tv$v.sess" >"tv$v.2" 2>&1
	conn=$((conn + 2))
	grep -q '^New,' "tv$v.1" && grep -q '^Reused,' "tv$v.2"
	check "tkt client --tls$v: New, then Reused" $? "tv$v.1" "tv$v.2"
done

# session IDs that are not 32 bytes (older Go: 16) resume and are echoed
for n in 1 16 31; do
	timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --sid-len $n --sess-in t.sess >"sid$n.txt" 2>&1
	conn=$((conn + 1))
	grep -q '^Reused,' "sid$n.txt" && logline ec $conn | grep -q 'handshake=resumed'
	check "tkt client with a $n-byte session ID: Reused" $? "sid$n.txt" ec.log
done
# hand-made ClientHellos: the ID is echoed exactly (Ticketbleed), 33 refused
for n in 0 1 16 31 32; do
	out=$(timeout 15 python3 "$HERE/raw_hello.py" "$EP" $n t.sess)
	conn=$((conn + 1))
	sent=${out##*sent=}
	got=${out#SH sid=}; got=${got%% *}
	[ "${out#SH }" != "$out" ] && [ "$got" = "$sent" ] \
		&& logline ec $conn | grep -q 'ticket=accepted'
	check "raw ClientHello, $n-byte session ID + ticket: accepted, ID echoed exactly" $? ec.log
done
out=$(timeout 15 python3 "$HERE/raw_hello.py" "$EP" 33 t.sess); conn=$((conn + 1))
[ "${out#SH }" = "$out" ]
check "raw ClientHello, 33-byte session ID: refused ($out)" $?
out=$(timeout 15 python3 "$HERE/raw_hello.py" "$EP" 32 big:65000); conn=$((conn + 1))
[ "${out#SH }" != "$out" ] && [ "${out#*ext35=0}" != "$out" ]
check "65000-byte ticket: no crash, full handshake without ticket ($out)" $?
timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --sess-in t.sess >after.txt 2>&1
conn=$((conn + 1))
grep -q '^Reused,' after.txt
check "server still serving after the malformed ClientHellos" $? after.txt ec.log

# tampered ticket: full handshake with a fresh ticket
python3 -c 'import sys;b=bytearray(open(sys.argv[1],"rb").read());b[-1]^=1;open(sys.argv[2],"wb").write(b)' t.sess bad.sess
timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --sess-in bad.sess --sess-out fresh.sess >tamper.txt 2>&1
conn=$((conn + 1))
grep -q '^New,' tamper.txt && grep -q '^New-Ticket: yes' tamper.txt \
	&& logline ec $conn | grep -q 'ticket=rejected status=TKT_ERR_BAD_MAC .*issued=new'
check "tampered ticket: full handshake, TKT_ERR_BAD_MAC, fresh ticket" $? tamper.txt ec.log
timeout 10 "$TKT" client "127.0.0.1:$EP" --quiet --sess-in fresh.sess >fresh.txt 2>&1
conn=$((conn + 1))
grep -q '^Reused,' fresh.txt
check "the fresh ticket resumes" $? fresh.txt

# 10^4 resumptions in a row, flat server memory
rss() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$ESPID/status"; }
timeout 60 "$TKT" client "127.0.0.1:$EP" --quiet --sess-in t.sess --repeat 1000 >rep0.txt 2>&1
r1=$(rss)
t0=$(date +%s%N)
timeout 240 "$TKT" client "127.0.0.1:$EP" --quiet --sess-in t.sess --repeat "$REPEAT" >rep.txt 2>&1
t1=$(date +%s%N)
r2=$(rss)
grep -q "^repeat: $REPEAT connections, $REPEAT reused, 0 full" rep.txt && [ "$r2" -le "$((r1 + 64))" ]
check "$REPEAT resumptions in a row, all Reused; server VmRSS ${r1} -> ${r2} kB ($(( (t1 - t0) / 1000000 )) ms)" $? rep.txt
stop "$ESPID"

# ====================================== a fleet: two processes, one key
start_server ecA "${EC[@]}" "${KEYS[@]}"
PA=$PORT; PAID=$SPID
start_server ecB "${EC[@]}" "${KEYS[@]}"
PB=$PORT; PBID=$SPID
osc "$PA" -tls1_2 -sess_out fleet.pem >fleet.1
osc "$PB" -tls1_2 -sess_in fleet.pem >fleet.2
grep -q '^New,' fleet.1 && grep -q '^Reused,' fleet.2 && logline ecB 1 | grep -q 'handshake=resumed'
check "ticket from server process A resumes on process B (shared key file)" $? fleet.1 fleet.2 ecB.log
stop "$PAID"; stop "$PBID"

# ticket rejected by a server with another key: openssl gets a full
# handshake and a new ticket, which then resumes there
start_server other "${EC[@]}" --ticket-keys other.key --key-format nginx
osc "$PORT" -tls1_2 -sess_in fleet.pem -sess_out other.pem >other.1
osc "$PORT" -tls1_2 -sess_in other.pem >other.2
grep -q '^New,' other.1 && grep -q 'TLS session ticket:' other.1 && grep -q '^Reused,' other.2 \
	&& logline other 1 | grep -q 'ticket=rejected status=TKT_ERR_NOT_OURS .*issued=new'
check "openssl: unknown ticket -> full handshake + new ticket -> Reused" $? other.1 other.2 other.log
stop "$SPID"

# expired ticket (a server whose clock is 2 h 13 min ahead)
start_server late "${EC[@]}" "${KEYS[@]}" --time-offset 8000
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in t.sess >late.txt 2>&1
grep -q '^New,' late.txt && grep -q '^New-Ticket: yes' late.txt \
	&& logline late 1 | grep -q 'ticket=rejected status=TKT_ERR_EXPIRED .*issued=new'
check "expired ticket: full handshake, TKT_ERR_EXPIRED, fresh ticket" $? late.txt late.log
stop "$SPID"

# tickets disabled: never resume from a ticket (Go CVE-2014-7189)
start_server off "${EC[@]}" --no-tickets
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in t.sess >off.txt 2>&1
grep -q '^New,' off.txt && grep -q '^New-Ticket: no' off.txt
check "server with --no-tickets: full handshake, no ticket" $? off.txt off.log
stop "$SPID"

# key rotation: a ticket sealed under a key that became decrypt-only
# resumes and is renewed (auto), or not renewed (never)
start_server old "${EC[@]}" --ticket-keys old.key --key-format nginx
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-out old.sess >old.0 2>&1
stop "$SPID"
start_server rot "${EC[@]}" --ticket-keys tk.key --ticket-keys old.key --key-format nginx
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in old.sess --sess-out new.sess >rot.1 2>&1
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in new.sess >rot.2 2>&1
grep -q '^Reused,' rot.1 && grep -q '^New-Ticket: yes' rot.1 && grep -q '^Reused,' rot.2 \
	&& logline rot 1 | grep -q 'status=TKT_OK_RENEW .*issued=renewed' \
	&& logline rot 2 | grep -q 'status=TKT_OK .*issued=no'
check "renew auto: decrypt-only key -> resumed and renewed; renewed ticket resumes" $? rot.1 rot.2 rot.log
stop "$SPID"
start_server never "${EC[@]}" --ticket-keys tk.key --ticket-keys old.key --key-format nginx --renew never
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in old.sess >never.txt 2>&1
grep -q '^Reused,' never.txt && grep -q '^New-Ticket: no' never.txt
check "renew never: resumed without a new ticket" $? never.txt never.log
stop "$SPID"
start_server always "${EC[@]}" "${KEYS[@]}" --renew always
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in t.sess >always.txt 2>&1
grep -q '^Reused,' always.txt && grep -q '^New-Ticket: yes' always.txt
check "renew always: resumed with a new ticket" $? always.txt always.log
stop "$SPID"

# an empty NewSessionTicket keeps the old ticket (RT2772): a tkt-format
# aes256-gcm key past its encrypt window opens (OK_RENEW) but cannot
# seal, so the renewal announced in the ServerHello is an empty NST.
now=$(date +%s)
"$TKT" keys gen --suite aes256-gcm --now $((now - 1000)) --encrypt 500 \
	--decrypt 100000 -o gcm.tkt >/dev/null
start_server past "${EC[@]}" --ticket-keys gcm.tkt --time-offset -900
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-out gcm.sess >gcm.0 2>&1
stop "$SPID"
start_server empty "${EC[@]}" --ticket-keys gcm.tkt
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in gcm.sess --sess-out gcm2.sess >gcm.1 2>&1
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in gcm2.sess >gcm.2 2>&1
grep -q '^New-Ticket: yes' gcm.0 && grep -q 'nonce 12, tag 16' gcm.0 \
	&& grep -q '^Reused,' gcm.1 && grep -q '^New-Ticket: empty' gcm.1 \
	&& cmp -s gcm.sess gcm2.sess && grep -q '^Reused,' gcm.2 \
	&& logline empty 1 | grep -q 'status=TKT_OK_RENEW issued=empty seal_status=TKT_ERR_KEY'
check "empty NewSessionTicket on a renewal that cannot seal: old ticket kept, resumes again" $? gcm.0 gcm.1 gcm.2 empty.log
stop "$SPID"

# =============== bindings checked against the server's own configuration
start_server bind "${EC[@]}" "${KEYS[@]}" --alpn h2,http/1.1
osc "$PORT" -tls1_2 -alpn h2 -sess_out alpn.pem >alpn.1
osc "$PORT" -tls1_2 -alpn http/1.1 -sess_in alpn.pem >alpn.2
osc "$PORT" -tls1_2 -alpn h2 -sess_in alpn.pem >alpn.3
grep -q '^New,' alpn.1 && grep -q '^New,' alpn.2 && grep -q '^Reused,' alpn.3 \
	&& logline bind 2 | grep -q 'status=TKT_ERR_POLICY reason="ALPN differs" issued=new'
check "ALPN binding (openssl -alpn): other protocol -> full handshake; same -> Reused" $? alpn.1 alpn.2 alpn.3 bind.log
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --server-name a.example --sess-out sni.sess >sni.1 2>&1
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --server-name b.example --sess-in sni.sess >sni.2 2>&1
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --server-name a.example --sess-in sni.sess >sni.3 2>&1
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --tls1 --server-name a.example --sess-in sni.sess >sni.4 2>&1
grep -q '^New,' sni.2 && grep -q '^Reused,' sni.3 && grep -q '^New,' sni.4 \
	&& logline bind 5 | grep -q 'reason="server name differs" issued=new' \
	&& logline bind 7 | grep -q 'reason="version not allowed" issued=new'
check "SNI and version bindings: other name or lower version -> full handshake" $? sni.2 sni.3 sni.4 bind.log
# No ALPN name in common: BearSSL 0.6 would resume, write protocol index
# 0xFFFF and crash; a full handshake instead, for a ticket and for a
# session ID (LRU cache), and the server keeps serving.
osc "$PORT" -tls1_2 -alpn h2 -no_ticket -sess_out lru.pem >lru.1
osc "$PORT" -tls1_2 -alpn h1 -no_ticket -sess_in lru.pem >lru.2
osc "$PORT" -tls1_2 -alpn h1 -sess_in alpn.pem >lru.3
osc "$PORT" -tls1_2 -alpn h2 -no_ticket -sess_in lru.pem >lru.4
grep -q '^New,' lru.1 && grep -q '^New,' lru.2 && grep -q '^New,' lru.3 \
	&& grep -q '^Reused,' lru.4 && kill -0 "$SPID" \
	&& logline bind 9 | grep -q 'handshake=full .*ticket=not-offered' \
	&& logline bind 10 | grep -q 'reason="no ALPN name in common" issued=new'
check "no ALPN name in common: full handshake from a ticket or a session ID (BearSSL 0.6 crash avoided)" $? lru.1 lru.2 lru.3 lru.4 bind.log
stop "$SPID"
start_server suite "${EC[@]}" "${KEYS[@]}" --suite ECDHE-ECDSA-CHACHA20-POLY1305
timeout 10 "$TKT" client "127.0.0.1:$PORT" --quiet --sess-in t.sess >suite.txt 2>&1
grep -q '^New, .*CHACHA20' suite.txt \
	&& logline suite 1 | grep -q 'reason="cipher suite not allowed" issued=new'
check "suite binding: a suite the server no longer allows -> full handshake" $? suite.txt suite.log
stop "$SPID"

# ====================================================== ECDHE-RSA server
start_server rsa "${RSA[@]}" "${KEYS[@]}"
for c in ECDHE-RSA-AES128-GCM-SHA256 ECDHE-RSA-AES256-SHA384 ECDHE-RSA-AES128-SHA \
	ECDHE-RSA-CHACHA20-POLY1305
do
	osc "$PORT" -tls1_2 -cipher "$c" -sess_out "r_$c.pem" >"r_$c.1"
	osc "$PORT" -tls1_2 -cipher "$c" -sess_in "r_$c.pem" >"r_$c.2"
	grep -q "^New, .*Cipher is $c\$" "r_$c.1" && grep -q "^Reused, .*Cipher is $c\$" "r_$c.2"
	check "openssl s_client $c (RSA certificate): full, then Reused" $? "r_$c.1" "r_$c.2"
done
osc "$PORT" -tls1 -cipher "$LOW" -sess_out r10.pem >r10.1
osc "$PORT" -tls1 -cipher "$LOW" -sess_in r10.pem >r10.2
grep -q 'Protocol  *: TLSv1$' r10.2 && grep -q '^Reused,' r10.2
check "openssl s_client -tls1 (RSA certificate, CBC): Reused" $? r10.1 r10.2
stop "$SPID"

# ============================================ tkt client vs openssl s_server
# -no_cache: tickets only. The -www page reports the session as s_server
# sees it ("New," or "Reused,").
for v in tls1 tls1_1 tls1_2; do
	P=$(free_port)
	timeout 60 openssl s_server -accept "127.0.0.1:$P" "-$v" -cipher "$LOW" -no_cache \
		-cert ec.pem -key ec.key -www >"os_$v.log" 2>&1 &
	OSP=$!
	PIDS+=("$OSP")
	for i in $(seq 1 100); do grep -q ACCEPT "os_$v.log" && break; sleep 0.05; done
	flag=--$v
	timeout 10 "$TKT" client "127.0.0.1:$P" --quiet $flag --sess-out "os_$v.sess" \
		--send $'GET / HTTP/1.0\r\n\r\n' >"os_$v.1" 2>&1
	timeout 10 "$TKT" client "127.0.0.1:$P" --quiet $flag --sess-in "os_$v.sess" \
		--send $'GET / HTTP/1.0\r\n\r\n' >"os_$v.2" 2>&1
	grep -q '^New,' "os_$v.1" && grep -q '^New-Ticket: yes' "os_$v.1" \
		&& grep -q '^Reused,' "os_$v.2" \
		&& [ "$(grep -c '^Reused,' "os_$v.2")" -ge 2 ]
	check "tkt client vs openssl s_server -$v -no_cache: ticket, then Reused (both sides)" $? "os_$v.1" "os_$v.2"
	stop "$OSP"
done

# ============================================ tkt client vs gnutls-serv
# gnutls-serv cannot bind to loopback only: it runs, with the client, in
# a private network namespace that has nothing but lo.
if unshare -n true 2>/dev/null && command -v ip >/dev/null; then
	cat >gs.sh <<EOF
ip link set lo up || exit 1
timeout 30 gnutls-serv -a -p 5556 --http --x509certfile ec.pem --x509keyfile ec.key \
	--priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2' >gs.log 2>&1 &
g=\$!
for i in \$(seq 1 100); do grep -q listening gs.log && break; sleep 0.05; done
timeout 10 "$TKT" client 127.0.0.1:5556 --quiet --sess-out gs.sess --send \$'GET / HTTP/1.0\r\n\r\n' >gs.1 2>&1
timeout 10 "$TKT" client 127.0.0.1:5556 --quiet --sess-in gs.sess --send \$'GET / HTTP/1.0\r\n\r\n' >gs.2 2>&1
kill \$g; wait \$g
EOF
	timeout 60 unshare -n bash gs.sh
	grep -q '^New,' gs.1 && grep -q '^New-Ticket: yes' gs.1 && grep -q '^Reused,' gs.2 \
		&& [ "$(grep -c 'This is a resumed session' gs.log)" -eq 1 ]
	check "tkt client vs gnutls-serv: ticket, then Reused (both sides)" $? gs.1 gs.2 gs.log
else
	echo "SKIP tkt client vs gnutls-serv: no network namespace (gnutls-serv binds every interface)"
fi

# Against an ASan/UBSan build: any report in any output or log fails.
san=$(grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' ./* 2>/dev/null)
[ -z "$san" ]
check "no sanitizer report in any output or server log" $? $san

echo "interop: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
