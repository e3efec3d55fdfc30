#!/usr/bin/env python3
"""Check `tkt inspect` against an independent decoder and its error contract.

usage: check_inspect.py TKT CAPTURES_DIR LABEL [--captures-only] [--sample N]

CAPTURES_DIR holds one directory per peer, as written by scripts/capture.sh:
handshake messages (*.bin) and expected.json, tshark's verdict for each.
For every message this checks that `tkt inspect --json` agrees with tshark
(session id, extensions in order with lengths, session ticket, lifetime
hint, version, cipher suites), that hex input gives the same answer, and
that every truncation is refused properly: exit status 2, nothing on
stdout, exactly one line on stderr naming a structure and an offset within
the input. Without --captures-only it adds the --as structures (built here
from the captures and from the RFC 5077 layouts), malformed inputs, hex
input and usage errors. Closing line: "LABEL: N passed, M failed".

--sample N (used for sanitizer builds, whose start-up costs ~10 times a
plain build's): of each family of truncated inputs, check the first 16,
the last 4 and every N-th in between instead of all (with LeakSanitizer
on one in 4 of those), and 1/N of the random edits. The plain build's run
checks every one.
"""
import concurrent.futures
import json
import os
import re
import struct
import subprocess
import sys

TKT, CAPTURES, LABEL = sys.argv[1], sys.argv[2], sys.argv[3]
CAPTURES_ONLY = "--captures-only" in sys.argv[4:]
SAMPLE = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv[4:] else 1
passed = failed = 0
# Thousands of short runs (every truncation): keep every core busy.
POOL = concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2))
ERR_LINE = re.compile(rb"^tkt: inspect: ([^:\n]+): offset (\d+): ([^\n]+)\n$")


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s%s" % (what, (": " + detail) if detail else ""))
    return ok


NO_LEAK_CHECK = dict(os.environ, ASAN_OPTIONS=(os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":"))


def run(args, data=None, leak_check=True):
    p = subprocess.run([TKT, "inspect"] + args, input=data if data is not None else b"",
                       capture_output=True, timeout=20, env=None if leak_check else NO_LEAK_CHECK)
    return p.returncode, p.stdout, p.stderr


def inspect_json(args, data=None):
    """(parsed JSON or None, problem) of a run expected to succeed."""
    rc, out, err = run(["--json"] + args, data)
    if rc != 0 or err != b"":
        return None, "rc %d, stderr %r" % (rc, err[:200])
    try:
        return json.loads(out.decode("ascii")), ""
    except (UnicodeDecodeError, ValueError) as e:
        return None, "not one JSON object: %s" % e


def refusal_problem(rc, out, err, limit):
    """None if (rc, out, err) is a proper refusal with an offset <= limit."""
    if rc != 2:
        return "exit status %d" % rc
    if out != b"":
        return "stdout not empty: %r" % out[:80]
    m = ERR_LINE.match(err)
    if not m:
        return "stderr is not one error line: %r" % err[:200]
    if int(m.group(2)) > limit:
        return "offset %s beyond %d" % (m.group(2).decode(), limit)
    return None


def refused(args, data, what, limit=None, reason=None):
    rc, out, err = run(args, data)
    prob = refusal_problem(rc, out, err, len(data) if limit is None else limit)
    if prob is None and reason is not None and reason.encode() not in err:
        prob = "expected %s in %r" % (reason, err)
    return check(prob is None, what, prob or "")


