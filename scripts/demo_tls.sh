#!/usr/bin/env bash
# The handshake demo: session tickets on unmodified BearSSL 0.6.
# Self-contained (scripts/demo.sh, `make demo`, calls it):
#
#   1. builds tkt if needed, makes a throwaway certificate and ticket key
#      file (nginx format);
#   2. starts `tkt server`; openssl s_client makes a full handshake and
#      gets a ticket, which `tkt inspect` decodes and `tkt open` opens;
#   3. the ticket resumes the session (openssl prints "Reused");
#   4. a second server process sharing the key file resumes it too;
#   5. a tampered ticket falls back to a full handshake with a new ticket;
# then prints a summary and removes everything it made. Loopback only;
# the servers are ended by PID.
#
# usage: scripts/demo_tls.sh [BUILD_DIR]   (default: build; built if needed)
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
if [ ! -x "$BUILD/tkt" ] || [ -n "${DEMO_REBUILD:-}" ]; then
	make -s O="$BUILD" all >/dev/null || { echo "demo: build failed"; exit 1; }
fi
TKT=$(cd "$BUILD" && pwd)/tkt
WORK=$(mktemp -d /tmp/tkt-demo.XXXXXX)
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

results=()
step() { printf '\n== %s\n' "$1"; }
result() { results+=("$(printf '%-58s %s' "$1" "$2")"); }

start_server() {  # NAME: sets PORT, SPID
	local i
	timeout 120 "$TKT" server --port 0 --cert cert.pem --key key.pem \
		--ticket-keys ticket.key --key-format nginx >"$1.log" 2>&1 &
	SPID=$!
	PIDS+=("$SPID")
	for i in $(seq 1 100); do
		PORT=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$1.log" 2>/dev/null)
		[ -n "$PORT" ] && return 0
		sleep 0.05
	done
	echo "demo: server did not start:"; cat "$1.log"; exit 1
}

step "throwaway certificate (ECDSA P-256) and ticket key file (nginx, 80 bytes)"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	-keyout key.pem -out cert.pem -days 1 -subj /CN=localhost >/dev/null 2>&1
head -c 80 /dev/urandom >ticket.key
echo "cert.pem, key.pem, ticket.key (name 16 | HMAC-SHA-256 key 32 | AES-256 key 32)"

step "tkt server A"
start_server serverA
PA=$PORT
echo "listening on 127.0.0.1:$PA"

step "full handshake: openssl s_client -tls1_2 -sess_out"
timeout 15 openssl s_client -connect "127.0.0.1:$PA" -tls1_2 -ign_eof \
	-sess_out s1.pem </dev/null >s1.txt 2>&1
grep -E '^(New|Reused),|TLS session ticket lifetime' s1.txt
grep -q '^New,' s1.txt && grep -q 'TLS session ticket:' s1.txt \
	&& result "full handshake, ticket issued (openssl)" ok \
	|| result "full handshake, ticket issued (openssl)" FAILED

step "the ticket openssl received, decoded by tkt inspect (RFC 5077 section 4 layout)"
# openssl keeps the ticket in its session file; sess_id -text dumps it.
openssl sess_id -in s1.pem -noout -text 2>/dev/null | python3 -c '
import re, sys
on = False
out = []
for line in sys.stdin:
    if "TLS session ticket:" in line:
        on = True
        continue
    m = re.match(r"\s+[0-9a-f]{4} - ((?:[0-9a-f]{2}[ -]){0,15}[0-9a-f]{2})", line)
    if on and m:
        out.append(m.group(1).replace("-", " "))
    elif on and out:
        break
print(" ".join(out))
' >ticket.hex
echo "\$ tkt inspect --as ticket ticket.hex"
"$TKT" inspect --as ticket ticket.hex | tee t1.txt
grep -q 'key_name' t1.txt \
	&& result "ticket decoded by tkt inspect (key_name, iv, state, mac)" ok \
	|| result "ticket decoded by tkt inspect (key_name, iv, state, mac)" FAILED

step "the same ticket opened with the server's key file (tkt open)"
echo "\$ tkt open --keys ticket.key --key-format nginx ticket.hex"
"$TKT" open --keys ticket.key --key-format nginx ticket.hex \
	| sed 's/\(master_secret[^0-9a-f]*\)\([0-9a-f]\{8\}\)[0-9a-f]*/\1\2... (secret, shortened)/' \
	| tee o1.txt
grep -qi 'cipher' o1.txt \
	&& result "ticket opened with the key file (tkt open)" ok \
	|| result "ticket opened with the key file (tkt open)" FAILED

step "tkt client: the same server seen from tkt's own client (BearSSL)"
timeout 15 "$TKT" client "127.0.0.1:$PA" --ca cert.pem --server-name localhost \
	--sess-out t1.sess 2>&1 | tee tc1.txt
grep -q '^New-Ticket: yes' tc1.txt \
	&& result "tkt client: full handshake, ticket received" ok \
	|| result "tkt client: full handshake, ticket received" FAILED

step "resumption: openssl s_client -sess_in"
timeout 15 openssl s_client -connect "127.0.0.1:$PA" -tls1_2 -ign_eof \
	-sess_in s1.pem </dev/null >s2.txt 2>&1
grep -E '^(New|Reused),' s2.txt
grep -q '^Reused,' s2.txt && result "resumption on server A (openssl: Reused)" ok \
	|| result "resumption on server A (openssl: Reused)" FAILED

step "tkt server B, a second process sharing ticket.key"
start_server serverB
PB=$PORT
echo "listening on 127.0.0.1:$PB"
timeout 15 openssl s_client -connect "127.0.0.1:$PB" -tls1_2 -ign_eof \
	-sess_in s1.pem </dev/null >s3.txt 2>&1
grep -E '^(New|Reused),' s3.txt
timeout 15 "$TKT" client "127.0.0.1:$PB" --ca cert.pem --server-name localhost \
	--sess-in t1.sess 2>&1 | grep -E '^(New|Reused),' | tee t2.txt
grep -q '^Reused,' s3.txt && grep -q '^Reused,' t2.txt \
	&& result "resumption on server B sharing the key file" ok \
	|| result "resumption on server B sharing the key file" FAILED

step "tampered ticket (last MAC byte flipped)"
python3 - t1.sess bad.sess <<'EOF'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[-1] ^= 0x01
open(sys.argv[2], "wb").write(bytes(b))
EOF
timeout 15 "$TKT" client "127.0.0.1:$PA" --ca cert.pem --server-name localhost \
	--sess-in bad.sess 2>&1 | grep -E '^(New|Reused),|^New-Ticket' | tee t3.txt
grep -q '^New,' t3.txt && grep -q '^New-Ticket: yes$' t3.txt \
	&& result "tampered ticket: full handshake and a fresh ticket" ok \
	|| result "tampered ticket: full handshake and a fresh ticket" FAILED

step "server logs (one line per connection)"
sed 's/^/A: /' serverA.log | grep -v '^A: listening'
sed 's/^/B: /' serverB.log | grep -v '^B: listening'

printf '\n== summary\n'
failed=0
for r in "${results[@]}"; do
	echo "$r"
	case $r in *FAILED) failed=1 ;; esac
done
[ $failed -eq 0 ] && echo "demo: all steps ok" || echo "demo: some steps FAILED"
exit $failed
