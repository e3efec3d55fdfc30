#!/usr/bin/env bash
# scripts/capture.sh OUTDIR [PEER...]
#
# Capture real TLS 1.2 handshakes with session tickets and store, per peer,
# the ClientHello, ServerHello and NewSessionTicket handshake messages as
# raw bytes (4-byte handshake header included) together with what tshark's
# own TLS dissector says about each of them: the independent decoder that
# tests/inspect and tests/capture check `tkt inspect` against.
#
# PEER is openssl and/or gnutls (default: both). For each peer:
#   OUTDIR/PEER/{full,resume}_{client_hello,server_hello,new_session_ticket}.bin
#       (a file exists only if the peer sent that message; see expected.json)
#   OUTDIR/PEER/expected.json   tshark's verdict for every .bin file
#   OUTDIR/PEER/capture.pcap    the packets, for anyone who wants to look
#
# Connection 1 ("full") is a full handshake with tickets on; connection 2
# ("resume") presents the ticket received on connection 1.
#
# Network: everything stays on a loopback interface. When `unshare -n` is
# permitted (root) the script re-runs itself in a fresh network namespace,
# whose only interface is its own lo: nothing can reach the servers (which
# bind to every address of the namespace) and no other engineer's traffic
# or port can interfere. Otherwise the host's lo is used, with a random
# free port and a capture filter on it (OpenSSL's server then listens on
# 127.0.0.1 only; gnutls-serv has no option to choose its address).
#
# Bounds: every peer command runs under `timeout`; dumpcap stops on its own
# after 30 s at the latest; every process started here is killed by PID in
# the EXIT trap.
set -euo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 OUTDIR [openssl] [gnutls]" >&2
	exit 2
fi

# TKT_CAPTURE_HOST_LO=1 forces the host's lo (to test that path).
if [ -z "${TKT_CAPTURE_IN_NETNS:-}" ] && [ -z "${TKT_CAPTURE_HOST_LO:-}" ] \
	&& unshare -n true 2>/dev/null; then
	TKT_CAPTURE_IN_NETNS=1 exec unshare -n bash "$0" "$@"
fi
if [ -n "${TKT_CAPTURE_IN_NETNS:-}" ]; then
	ip link set lo up
fi