def all_refused(args, inputs, what):
    """One check: every (data, limit) in inputs is refused properly."""
    if SAMPLE > 1:
        inputs = [x for i, x in enumerate(inputs)
                  if i < 16 or i >= len(inputs) - 4 or i % SAMPLE == 0]
        what += ", sampled 1 in %d" % SAMPLE
    problems = []
    # Sanitizer builds: LeakSanitizer's exit scan is most of a run's cost,
    # and every refusal leaves through the same clean-up: look for leaks
    # on one input in 4 of each family.
    results = POOL.map(lambda ix: run(args, ix[1], SAMPLE == 1 or ix[0] % 4 == 0),
                       enumerate(data for data, _ in inputs))
    for (data, limit), (rc, out, err) in zip(inputs, results):
        prob = refusal_problem(rc, out, err, limit)
        if prob:
            problems.append("len %d: %s" % (len(data), prob))
    return check(not problems, "%s (%d inputs)" % (what, len(inputs)),
                 "; ".join(problems[:3]) + (" ..." if len(problems) > 3 else ""))


def u16(n):
    return struct.pack(">H", n)


def u24(n):
    return struct.pack(">I", n)[1:]


def hexdump(data):
    h = data.hex()
    return "\n".join(h[i:i + 64] for i in range(0, len(h), 64)).encode() + b"\n"


# ---------------------------------------------------------------- captures

def compare(name, got, exp):
    """tkt's JSON against tshark's verdict, field by field."""
    keys = ["msg", "length"]
    if exp["msg"] == "new_session_ticket":
        keys += ["lifetime_hint", "ticket"]
    else:
        keys += ["version", "session_id", "extensions",
                 "cipher_suites" if exp["msg"] == "client_hello" else "cipher_suite"]
    for k in keys:
        check(got.get(k) == exp[k], "%s: %s" % (name, k),
              "tkt %r, tshark %r" % (got.get(k), exp[k]))
    if exp["msg"] != "new_session_ticket":
        st, est = got.get("session_ticket", "missing"), exp["session_ticket"]
        same = (st is None and est is None) or (
            isinstance(st, dict) and est is not None and st.get("ticket") == est["ticket"])
        check(same, "%s: session_ticket" % name, "tkt %r, tshark %r" % (st, est))
        if exp["extensions"]:
            check(got.get("has_extensions") is True, "%s: has_extensions" % name)


def check_message(path, name, exp):
    data = open(path, "rb").read()
    n = len(data)
    got, prob = inspect_json([path])
    if not check(got is not None, "%s: inspect --json" % name, prob):
        return
    compare(name, got, exp)

    # The same bytes as hex text (stdin, then with 0x and colons) and with
    # the explicit --as kind must give the same JSON.
    kind = {"client_hello": "client-hello", "server_hello": "server-hello",
            "new_session_ticket": "nst"}[exp["msg"]]
    for args, inp, what in (
            (["-"], hexdump(data), "hex text on stdin"),
            (["--hex", "-"], b"0x" + ":".join("%02X" % b for b in data).encode(), "0x and colons"),
            (["--as", kind, path], None, "--as " + kind)):
        g, prob = inspect_json(args, inp)
        check(g == got, "%s: %s" % (name, what), prob or "different output")

    rc, out, err = run([path])
    check(rc == 0 and err == b"" and out.startswith(
        {"client_hello": b"ClientHello", "server_hello": b"ServerHello",
         "new_session_ticket": b"NewSessionTicket"}[exp["msg"]]),
        "%s: human output" % name, "rc %d %r" % (rc, err[:100]))

    for other in ("client-hello", "server-hello", "nst"):
        if other != kind:
            refused(["--as", other, path], data, "%s: --as %s refused" % (name, other),
                    limit=0, reason="TKT_ERR_BAD_TYPE")

    # Every truncation, raw: prefixes 0..n-1 of the message.
    all_refused(["--json"], [(data[:k], k) for k in range(n)], "%s: every prefix" % name)
    all_refused([], [(data[:k], k) for k in range(0, n, 7)], "%s: prefixes, human mode" % name)
    # A trailing byte.
    refused(["--json"], data + b"\x00", "%s: one trailing byte" % name)

    # Every truncation of the body with the header's length fixed up, so
    # that the inner decoders meet the short field. For a hello the one
    # prefix that ends where the extensions block starts is a valid hello
    # without extensions and must be accepted as such.
    body = data[4:]
    ext_start = None
    if exp["msg"] != "new_session_ticket" and exp["extensions"]:
        ext_start = len(body) - 2 - sum(4 + e["length"] for e in exp["extensions"])
    inputs = []
    for k in range(len(body)):
        msg = data[:1] + u24(k) + body[:k]
        if k == ext_start:
            g, prob = inspect_json([], msg)
            check(g is not None and g.get("has_extensions") is False and g.get("extensions") == []
                  and g.get("session_ticket") is None and g.get("session_id") == exp["session_id"],
                  "%s: body cut before the extensions is a hello without extensions" % name,
                  prob or repr(g)[:200])
        else:
            inputs.append((msg, len(msg)))
    all_refused(["--json"], inputs, "%s: every body prefix, header fixed up" % name)


