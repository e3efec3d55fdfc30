#!/usr/bin/env bash
# scripts/demo.sh [--live] -- `make demo`, the main job, in two parts:
#
#  1. `tkt inspect` (human-readable and --json) over the OpenSSL and GnuTLS
#     TLS 1.2 messages stored in corpus/captures (see its README), tkt's
#     reading set beside tshark's, and a malformed message refused. With
#     --live it first captures fresh handshakes (see scripts/capture.sh)
#     into a temporary directory.
#  2. scripts/demo_tls.sh: session tickets on BearSSL against OpenSSL, live
#     on loopback. Its exit status is the demo's.
# The binary is $TKT, else $O/tkt, else build/tkt (what `make` builds).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${O:-build}
tkt=${TKT:-$build/tkt}
if [ ! -x "$tkt" ]; then
	echo "demo: $tkt not found: run 'make' first (or 'make demo')" >&2
	exit 1
fi

captures=corpus/captures
tmp=
if [ "${1:-}" = "--live" ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	echo "== Capturing fresh OpenSSL and GnuTLS handshakes on a loopback interface"
	bash scripts/capture.sh "$tmp"
	captures=$tmp
fi

say() { printf '\n== %s\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }

say "OpenSSL client, full handshake: the empty SessionTicket extension asks for a ticket"
show "$tkt" inspect "$captures/openssl/full_client_hello.bin"

say "OpenSSL server: the NewSessionTicket (OpenSSL's own ticket layout, not RFC 5077 section 4)"
show "$tkt" inspect "$captures/openssl/full_new_session_ticket.bin"

say "OpenSSL client, resumption: the ticket goes back in extension 35, session id = SHA-256(ticket)"
show "$tkt" inspect "$captures/openssl/resume_client_hello.bin"

say "GnuTLS, the same as JSON (one object on stdout, for scripts)"
show "$tkt" inspect --json "$captures/gnutls/resume_server_hello.bin"
show "$tkt" inspect --json "$captures/gnutls/full_new_session_ticket.bin"

say "tkt and tshark's dissector agree on every captured message"
python3 - "$tkt" "$captures" <<'PY'
import json, os, subprocess, sys
tkt, captures = sys.argv[1], sys.argv[2]
bad = 0
for peer in ("openssl", "gnutls"):
    exp = json.load(open(os.path.join(captures, peer, "expected.json")))["messages"]
    for name in sorted(exp):
        e = exp[name]
        g = json.loads(subprocess.run([tkt, "inspect", "--json", os.path.join(captures, peer, name)],
                                      check=True, capture_output=True).stdout)
        if e["msg"] == "new_session_ticket":
            keys = ["lifetime_hint", "ticket"]
        else:
            keys = ["session_id", "extensions"]
            g["session_ticket"] = g["session_ticket"] and {"ticket": g["session_ticket"]["ticket"]}
            keys.append("session_ticket")
        same = all(g[k] == e[k] for k in keys)
        bad += not same
        print("  %-8s %-28s %-19s %s" % (peer, name, e["msg"], "agree" if same else "DISAGREE"))
sys.exit(1 if bad else 0)
PY

say "The same bytes as hex text are read the same way"
printf '$ xxd -p %s | %s inspect --json - | sed -n 1,4p\n' "$captures/openssl/full_server_hello.bin" "$tkt"
xxd -p "$captures/openssl/full_server_hello.bin" | "$tkt" inspect --json - | sed -n 1,4p

say "A malformed message: the NewSessionTicket cut by one byte"
printf '$ head -c -1 %s | %s inspect -\n' "$captures/gnutls/full_new_session_ticket.bin" "$tkt"
rc=0
head -c -1 "$captures/gnutls/full_new_session_ticket.bin" | "$tkt" inspect - || rc=$?
echo "(exit status $rc, nothing on stdout, one line on stderr)"
[ "$rc" -eq 2 ] || { echo "demo: expected exit status 2" >&2; exit 1; }

if [ -f scripts/demo_tls.sh ]; then
	say "Live: session tickets on unmodified BearSSL 0.6 (scripts/demo_tls.sh)"
	bash scripts/demo_tls.sh "$build"
fi