outdir=$1; shift
peers=("$@")
[ ${#peers[@]} -gt 0 ] || peers=(openssl gnutls)

for tool in dumpcap tshark openssl gnutls-serv gnutls-cli python3 ss timeout; do
	command -v "$tool" >/dev/null || { echo "capture: $tool not found (scripts/deps.sh)" >&2; exit 1; }
done

tmp=$(mktemp -d)
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${pids[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
# On a signal (e.g. from an outer `timeout`), exit so that the EXIT trap runs.
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# A throwaway ECDSA P-256 certificate, valid for one day, for both servers.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 -subj /CN=localhost \
	>"$tmp/req.log" 2>&1 || { cat "$tmp/req.log" >&2; exit 1; }

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for CMD...: poll CMD every 0.1 s for up to 5 s.
wait_for() {
	local i
	for i in $(seq 50); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

listening() { ss -ltnH "sport = :$1" | grep -q .; }

start_capture() { # PCAP PORT
	dumpcap -q -i lo -f "tcp port $2" -a duration:30 -w "$1" >"$1.log" 2>&1 &
	cap_pid=$!
	pids+=("$cap_pid")
	wait_for grep -q 'Capturing on' "$1.log" || { cat "$1.log" >&2; return 1; }
	sleep 0.3   # the filter is attached before the message, but be generous
}

stop_capture() {
	sleep 0.3   # let the last segments and FINs reach the capture
	kill -INT "$cap_pid" 2>/dev/null || true
	wait "$cap_pid" 2>/dev/null || true
}

stop_server() {
	kill "$srv_pid" 2>/dev/null || true
	wait "$srv_pid" 2>/dev/null || true
}

capture_openssl() { # PCAP PORT
	start_capture "$1" "$2"
	timeout 20 openssl s_server -accept "127.0.0.1:$2" -tls1_2 \
		-cert "$tmp/cert.pem" -key "$tmp/key.pem" -naccept 2 -quiet \
		</dev/null >"$tmp/openssl_server.log" 2>&1 &
	srv_pid=$!
	pids+=("$srv_pid")
	wait_for listening "$2"
	# -sess_out/-sess_in carry the session (and its ticket) from the full
	# handshake to the resumption. s_client closes on stdin's EOF, after
	# the handshake (which includes the NewSessionTicket) is complete.
	timeout 10 openssl s_client -connect "127.0.0.1:$2" -tls1_2 \
		-sess_out "$tmp/openssl.sess" </dev/null >"$tmp/openssl_client1.log" 2>&1
	timeout 10 openssl s_client -connect "127.0.0.1:$2" -tls1_2 \
		-sess_in "$tmp/openssl.sess" </dev/null >"$tmp/openssl_client2.log" 2>&1
	stop_server
	stop_capture
	grep -q '^Reused' "$tmp/openssl_client2.log" \
		|| { echo "capture: openssl did not resume" >&2; return 1; }
}

capture_gnutls() { # PCAP PORT
	local prio='NORMAL:-VERS-ALL:+VERS-TLS1.2'
	start_capture "$1" "$2"
	timeout 20 gnutls-serv -p "$2" --x509certfile "$tmp/cert.pem" \
		--x509keyfile "$tmp/key.pem" --priority "$prio" -q \
		</dev/null >"$tmp/gnutls_server.log" 2>&1 &
	srv_pid=$!
	pids+=("$srv_pid")
	wait_for listening "$2"
	# --resume: a full handshake, then a second connection resuming it.
	timeout 10 gnutls-cli --insecure -p "$2" --resume --priority "$prio" \
		127.0.0.1 </dev/null >"$tmp/gnutls_client.log" 2>&1
	stop_server
	stop_capture
	grep -q 'This is a resumed session' "$tmp/gnutls_client.log" \
		|| { echo "capture: gnutls did not resume" >&2; return 1; }
}

for peer in "${peers[@]}"; do
	case $peer in
	openssl|gnutls) ;;
	*) echo "capture: unknown peer $peer" >&2; exit 2 ;;
	esac
	port=$(free_port)
	pcap="$tmp/$peer.pcap"
	"capture_$peer" "$pcap" "$port"
	mkdir -p "$outdir/$peer"
	rm -f "$outdir/$peer"/*.bin "$outdir/$peer/expected.json"
	cp "$pcap" "$outdir/$peer/capture.pcap"
	chmod 644 "$outdir/$peer/capture.pcap"
	python3 - "$pcap" "$port" "$outdir/$peer" "$peer" <<'PY'
# Two independent paths over the same packets:
#  1. extraction (ours): reassemble each TCP direction from tcp.payload and
#     tcp.seq, walk the TLS records, concatenate the plaintext handshake
#     records (until ChangeCipherSpec) and cut them into messages;
#  2. verdict (tshark's): the TLS dissector's fields for each message,
#     including its raw bytes (tls.handshake_raw), which must equal ours.
import json, subprocess, sys

pcap, port, outdir, peer = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
NAMES = {1: "client_hello", 2: "server_hello", 4: "new_session_ticket"}

def die(msg):
    sys.stderr.write("capture: %s: %s\n" % (peer, msg))
    sys.exit(1)

def tshark(*args):
    return subprocess.run(["tshark", "-n", "-r", pcap, "-o", "tls.desegment_ssl_records:TRUE",
                           "-o", "tls.desegment_ssl_application_data:TRUE"] + list(args),
                          check=True, capture_output=True, text=True).stdout

# ---- 1. extraction -----------------------------------------------------
rows = tshark("-Y", "tcp.len > 0", "-T", "fields", "-E", "separator=\t",
              "-o", "tcp.relative_sequence_numbers:TRUE",
              "-e", "tcp.stream", "-e", "tcp.dstport", "-e", "tcp.seq", "-e", "tcp.payload")
segs = {}
for line in rows.splitlines():
    stream, dport, seq, payload = line.split("\t")
    key = (int(stream), "c2s" if int(dport) == port else "s2c")
    segs.setdefault(key, {})[int(seq)] = bytes.fromhex(payload.replace(":", ""))

def reassemble(parts):
    data, nxt = b"", 1
    for seq in sorted(parts):
        if seq < nxt:   # retransmission: must repeat what we have
            old = data[seq - 1:seq - 1 + len(parts[seq])]
            if parts[seq][:len(old)] != old:
                die("inconsistent retransmission")
            if seq - 1 + len(parts[seq]) > len(data):
                data += parts[seq][len(old):]
        elif seq == nxt:
            data += parts[seq]
        else:
            die("gap in TCP stream")
        nxt = len(data) + 1
    return data

extracted = {}   # (stream, dir) -> list of handshake messages
for key, parts in segs.items():
    data, hs, off = reassemble(parts), b"", 0
    while off + 5 <= len(data):
        ctype, rlen = data[off], data[off + 3] * 256 + data[off + 4]
        if off + 5 + rlen > len(data):
            break
        frag = data[off + 5:off + 5 + rlen]
        off += 5 + rlen
        if ctype == 20:
            break          # what follows is encrypted
        if ctype == 22:
            hs += frag
    msgs, o = [], 0
    while o + 4 <= len(hs):
        n = hs[o + 1] * 65536 + hs[o + 2] * 256 + hs[o + 3]
        if o + 4 + n > len(hs):
            die("handshake message cut short in stream %d" % key[0])
        msgs.append(hs[o:o + 4 + n])
        o += 4 + n
    if o != len(hs):
        die("stray handshake bytes in stream %d" % key[0])
    extracted[key] = msgs

# ---- 2. tshark's verdict -----------------------------------------------
def pairs_hook(p):
    return p          # keep every key, in order, duplicates included

def get(pairs, name, default=None):
    for k, v in pairs:
        if k == name:
            return v
    return default

def get_all(pairs, name):
    return [v for k, v in pairs if k == name]

def hexof(v):
    return (v or "").replace(":", "").lower()

def handshakes(node):
    """(raw_hex, tls.handshake pairs) of each dissected handshake message."""
    out, raw = [], None
    if not isinstance(node, list):
        return out
    for k, v in node:
        if k == "tls.handshake_raw":
            raw = v[0] if isinstance(v, list) and v and isinstance(v[0], str) else None
        elif k == "tls.handshake" and isinstance(v, list):
            if get(v, "tls.handshake.type") is not None:
                out.append((raw, v))
            raw = None
        elif isinstance(v, list) and v and isinstance(v[0], tuple):
            out.extend(handshakes(v))
    return out

def verdict(hs):
    t = int(get(hs, "tls.handshake.type"))
    v = {"msg": NAMES[t], "length": int(get(hs, "tls.handshake.length"))}
    if t == 4:
        st = get(hs, "TLS Session Ticket")
        v["lifetime_hint"] = int(get(st, "tls.handshake.session_ticket_lifetime_hint"))
        v["ticket"] = hexof(get(st, "tls.handshake.session_ticket"))
        if len(v["ticket"]) // 2 != int(get(st, "tls.handshake.session_ticket_length")):
            die("tshark ticket length disagrees with its ticket")
        return v
    v["version"] = get(hs, "tls.handshake.version")
    sid_len = int(get(hs, "tls.handshake.session_id_length"))
    v["session_id"] = hexof(get(hs, "tls.handshake.session_id")) if sid_len else ""
    if len(v["session_id"]) // 2 != sid_len:
        die("tshark session id length disagrees with its session id")
    if t == 1:
        cs = get(hs, "tls.handshake.ciphersuites")
        v["cipher_suites"] = ["0x%04x" % int(x, 0) for x in get_all(cs, "tls.handshake.ciphersuite")]
    else:
        v["cipher_suite"] = "0x%04x" % int(get(hs, "tls.handshake.ciphersuite"), 0)
    exts, ticket = [], None
    for k, e in hs:
        if not k.startswith("Extension: "):
            continue
        et, el = int(get(e, "tls.handshake.extension.type")), int(get(e, "tls.handshake.extension.len"))
        exts.append({"type": et, "length": el})
        if et == 35:
            ticket = {"ticket": hexof(get(e, "tls.handshake.extension.data")) if el else ""}
    v["extensions"] = exts
    v["session_ticket"] = ticket
    return v

doc = json.loads(tshark("-Y", "tls.handshake.type", "-T", "json", "-x", "-O", "tls"),
                 object_pairs_hook=pairs_hook)
seen = {}   # (stream, type) -> (raw, verdict)
for pkt in doc:
    layers = get(get(pkt, "_source"), "layers")
    stream = int(get(get(layers, "tcp"), "tcp.stream"))
    for k, tls in layers:
        if k != "tls":
            continue
        for raw, hs in handshakes(tls):
            t = int(get(hs, "tls.handshake.type"))
            if t in NAMES:
                if (stream, t) in seen:
                    die("two messages of type %d in stream %d" % (t, stream))
                seen[(stream, t)] = (raw, verdict(hs))

streams = sorted({s for s, _ in extracted})
if len(streams) != 2:
    die("expected 2 TLS connections, saw %d" % len(streams))
expected = {}
for phase, stream in zip(("full", "resume"), streams):
    for direction in ("c2s", "s2c"):
        for m in extracted.get((stream, direction), []):
            t = m[0]
            if t not in NAMES:
                continue
            if (t == 1) != (direction == "c2s"):
                die("message type %d in the wrong direction" % t)
            if (stream, t) not in seen:
                die("tshark did not dissect message type %d of stream %d" % (t, stream))
            raw, v = seen[(stream, t)]
            if raw is None or raw.lower() != m.hex():
                die("tshark's raw bytes differ from ours for type %d in stream %d" % (t, stream))
            if v["length"] + 4 != len(m):
                die("length mismatch for type %d in stream %d" % (t, stream))
            name = "%s_%s.bin" % (phase, NAMES[t])
            with open("%s/%s" % (outdir, name), "wb") as f:
                f.write(m)
            expected[name] = v

for need in ("full_client_hello.bin", "full_server_hello.bin", "full_new_session_ticket.bin",
             "resume_client_hello.bin", "resume_server_hello.bin"):
    if need not in expected:
        die("no %s captured" % need)
ch, sh = expected["resume_client_hello.bin"], expected["resume_server_hello.bin"]
if not (ch["session_ticket"] and ch["session_ticket"]["ticket"]):
    die("the resuming ClientHello carries no ticket")
if ch["session_ticket"]["ticket"] != expected["full_new_session_ticket.bin"]["ticket"]:
    die("the resuming ClientHello does not carry the ticket of the first connection")
if not ch["session_id"] or ch["session_id"] != sh["session_id"]:
    die("the server did not echo the session id: not a resumption")

ver = {"openssl": ["openssl", "version"], "gnutls": ["gnutls-cli", "--version"]}[peer]
meta = {
    "peer": peer,
    "peer_version": subprocess.run(ver, capture_output=True, text=True).stdout.splitlines()[0],
    "tshark_version": subprocess.run(["tshark", "--version"], capture_output=True,
                                     text=True).stdout.splitlines()[0],
    "messages": expected,
}
with open("%s/expected.json" % outdir, "w") as f:
    json.dump(meta, f, indent=1, sort_keys=True)
    f.write("\n")
print("capture: %s: %s" % (peer, " ".join(sorted(expected))))
PY
done