def captures():
    peers = sorted(d for d in os.listdir(CAPTURES) if os.path.isfile(os.path.join(CAPTURES, d, "expected.json")))
    check(len(peers) >= 2, "at least two peers captured", "found %r" % peers)
    for peer in peers:
        exp = json.load(open(os.path.join(CAPTURES, peer, "expected.json")))
        check(len(exp["messages"]) >= 5, "%s: at least 5 messages" % peer)
        for name, verdict in sorted(exp["messages"].items()):
            check_message(os.path.join(CAPTURES, peer, name), "%s/%s" % (peer, name), verdict)
    return peers


# --------------------------------------------------------- other structures

def check_as_kinds(peers):
    # Pieces cut from the captured messages by tshark's lengths.
    for peer in peers:
        exp = json.load(open(os.path.join(CAPTURES, peer, "expected.json")))["messages"]
        nst = open(os.path.join(CAPTURES, peer, "full_new_session_ticket.bin"), "rb").read()
        g, prob = inspect_json(["--as", "nst-body"], nst[4:])
        e = exp["full_new_session_ticket.bin"]
        check(g is not None and g.get("lifetime_hint") == e["lifetime_hint"]
              and g.get("ticket") == e["ticket"], "%s: --as nst-body" % peer, prob)
        all_refused(["--as", "nst-body"], [(nst[4:4 + k], k) for k in range(len(nst) - 4)],
                    "%s: every nst-body prefix" % peer)

        ch = open(os.path.join(CAPTURES, peer, "resume_client_hello.bin"), "rb").read()
        e = exp["resume_client_hello.bin"]
        block = ch[len(ch) - 2 - sum(4 + x["length"] for x in e["extensions"]):]
        g, prob = inspect_json(["--as", "extensions"], block)
        check(g is not None and g.get("extensions") == e["extensions"]
              and g.get("session_ticket") == {"ticket": e["session_ticket"]["ticket"]},
              "%s: --as extensions" % peer, prob or repr(g)[:200])
        all_refused(["--as", "extensions"], [(block[:k], k) for k in range(len(block))],
                    "%s: every extensions prefix" % peer)

        ticket = bytes.fromhex(e["session_ticket"]["ticket"])
        g, prob = inspect_json(["--as", "ext"], ticket)
        check(g is not None and g.get("form") == "ticket" and g.get("ticket") == ticket.hex(),
              "%s: --as ext with the captured ticket" % peer, prob)

    # SessionTicket extension bodies.
    for data, form in ((b"", "empty"), (b"\x00\x00", "rfc4507_empty"), (b"\x01", "ticket"),
                       (b"\x00\x05abc", "ticket")):
        g, prob = inspect_json(["--as", "ext"], data)
        check(g is not None and g.get("form") == form and g.get("ticket") == ("" if form != "ticket" else data.hex()),
              "--as ext %s" % data.hex(), prob or repr(g))
    refused(["--as", "ext"], b"\x00\x03abc", "--as ext: RFC 4507 double length", limit=0,
            reason="TKT_ERR_LEGACY")

    # Extensions blocks.
    refused(["--as", "extensions"], u16(8) + b"\x00\x23\x00\x00" * 2, "--as extensions: ext 35 twice",
            reason="TKT_ERR_DUPLICATE")
    refused(["--as", "extensions"], u16(5) + b"\x00\x0b\x00\x02\x01", "--as extensions: extension overruns")
    refused(["--as", "extensions"], u16(4) + b"\x00\x0b\x00\x00\x00", "--as extensions: trailing byte")
    g, prob = inspect_json(["--as", "extensions"], u16(0))
    check(g is not None and g.get("extensions") == [] and g.get("session_ticket") is None,
          "--as extensions: empty block", prob or repr(g))

    # Tickets in the RFC 5077 section 4 layout and in the aes256-gcm one.
    name, state, = bytes(range(0x10, 0x20)), bytes(range(50))
    for suite, iv, mac in (("rfc5077", b"\x22" * 16, b"\x33" * 32), ("aes256-gcm", b"\x44" * 12, b"\x55" * 16)):
        t = name + iv + u16(len(state)) + state + mac
        args = ["--as", "ticket"] + (["--suite", suite] if suite != "rfc5077" else [])
        g, prob = inspect_json(args, t)
        check(g is not None and g.get("key_name") == name.hex() and g.get("iv") == iv.hex()
              and g.get("encrypted_state_length") == len(state) and g.get("encrypted_state") == state.hex()
              and g.get("mac") == mac.hex() and g.get("layout") == suite,
              "--as ticket --suite %s" % suite, prob or repr(g)[:200])
        all_refused(args, [(t[:k], k) for k in range(len(t))], "--as ticket --suite %s: every prefix" % suite)
        refused(args, t + b"\x00", "--as ticket --suite %s: trailing byte" % suite)
        # The same ticket inside a NewSessionTicket: shown as a layout, and
        # an unparseable ticket does not make the message invalid.
        if suite == "rfc5077":
            nst = b"\x04" + u24(6 + len(t)) + struct.pack(">I", 300) + u16(len(t)) + t
            g, prob = inspect_json([], nst)
            lay = (g or {}).get("ticket_layout") or {}
            check(lay.get("key_name") == name.hex() and lay.get("mac") == mac.hex()
                  and lay.get("encrypted_state_length") == len(state) and g.get("lifetime_hint") == 300,
                  "NewSessionTicket with an RFC 5077 ticket: ticket_layout", prob or repr(g)[:200])
    refused(["--as", "ticket", "--suite", "aes256-gcm"],
            name + b"\x22" * 16 + u16(len(state)) + state + b"\x33" * 32,
            "--as ticket: RFC 5077 ticket read with the aes256-gcm layout")
    g, prob = inspect_json([], b"\x04" + u24(6) + b"\x00\x00\x00\x00\x00\x00")
    check(g is not None and g.get("ticket") == "" and g.get("lifetime_hint") == 0
          and g.get("ticket_layout") is None, "empty NewSessionTicket", prob or repr(g))
    g, prob = inspect_json([], b"\x04" + u24(9) + b"\x00\x00\x00\x07\x00\x03abc")
    check(g is not None and g.get("ticket") == "616263" and g.get("ticket_layout") is None,
          "NewSessionTicket with a short opaque ticket", prob or repr(g))

    # StatePlaintext values.
    ms = bytes(range(100, 148))
    head = u16(0x0303) + u16(0xc02f) + b"\x00" + ms
    ts = struct.pack(">I", 1700000000)
    exts = (u16(0) + u16(11) + b"example.com" + u16(16) + u16(2) + b"h2" + u16(23) + u16(0))
    cert1, cert2 = b"\x30\x03\x02\x01\x01", b"\x30\x00"
    certs = u24(len(cert1)) + cert1 + u24(len(cert2)) + cert2
    states = [
        ("anonymous", head + b"\x00" + ts, {"identity": "anonymous", "server_name": None,
                                             "alpn": None, "extended_master_secret": False}, None),
        ("anonymous with extensions", head + b"\x00" + ts + u16(len(exts)) + exts,
         {"server_name": "example.com", "alpn": "h2", "extended_master_secret": True},
         len(head) + 1 + 4),
        ("psk", head + b"\x02" + u16(3) + b"abc" + ts, {"identity": "psk", "psk_identity": "616263"}, None),
        ("certificate", head + b"\x01" + u24(len(certs)) + certs + ts,
         {"identity": "certificate", "certificates": [cert1.hex(), cert2.hex()]}, None),
    ]
    for what, s, fields, also_valid in states:
        g, prob = inspect_json(["--as", "state"], s)
        want = {"version": "0x0303", "cipher_suite": "0xc02f", "compression": 0,
                "master_secret": ms.hex(), "timestamp": 1700000000}
        want.update(fields)
        bad = [k for k in want if g is None or g.get(k) != want[k]]
        check(not bad, "--as state: %s" % what, prob or "fields %r: %r" % (bad, [g.get(k) for k in bad] if g else None))
        rc, out, err = run(["--as", "state"], s)
        check(rc == 0 and b"master_secret" in out and err == b"", "--as state: %s, human" % what)
        all_refused(["--as", "state"], [(s[:k], k) for k in range(len(s)) if k != also_valid],
                    "--as state: %s: every prefix" % what)
    # Names are bytes on the wire: JSON must escape quotes, backslashes,
    # control characters and non-ASCII bytes (as \u00XX) and stay ASCII.
    odd = b'a"\\\x01\x7f\xff/z'
    s = head + b"\x00" + ts + u16(4 + len(odd)) + u16(0) + u16(len(odd)) + odd
    rc, out, err = run(["--json", "--as", "state"], s)
    try:
        name_ok = rc == 0 and json.loads(out.decode("ascii"))["server_name"] == odd.decode("latin-1")
    except (UnicodeDecodeError, ValueError, KeyError):
        name_ok = False
    check(name_ok, "--as state: server name with quotes, controls and non-ASCII bytes", repr(out[-120:]))
    rc, out, err = run(["--as", "state"], s)
    check(rc == 0 and b'"a\\x22\\x5c\\x01\\x7f\\xff/z"' in out, "--as state: odd server name, human", repr(out[-200:]))
    base = head + b"\x00" + ts
    for what, s, reason in (
            ("unknown identity", head + b"\x03" + ts, None),
            ("empty extensions block", base + u16(0), "TKT_ERR_NONCANONICAL"),
            ("extensions out of order", base + u16(8) + u16(23) + u16(0) + u16(16) + u16(0), None),
            ("unknown state extension", base + u16(4) + u16(99) + u16(0), "TKT_ERR_UNKNOWN_EXT"),
            ("trailing byte", base + u16(4) + u16(23) + u16(0) + b"\x00", None)):
        refused(["--as", "state"], s, "--as state: %s" % what, reason=reason)


def check_mutants(peers, count=300):
    """Random byte edits of the captured messages (fixed seed): each result
    is either one valid JSON object (exit 0) or a proper refusal (exit 2)."""
    import random
    rng = random.Random(5077)
    msgs = []
    for peer in peers:
        d = os.path.join(CAPTURES, peer)
        msgs += [open(os.path.join(d, f), "rb").read() for f in sorted(os.listdir(d)) if f.endswith(".bin")]
    problems, accepted, mutants = [], 0, []
    for i in range(count):
        m = bytearray(rng.choice(msgs))
        for _ in range(rng.randint(1, 3)):
            op, k = rng.randrange(3), rng.randrange(len(m))
            if op == 0:
                m[k] = rng.randrange(256)
            elif op == 1:
                del m[k]
            else:
                m.insert(k, rng.randrange(256))
        mutants.append(bytes(m))
    results = POOL.map(lambda d: run(["--json"], d), mutants)
    for i, (m, (rc, out, err)) in enumerate(zip(mutants, results)):
        if rc == 0:
            accepted += 1
            try:
                json.loads(out.decode("ascii"))
                prob = None if err == b"" else "stderr on success"
            except (UnicodeDecodeError, ValueError):
                prob = "exit 0 without one JSON object"
        else:
            prob = refusal_problem(rc, out, err, len(m))
        if prob:
            problems.append("mutant %d (%s): %s" % (i, bytes(m[:8]).hex(), prob))
    check(not problems, "%d random edits of the captured messages (%d accepted)" % (count, accepted),
          "; ".join(problems[:3]))


def check_misc():
    # Input forms and usage.
    rc, out, err = run(["-"], b"")
    check(refusal_problem(rc, out, err, 0) is None, "empty input refused", repr((rc, out, err)))
    refused([], b"\x00", "type 0 refused", reason="TKT_ERR_BAD_TYPE")
    refused([], b"\x17\x03\x03\x00\x01\x00", "a TLS record is not a handshake message", reason="TKT_ERR_BAD_TYPE")
    rc, out, err = run(["--hex"], b"040")
    check(rc == 2 and out == b"" and err.count(b"\n") == 1, "--hex with an odd number of digits", repr(err))
    rc, out, err = run(["--hex"], b"04:0g")
    check(rc == 2 and out == b"" and err.count(b"\n") == 1, "--hex with a non-digit", repr(err))
    # "04 00 00 06 ..." as text looks like hex; --raw reads the same text as bytes.
    nst = b"\x04" + u24(6) + b"\x00\x00\x00\x05\x00\x00"
    g, prob = inspect_json([], b"  04 00 00 06\n00000005 0000\n")
    check(g is not None and g.get("lifetime_hint") == 5, "hex text with spaces and newlines", prob)
    g2, prob = inspect_json([], nst)
    check(g2 == g and g is not None, "raw and hex give the same result", prob)
    refused(["--raw"], b"04000006000000050000", "--raw takes hex-looking text as bytes", limit=20)
    rc, out, err = run(["--as", "state", "--raw"], b"\x01" * (16 * 1024 * 1024 + 1))
    check(rc == 2 and out == b"" and err.count(b"\n") == 1 and b"larger" in err,
          "input over 16 MiB refused", repr(err[:200]))
    for args in (["--as"], ["--as", "bogus"], ["--suite", "des"], ["--bogus"], ["a", "b"]):
        rc, out, err = run(args)
        check(rc == 2 and out == b"" and b"usage:" in err, "usage error: %s" % " ".join(args), repr((rc, err[:200])))
    rc, out, err = run(["/nonexistent/tkt-input"])
    check(rc == 1 and out == b"" and err.count(b"\n") == 1, "missing file", repr((rc, err)))
    rc, out, err = run(["--help"])
    check(rc == 0 and b"usage:" in (out + err), "--help")
    p = subprocess.run([TKT], capture_output=True)
    check(p.returncode == 2 and b"inspect" in p.stderr, "tkt without a command")
    p = subprocess.run([TKT, "frobnicate"], capture_output=True)
    check(p.returncode == 2 and p.stdout == b"", "tkt with an unknown command")
    p = subprocess.run([TKT, "--version"], capture_output=True)
    check(p.returncode == 0 and re.match(rb"^tkt \d+\.\d+\.\d+\n$", p.stdout) is not None, "tkt --version")


if not (os.path.isfile(TKT) and os.access(TKT, os.X_OK)):
    check(False, "%s is not an executable" % TKT)
else:
    found = captures()
    if not CAPTURES_ONLY:
        check_as_kinds(found)
        check_mutants(found, 300 // SAMPLE)
        check_misc()
print("%s: %d passed, %d failed" % (LABEL, passed, failed))
sys.exit(1 if failed else 0)
