#!/usr/bin/env python3
"""fuzz/make_seeds.py -- regenerate the hand-made seeds of corpus/<target>/.

Every seed is built here from first principles (the wire formats of
RFC 5077, RFC 5246 and tkt's spec/formats.md), with a fixed PRNG, so the
corpus is reproducible and reviewable: each file gets one line in the
README.md of its directory saying what it is and why it is there. The
known-bug inputs (Ticketbleed, CVE-2016-6302, CVE-2015-5291, bytes after
the MAC, RFC 4507 empty-extension forms, truncations) are generated here.

Real OpenSSL/GnuTLS handshake messages are copied from corpus/captures/
(another directory, never edited here) into the matching targets when it
exists; see copy_captures().

Files whose name starts with "fuzz-" (added by `make corpus-min`) and
their README lines are kept; every other file in corpus/<target>/{valid,
invalid}/ is rewritten. Usage: python3 fuzz/make_seeds.py [corpus-dir]
"""
import os
import random
import struct
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "corpus")
RNG = random.Random(5077)

seeds = {}  # (target, kind) -> list of (name, bytes, why)


def rnd(n):
    return bytes(RNG.getrandbits(8) for _ in range(n))


def u8(v):
    return struct.pack(">B", v)


def u16(v):
    return struct.pack(">H", v)


def u24(v):
    return struct.pack(">I", v)[1:]


def u32(v):
    return struct.pack(">I", v)


def vec8(b):
    return u8(len(b)) + b


def vec16(b):
    return u16(len(b)) + b


def vec24(b):
    return u24(len(b)) + b


def add(target, kind, name, data, why):
    seeds.setdefault((target, kind), []).append((name, bytes(data), why))


def hs(t, body):
    return u8(t) + vec24(body)


def ext(t, data):
    return u16(t) + vec16(data)


def exts(*e):
    return vec16(b"".join(e))


# ---------------------------------------------------------------- pieces
RANDOM = rnd(32)
SUITES_OPENSSL = b"".join(u16(s) for s in (
    0xc02c, 0xc030, 0x009f, 0xcca9, 0xcca8, 0xccaa, 0xc02b, 0xc02f, 0x009e,
    0xc024, 0xc028, 0x006b, 0xc023, 0xc027, 0x0067, 0xc00a, 0xc014, 0x0039,
    0xc009, 0xc013, 0x0033, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f,
    0x00ff))
SNI = ext(0, vec16(u8(0) + vec16(b"localhost")))
GROUPS = ext(10, vec16(u16(29) + u16(23) + u16(24)))
ECPF = ext(11, vec8(b"\x00\x01\x02"))
SIGALGS = ext(13, vec16(b"".join(u16(s) for s in (
    0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601))))
ALPN = ext(16, vec16(vec8(b"h2") + vec8(b"http/1.1")))
ETM = ext(22, b"")
EMS = ext(23, b"")
RENEG = ext(0xff01, b"\x00")


def rfc_ticket(state_len, name=None):
    """RFC 5077 section 4 layout: name16 iv16 len2 state mac32."""
    return (name or rnd(16)) + rnd(16) + vec16(rnd(state_len)) + rnd(32)


def gcm_ticket(state_len):
    return rnd(16) + rnd(12) + vec16(rnd(state_len)) + rnd(16)


TICKET_160 = rfc_ticket(160 - 66)


def client_hello(sid=b"", suites=SUITES_OPENSSL, comp=b"\x00", ext_block=None,
                 version=0x0303):
    b = u16(version) + RANDOM + vec8(sid) + vec16(suites) + vec8(comp)
    if ext_block is not None:
        b += ext_block
    return b


def server_hello(sid=b"", suite=0xc02f, comp=0, ext_block=None,
                 version=0x0303):
    b = u16(version) + RANDOM + vec8(sid) + u16(suite) + u8(comp)
    if ext_block is not None:
        b += ext_block
    return b


def state(identity=0, body=b"", ts=1700000000, block=None, version=0x0303,
          suite=0xc02f):
    b = u16(version) + u16(suite) + u8(0) + rnd(48) + u8(identity) + body
    b += u32(ts)
    if block is not None:
        b += block
    return b


def truncations(target, name, data, why, points=None, complete=()):
    """Every proper prefix at the given field boundaries (and +-1).

    `complete` lists prefix lengths that are themselves whole, valid
    structures (a hello cut right before its optional extensions block);
    they are not truncations and are left out."""
    pts = set()
    for p in (points or range(len(data))):
        for q in (p - 1, p, p + 1):
            if 0 <= q < len(data) and q not in complete:
                pts.add(q)
    for q in sorted(pts):
        add(target, "invalid", "%s-trunc-%d" % (name, q), data[:q],
            "%s cut to its first %d bytes (%s)" % (name, q, why))


# ---------------------------------------------------------------- hs
def seeds_hs():
    add("hs", "valid", "nst-empty-body", hs(4, b""),
        "type 4 with an empty body: the smallest message")
    add("hs", "valid", "client-hello", hs(1, client_hello()),
        "a ClientHello body framed by its header")
    add("hs", "valid", "type-255-one-byte", hs(255, b"\x00"),
        "msg_type is reported, not judged: any value is accepted")
    add("hs", "valid", "finished-12", hs(20, rnd(12)),
        "a Finished-sized message (12 bytes of verify_data)")
    for n in range(4):
        add("hs", "invalid", "short-header-%d" % n, b"\x04\x00\x00\x00"[:n],
            "only %d of the 4 header bytes: truncated" % n)
    add("hs", "invalid", "body-short", hs(4, b"\x00" * 10)[:-1],
        "length says 10, 9 body bytes follow: truncated")
    add("hs", "invalid", "trailing", hs(4, b"\x00" * 10) + b"\x00",
        "one byte after the announced body: trailing bytes")
    add("hs", "invalid", "length-max", b"\x04\xff\xff\xff" + rnd(16),
        "uint24 length 16777215 over a 16-byte body: truncated")
    add("hs", "invalid", "two-messages", hs(2, b"\x03\x03") + hs(14, b""),
        "two messages back to back: the decoder takes exactly one")


# ---------------------------------------------------------------- ext35
def seeds_ext35():
    add("ext35", "valid", "empty", b"",
        "RFC 5077 empty extension (00 23 00 00): client has no ticket")
    add("ext35", "valid", "one-byte", b"\x01",
        "a 1-byte ticket: too short to carry an RFC 4507 length")
    add("ext35", "valid", "rfc5077-ticket-160", TICKET_160,
        "a 160-byte ticket in the RFC 5077 section 4 layout")
    add("ext35", "valid", "ticket-65535", rnd(65535),
        "largest extension_data: a 65535-byte ticket (CVE-2015-5291 size)")
    add("ext35", "valid", "starts-00-00", b"\x00\x00\x01",
        "begins with 00 00 but is not the double-length shape: a ticket")
    add("ext35", "invalid", "over-65535", rnd(65536),
        "one byte more than extension_data<0..2^16-1> can hold")
    add("ext35", "invalid", "value-ticket-65536",
        b"\x01" + bytes(i % 251 for i in range(65536)),
        "as a value (first byte: form 1, ticket): a 65536-byte ticket, one "
        "more than extension_data can hold; size 0 and the encoder refuses")
    add("ext35", "invalid", "rfc4507-empty", b"\x00\x00",
        "RFC 4507 empty ticket (00 23 00 02 00 00): TKT_ERR_LEGACY unless "
        "the caller allows it (the harness runs both flag settings)")
    add("ext35", "invalid", "rfc4507-ticket", vec16(TICKET_160),
        "RFC 4507 double-length encoding of a ticket (RFC 5077 appendix A)")
    add("ext35", "invalid", "rfc4507-one", b"\x00\x01\x07",
        "RFC 4507 double-length encoding of a 1-byte ticket")


# ---------------------------------------------------------------- exts
def seeds_exts():
    add("exts", "valid", "empty-block", exts(),
        "an empty extensions block (00 00)")
    add("exts", "valid", "ext35-empty", exts(ext(35, b"")),
        "only an empty SessionTicket extension (ClientHello without ticket)")
    add("exts", "valid", "ext35-rfc4507-empty", exts(ext(35, b"\x00\x00")),
        "the RFC 4507 empty form 00 23 00 02 00 00 (block level accepts it)")
    add("exts", "valid", "openssl-like", exts(SNI, ECPF, GROUPS, ext(35, b""),
                                             ETM, EMS, SIGALGS),
        "the extension list of an OpenSSL 3 TLS 1.2 ClientHello, ext 35 in "
        "the middle")
    add("exts", "valid", "ticket-first", exts(ext(35, TICKET_160), SNI, EMS),
        "ext 35 carrying a ticket, first in the list")
    add("exts", "valid", "ticket-last", exts(SNI, ALPN, RENEG,
                                             ext(35, TICKET_160)),
        "ext 35 carrying a ticket, last in the list")
    add("exts", "valid", "no-ext35", exts(SNI, GROUPS, SIGALGS, RENEG),
        "no SessionTicket extension at all")
    add("exts", "valid", "dup-other", exts(SNI, SNI),
        "a duplicate of another type: only ext 35 duplicates are checked "
        "at this level")
    add("exts", "valid", "ticket-65531", exts(ext(35, rnd(65531))),
        "the longest ticket an extensions block can carry (65531 bytes)")
    add("exts", "valid", "full-no-ext35", exts(ext(21, bytes(65531))),
        "a full 65535-byte list without ext 35: adding one cannot fit")
    add("exts", "invalid", "dup-ext35", exts(ext(35, b""), SNI, ext(35, b"")),
        "two SessionTicket extensions: TKT_ERR_DUPLICATE")
    add("exts", "invalid", "dup-ext35-adjacent",
        exts(ext(35, TICKET_160), ext(35, b"")),
        "two SessionTicket extensions back to back")
    add("exts", "invalid", "one-byte", b"\x00",
        "a single byte: the block length itself is truncated")
    add("exts", "invalid", "block-short", exts(SNI, EMS)[:-1],
        "block length one more than the bytes present")
    add("exts", "invalid", "block-trailing", exts(SNI, EMS) + b"\x00",
        "a byte after the block")
    add("exts", "invalid", "ext-overruns", u16(8) + u16(35) + u16(5) + b"abcd",
        "an extension whose data runs past the end of the block")
    add("exts", "invalid", "ext-header-cut", u16(6) + ext(23, b"") + b"\x00\x23",
        "a 2-byte fragment of an extension header at the end of the block")
    add("exts", "invalid", "ticket-65535", u16(0xffff) + u16(35) + u16(0xffff)
        + rnd(65531),
        "CVE-2015-5291: a 65535-byte ticket claimed inside a block that "
        "cannot hold it")
    full = exts(SNI, ext(35, b"\x01\x02\x03"), EMS)
    truncations("exts", "three", full, "extensions block",
                points=[2, 6, 15, 19, 22])


# ---------------------------------------------------------------- hellos
def seeds_client_hello():
    base_ext = exts(SNI, ECPF, GROUPS, ext(35, b""), ETM, EMS, SIGALGS)
    add("client_hello", "valid", "no-extensions", client_hello(),
        "a TLS 1.2 ClientHello without an extensions block")
    add("client_hello", "valid", "openssl-like-no-ticket",
        client_hello(ext_block=base_ext),
        "an OpenSSL-3-like ClientHello offering tickets with an empty ext 35")
    add("client_hello", "valid", "empty-ext-block",
        client_hello(ext_block=exts()),
        "an extensions block present but empty (00 00)")
    add("client_hello", "valid", "rfc4507-empty",
        client_hello(ext_block=exts(ext(35, b"\x00\x00"))),
        "the RFC 4507 empty form 00 23 00 02 00 00 (hello level accepts it)")
    for n in range(0, 33):
        sid = rnd(n)
        add("client_hello", "valid", "sid-%d" % n,
            client_hello(sid=sid, ext_block=exts(ext(35, TICKET_160))),
            "session ID of %d bytes with a ticket (Ticketbleed, "
            "CVE-2016-9244: every length 0..32 must round-trip exactly)" % n)
    add("client_hello", "invalid", "sid-33",
        client_hello(sid=rnd(33), ext_block=exts(ext(35, TICKET_160))),
        "33-byte session ID: TKT_ERR_RANGE (Ticketbleed, CVE-2016-9244)")
    add("client_hello", "invalid", "sid-255", client_hello(sid=rnd(255)),
        "255-byte session ID: TKT_ERR_RANGE")
    add("client_hello", "valid", "ticket-65513",
        client_hello(ext_block=exts(ext(35, rnd(65531)))),
        "the largest ticket a ClientHello can carry (65531 bytes)")
    big = client_hello(ext_block=u16(0xffff) + u16(35) + u16(0xffff)
                       + rnd(65531))
    add("client_hello", "invalid", "ticket-65535", big,
        "CVE-2015-5291: a 65535-byte ticket claimed in a ClientHello")
    add("client_hello", "valid", "padding-65531",
        client_hello(ext_block=exts(ext(21, bytes(65531)))),
        "a full 65535-byte extensions list (one padding extension): adding "
        "a ticket cannot fit, tkt_hello_set_ext35 must refuse")
    add("client_hello", "invalid", "version-2", client_hello(version=0x0200),
        "SSL 2-style major version 2: TKT_ERR_RANGE")
    add("client_hello", "valid", "version-3-ff", client_hello(version=0x03ff),
        "an unknown minor version: reported, not judged")
    add("client_hello", "invalid", "suites-odd",
        client_hello(suites=SUITES_OPENSSL[:-1]),
        "odd cipher suite list length: TKT_ERR_BAD_LENGTH")
    add("client_hello", "invalid", "suites-empty", client_hello(suites=b""),
        "empty cipher suite list: TKT_ERR_BAD_LENGTH")
    add("client_hello", "invalid", "comp-empty", client_hello(comp=b""),
        "empty compression list: TKT_ERR_BAD_LENGTH")
    add("client_hello", "invalid", "one-byte-after-comp",
        client_hello() + b"\x00",
        "one byte after the compression methods: not an extensions block")
    add("client_hello", "invalid", "dup-ext35",
        client_hello(ext_block=exts(ext(35, b""), ext(35, b""))),
        "two SessionTicket extensions")
    add("client_hello", "invalid", "ext-block-trailing",
        client_hello(ext_block=base_ext + b"\x00"),
        "a byte after the extensions block")
    full = client_hello(sid=rnd(32), ext_block=exts(SNI, ext(35, b"\x07")))
    sid_end = 2 + 32 + 1 + 32
    truncations("client_hello", "full", full, "every field boundary",
                points=[2, 34, 35, sid_end, sid_end + 2,
                        sid_end + 2 + len(SUITES_OPENSSL),
                        sid_end + 3 + len(SUITES_OPENSSL),
                        sid_end + 4 + len(SUITES_OPENSSL),
                        sid_end + 6 + len(SUITES_OPENSSL), len(full) - 1],
                complete=(sid_end + 4 + len(SUITES_OPENSSL),))


def seeds_server_hello():
    add("server_hello", "valid", "no-extensions", server_hello(),
        "a TLS 1.2 ServerHello without extensions")
    add("server_hello", "valid", "ext35-empty",
        server_hello(sid=rnd(32), ext_block=exts(RENEG, ext(35, b""), EMS)),
        "a server announcing a NewSessionTicket with an empty ext 35")
    add("server_hello", "valid", "empty-ext-block",
        server_hello(ext_block=exts()), "an empty extensions block (00 00)")
    for n in range(0, 33):
        add("server_hello", "valid", "sid-%d" % n, server_hello(sid=rnd(n)),
            "session ID of %d bytes echoed (Ticketbleed, CVE-2016-9244, "
            "echoed the client's 1..31-byte ID padded to 32)" % n)
    add("server_hello", "invalid", "sid-33", server_hello(sid=rnd(33)),
        "33-byte session ID: TKT_ERR_RANGE (Ticketbleed)")
    add("server_hello", "valid", "padding-65531",
        server_hello(ext_block=exts(ext(21, bytes(65531)))),
        "a full 65535-byte extensions list: adding ext 35 cannot fit")
    add("server_hello", "invalid", "version-4", server_hello(version=0x0403),
        "major version 4: TKT_ERR_RANGE")
    add("server_hello", "valid", "null-comp-255", server_hello(comp=255),
        "compression method 255: reported, not judged")
    add("server_hello", "invalid", "dup-ext35",
        server_hello(ext_block=exts(ext(35, b""), EMS, ext(35, b""))),
        "two SessionTicket extensions")
    add("server_hello", "invalid", "one-byte-after-comp",
        server_hello() + b"\x00", "one stray byte after the compression method")
    add("server_hello", "invalid", "ext-block-short",
        server_hello(ext_block=exts(EMS))[:-1],
        "extensions block one byte short")
    full = server_hello(sid=rnd(32), ext_block=exts(ext(35, b""), EMS))
    truncations("server_hello", "full", full, "every field boundary",
                points=[2, 34, 35, 67, 69, 70, 72, 76, len(full) - 1],
                complete=(70,))


# ---------------------------------------------------------------- nst
def nst(hint, ticket):
    return u32(hint) + vec16(ticket)


def seeds_nst():
    add("nst", "valid", "empty-ticket", nst(0, b""),
        "empty ticket: the server will not issue one (RT2772: the client "
        "must keep its old ticket)")
    add("nst", "valid", "openssl-7200", nst(7200, TICKET_160),
        "OpenSSL-style hint of 7200 s with a 160-byte ticket")
    add("nst", "valid", "gnutls-21600", nst(21600, rnd(16 + 16 + 2 + 80 + 20)),
        "GnuTLS-style hint with a name16 iv16 len2 state mac20 ticket")
    add("nst", "valid", "hint-max", nst(0xffffffff, b"\x01"),
        "largest lifetime hint, 1-byte ticket")
    add("nst", "valid", "ticket-65535", nst(300, rnd(65535)),
        "the largest ticket (CVE-2015-5291 size): 65535 bytes")
    add("nst", "invalid", "hint-only", u32(300),
        "lifetime hint without the ticket length")
    add("nst", "invalid", "ticket-short", nst(300, TICKET_160)[:-1],
        "ticket one byte shorter than its length")
    add("nst", "invalid", "byte-after-ticket", nst(300, TICKET_160) + b"\x00",
        "one byte after the ticket: trailing bytes")
    truncations("nst", "full", nst(7200, b"\x01\x02\x03"), "hint and length")


def seeds_nst_msg():
    add("nst_msg", "valid", "empty-ticket", hs(4, nst(0, b"")),
        "NewSessionTicket with an empty ticket (RT2772)")
    add("nst_msg", "valid", "openssl-7200", hs(4, nst(7200, TICKET_160)),
        "a full OpenSSL-like NewSessionTicket message")
    add("nst_msg", "valid", "ticket-65535", hs(4, nst(1, rnd(65535))),
        "largest message: 65545 bytes (the fuzzers' -max_len)")
    add("nst_msg", "invalid", "type-1", hs(1, nst(0, b"")),
        "a ClientHello header around a NewSessionTicket body: BAD_TYPE")
    add("nst_msg", "invalid", "header-long",
        b"\x04" + u24(11) + nst(0, b"\x01"),
        "header length one more than the body")
    add("nst_msg", "invalid", "header-short",
        b"\x04" + u24(6) + nst(0, b"\x01"),
        "header length one less than the body: the ticket overruns it")
    add("nst_msg", "invalid", "body-trailing",
        b"\x04" + u24(8) + nst(0, b"\x01") + b"\x00",
        "a byte after the ticket inside the body")
    truncations("nst_msg", "full", hs(4, nst(7200, b"\x01\x02")),
                "header, hint, length")


# ---------------------------------------------------------------- tickets
def seeds_ticket(target, iv, mac):
    fixed = 16 + iv + 2 + mac
    for n in range(0, 97):
        if n >= fixed:
            t = rnd(16 + iv) + u16(n - fixed) + rnd(n - fixed) + rnd(mac)
            add(target, "valid", "len-%d" % n, t,
                "a %d-byte ticket whose length field counts the MAC out "
                "(CVE-2016-6302: every length 0..96)" % n)
        else:
            add(target, "invalid", "len-%d" % n, rnd(n),
                "a %d-byte ticket, shorter than the fixed %d bytes "
                "(CVE-2016-6302: every length 0..96)" % (n, fixed))
        if n >= 16 + iv + 2:
            # The CVE-2016-6302 mistake: a length that ignores the MAC.
            sl = n - 16 - iv - 2
            t = rnd(16 + iv) + u16(sl) + rnd(sl)
            add(target, "invalid", "len-%d-no-mac" % n, t,
                "a %d-byte ticket whose length field leaves no room for "
                "the MAC (the CVE-2016-6302 miscount)" % n)
    big_state = 65535 - fixed
    add(target, "valid", "max-65535",
        rnd(16 + iv) + u16(big_state) + rnd(big_state) + rnd(mac),
        "the largest ticket, 65535 bytes in all")
    add(target, "invalid", "over-65535",
        rnd(16 + iv) + u16(big_state + 1) + rnd(big_state + 1) + rnd(mac),
        "one byte more than a ticket<0..2^16-1> can hold")
    t = rnd(16 + iv) + u16(100) + rnd(100) + rnd(mac)
    add(target, "valid", "state-100", t, "a ticket with a 100-byte state")
    add(target, "invalid", "byte-after-mac", t + b"\x00",
        "one byte after the MAC (GnuTLS accepts it; tkt must not)")
    add(target, "invalid", "mac-short", t[:-1], "the MAC one byte short")


def seeds_ticket_layouts():
    seeds_ticket("ticket", 16, 32)
    add("ticket", "valid", "rfc5077-sec4", rfc_ticket(86),
        "RFC 5077 section 4's recommended layout, a 86-byte state "
        "(an anonymous StatePlaintext padded to AES blocks)")
    add("ticket", "invalid", "gnutls-mac20",
        rnd(32) + u16(96) + rnd(96) + rnd(20),
        "a GnuTLS 3.7 ticket (mac20): wrong layout for rfc5077")
    add("ticket", "invalid", "openssl-no-len", rnd(32) + rnd(96) + rnd(32),
        "an OpenSSL 3 ticket (no length field): wrong layout")
    seeds_ticket("ticket_gcm", 12, 16)
    add("ticket_gcm", "invalid", "rfc5077-layout", rfc_ticket(64),
        "an RFC 5077 layout ticket read with the GCM layout")


# ---------------------------------------------------------------- state
def seeds_state():
    sni = ext(0, b"example.com")
    alpn = ext(16, b"h2")
    ems = ext(23, b"")
    cert = vec24(rnd(300))
    add("state", "valid", "anonymous", state(),
        "anonymous identity, no extensions block: the smallest state (58 B)")
    add("state", "valid", "psk", state(2, vec16(b"client1")),
        "PSK identity")
    add("state", "valid", "psk-empty", state(2, vec16(b"")),
        "PSK identity of length 0")
    add("state", "valid", "cert-one", state(1, vec24(cert)),
        "certificate identity with one certificate")
    add("state", "valid", "cert-two", state(1, vec24(cert + vec24(b"\x30"))),
        "certificate identity with two certificates")
    add("state", "valid", "cert-inner-zeros",
        state(1, vec24(vec24(b"\x30\x82\x00\x00\x00\x00\x05abc"))),
        "a certificate holding 00 00 00: a forged cursor there reads a "
        "zero-length entry, which the iterator must refuse")
    add("state", "valid", "cert-empty", state(1, vec24(b"")),
        "certificate identity with an empty certificate_list")
    add("state", "valid", "all-exts", state(block=vec16(sni + alpn + ems)),
        "server_name, alpn and extended_master_secret, in order")
    add("state", "valid", "ems-only", state(block=vec16(ems)),
        "extended master secret only")
    add("state", "valid", "sni-255", state(block=vec16(ext(0, b"a" * 255))),
        "server_name of the maximum 255 bytes")
    add("state", "valid", "alpn-1", state(block=vec16(ext(16, b"x"))),
        "a 1-byte ALPN protocol")
    add("state", "invalid", "identity-3", state(3),
        "unknown client identity type 3: TKT_ERR_RANGE")
    add("state", "invalid", "empty-block", state(block=vec16(b"")),
        "an empty extensions block: non-canonical twin of no block")
    add("state", "invalid", "unknown-ext", state(block=vec16(ext(1, b"ab"))),
        "state extension type 1, unknown: TKT_ERR_UNKNOWN_EXT")
    add("state", "invalid", "order", state(block=vec16(alpn + sni)),
        "alpn before server_name: TKT_ERR_ORDER")
    add("state", "invalid", "dup", state(block=vec16(sni + sni)),
        "server_name twice: TKT_ERR_DUPLICATE")
    add("state", "invalid", "sni-empty", state(block=vec16(ext(0, b""))),
        "server_name of length 0")
    add("state", "invalid", "sni-256", state(block=vec16(ext(0, b"a" * 256))),
        "server_name of 256 bytes, one over the limit")
    add("state", "invalid", "ems-body", state(block=vec16(ext(23, b"\x00"))),
        "extended_master_secret with a body")
    add("state", "invalid", "cert-zero", state(1, vec24(cert + vec24(b""))),
        "a zero-length certificate inside the list")
    add("state", "invalid", "cert-overrun",
        state(1, u24(6) + u24(10) + b"abc"),
        "a certificate running past the end of its list")
    add("state", "invalid", "block-short", state(block=vec16(sni))[:-1],
        "extensions block one byte short")
    add("state", "invalid", "block-trailing",
        state(block=vec16(sni)) + b"\x00", "a byte after the block")
    add("state", "invalid", "one-byte-after-ts", state() + b"\x00",
        "one byte after the timestamp: not a block")
    add("state", "invalid", "psk-overrun", state(2, u16(40) + b"abc"),
        "PSK identity running past the end")
    add("state", "invalid", "cert-tail-1", state(1, vec24(cert + b"\x00")),
        "one stray byte after the last certificate: too short for a length")
    add("state", "invalid", "cert-tail-2",
        state(1, vec24(cert + b"\x00\x00")),
        "two stray bytes after the last certificate")
    add("state", "invalid", "block-2-bytes", state(block=vec16(b"\x00\x17")),
        "a 2-byte block: too short for an extension header")
    add("state", "invalid", "ext-overrun",
        state(block=vec16(u16(0) + u16(10) + b"abc")),
        "a server_name whose length runs past the block")
    add("state", "invalid", "cert-list-overrun",
        state(1, u24(400) + cert),
        "certificate_list length past the end of the state")
    cfull = state(1, vec24(vec24(b"\x30\x00")))
    truncations("state", "cert", cfull, "certificate identity",
                points=[54, 55, 56, 57, 60, 62, len(cfull) - 1])
    full = state(2, vec16(b"id"), block=vec16(sni + ems))
    truncations("state", "full", full, "every field",
                points=[2, 4, 5, 53, 54, 56, 58, 62, 64, 68, len(full) - 1],
                complete=(62,))


# ---------------------------------------------------------------- seal
# fuzz_keyfile: byte 0 = format (low 3 bits: 1 nginx, 2 apache, 3 openssl80,
# 4 haproxy, 5 lighttpd, 6 tkt; 0 and 7 invalid) + 8 * capacity choice
# (0..3 slots, 4 = 8 slots); then the file.
KF = {"nginx": 1, "apache": 2, "openssl80": 3, "haproxy": 4, "lighttpd": 5,
      "tkt": 6}


def kf(fmt, body, cap=4):
    return u8(KF.get(fmt, fmt) + 8 * cap) + body


def key_bytes(n):
    """n bytes of key material, never all zero, no field equal to another."""
    return rnd(n)


def b64(b):
    import base64
    return base64.b64encode(b)


def tkt_line(suite, name, aes, hmac, intro=0, enc="forever", dec="forever"):
    return ("key suite=%s name=%s aes=%s hmac=%s introduced=%d encrypt=%s "
            "decrypt=%s\n" % (suite, name.hex(), aes.hex(),
                              hmac.hex() if hmac else "-", intro, enc,
                              dec)).encode()


def seeds_keyfile():
    k48, k80 = key_bytes(48), key_bytes(80)
    add("keyfile", "valid", "nginx-48", kf("nginx", k48),
        "nginx ssl_session_ticket_key, 48 B name|aes16|hmac16 (AES-128)")
    add("keyfile", "valid", "nginx-80", kf("nginx", k80),
        "nginx 80 B name|hmac32|aes32 (AES-256)")
    add("keyfile", "valid", "apache-48", kf("apache", k48),
        "Apache SSLSessionTicketKeyFile, 48 B name|hmac16|aes16: same bytes "
        "as nginx-48, other key (the ordering trap)")
    add("keyfile", "valid", "openssl80-80", kf("openssl80", k80),
        "OpenSSL SSL_CTX_set_tlsext_ticket_keys, 80 B name|hmac32|aes32")
    add("keyfile", "valid", "nginx-48-cap1", kf("nginx", k48, cap=1),
        "one slot is enough for a one-key file")
    lines = [b64(key_bytes(48)) for _ in range(4)]
    add("keyfile", "valid", "haproxy-1", kf("haproxy", lines[0] + b"\n"),
        "HAProxy tls-ticket-keys, one 48-byte line: that key encrypts")
    add("keyfile", "valid", "haproxy-4-crlf",
        kf("haproxy", b"\r\n".join(lines) + b"\r\n\r\n"),
        "four CR LF lines and an empty one: the last three are kept")
    add("keyfile", "valid", "haproxy-80-no-final-lf",
        kf("haproxy", b64(key_bytes(80)) + b"\n" + b64(key_bytes(80))),
        "two 80-byte lines, no LF after the last")
    add("keyfile", "valid", "haproxy-mixed",
        kf("haproxy", lines[0] + b"\n" + b64(key_bytes(80)) + b"\n"),
        "a 48-byte and an 80-byte line: parsed, but no single suite to "
        "write them back in (the writer refuses)")
    hdr = struct.pack("<iii", 0, 1700000000, 1700086400)
    add("keyfile", "valid", "lighttpd-92", kf("lighttpd", hdr + k80),
        "lighttpd ssl.stek-file: version 0, active, expire (little-endian "
        "host), 80 B name|hmac32|aes32")
    add("keyfile", "valid", "lighttpd-max",
        kf("lighttpd", struct.pack("<iii", 0, 0, 0x7fffffff) + k80),
        "lighttpd window [0, 2^31-1): the widest")
    tk = b"tkt-keys 1\n# rotated 2026-12-01\n\n" + \
        tkt_line("rfc5077", rnd(16), rnd(16), rnd(32), 1700000000, "7200",
                 "46800") + \
        tkt_line("rfc5077-aes256", rnd(16), rnd(32), rnd(16)) + \
        tkt_line("aes256-gcm", rnd(16), rnd(32), None, 5, "0", "forever")
    add("keyfile", "valid", "tkt-3", kf("tkt", tk),
        "native tkt key file: one key per suite, a comment and an empty line")
    add("keyfile", "valid", "tkt-empty", kf("tkt", b"tkt-keys 1\n"),
        "native file with no key line: valid, count 0")
    # refused
    add("keyfile", "invalid", "format-0", kf(0, k48), "format 0: TKT_ERR_ARG")
    add("keyfile", "invalid", "format-7", kf(7, k48),
        "format 7 (none such): TKT_ERR_ARG")
    add("keyfile", "invalid", "empty", b"", "no format byte at all")
    for fmt, n in (("nginx", 47), ("nginx", 49), ("nginx", 79), ("nginx", 81),
                   ("apache", 80), ("openssl80", 48), ("lighttpd", 91),
                   ("lighttpd", 93), ("nginx", 0)):
        add("keyfile", "invalid", "%s-%d" % (fmt, n), kf(fmt, rnd(n)),
            "%s file of %d bytes: TKT_ERR_BAD_LENGTH" % (fmt, n))
    add("keyfile", "invalid", "nginx-48-cap0", kf("nginx", k48, cap=0),
        "no slot for the key: TKT_ERR_FULL")
    add("keyfile", "invalid", "nginx-zero", kf("nginx", bytes(48)),
        "all-zero key (CVE-2020-13777): TKT_ERR_KEY")
    add("keyfile", "invalid", "nginx-zero-secrets",
        kf("nginx", rnd(16) + bytes(32)),
        "a name but all-zero AES and HMAC keys (CVE-2020-13777)")
    same = rnd(16)
    add("keyfile", "invalid", "nginx-aes-eq-hmac",
        kf("nginx", rnd(16) + same + same),
        "AES key equal to the HMAC key: TKT_ERR_KEY")
    add("keyfile", "invalid", "haproxy-empty", kf("haproxy", b"\n\r\n"),
        "only empty lines: no key, TKT_ERR_SYNTAX")
    add("keyfile", "invalid", "haproxy-bad-b64",
        kf("haproxy", lines[0][:-1] + b"!\n"), "a non-base64 character")
    add("keyfile", "invalid", "haproxy-unpadded",
        kf("haproxy", b64(key_bytes(80)).rstrip(b"=") + b"\n"),
        "an 80-byte key in base64 without its final '=': not canonical")
    add("keyfile", "invalid", "haproxy-47", kf("haproxy", b64(rnd(47)) + b"\n"),
        "a 47-byte key line: TKT_ERR_BAD_LENGTH")
    add("keyfile", "invalid", "haproxy-long-line",
        kf("haproxy", b64(rnd(81)) + b"\n"), "a line longer than 80 bytes")
    add("keyfile", "invalid", "haproxy-4-cap2",
        kf("haproxy", b"\n".join(lines) + b"\n", cap=2),
        "three keys kept, two slots: TKT_ERR_FULL")
    add("keyfile", "invalid", "lighttpd-version-1",
        kf("lighttpd", struct.pack("<iii", 1, 0, 10) + k80),
        "lighttpd version 1: TKT_ERR_RANGE")
    add("keyfile", "invalid", "lighttpd-expire-eq-active",
        kf("lighttpd", struct.pack("<iii", 0, 10, 10) + k80),
        "expire_ts == active_ts: an empty window, TKT_ERR_RANGE")
    add("keyfile", "invalid", "lighttpd-active-negative",
        kf("lighttpd", struct.pack("<iii", 0, -1, 10) + k80),
        "negative active_ts: TKT_ERR_RANGE")
    add("keyfile", "invalid", "lighttpd-big-endian",
        kf("lighttpd", struct.pack(">iii", 0, 1700000000, 1700086400) + k80),
        "a header written on a big-endian host: the times read back "
        "byte-swapped, expire <= active")
    name = rnd(16)
    add("keyfile", "invalid", "tkt-dup-name",
        kf("tkt", b"tkt-keys 1\n" + tkt_line("rfc5077", name, rnd(16), rnd(32))
           + tkt_line("rfc5077", name, rnd(16), rnd(32))),
        "two keys with one name: TKT_ERR_KEY")
    add("keyfile", "invalid", "tkt-header-2", kf("tkt", b"tkt-keys 2\n"),
        "unknown file version")
    add("keyfile", "invalid", "tkt-no-final-lf",
        kf("tkt", b"tkt-keys 1\n" + tkt_line("rfc5077", rnd(16), rnd(16),
                                             rnd(32))[:-1]),
        "the last line without its LF")
    add("keyfile", "invalid", "tkt-upper-hex",
        kf("tkt", b"tkt-keys 1\n" + tkt_line("rfc5077", rnd(16), rnd(16),
                                             rnd(32)).upper()),
        "upper-case hex: not the one spelling")
    add("keyfile", "invalid", "tkt-introduced-forever",
        kf("tkt", b"tkt-keys 1\n" + tkt_line(
            "rfc5077", rnd(16), rnd(16), rnd(32)).replace(
                b"introduced=0", b"introduced=forever")),
        "introduced=forever is refused")
    add("keyfile", "invalid", "tkt-leading-zero",
        kf("tkt", b"tkt-keys 1\n" + tkt_line(
            "rfc5077", rnd(16), rnd(16), rnd(32)).replace(
                b"introduced=0", b"introduced=00")),
        "a decimal with a leading zero")
    add("keyfile", "invalid", "tkt-overflow",
        kf("tkt", b"tkt-keys 1\n" + tkt_line(
            "rfc5077", rnd(16), rnd(16), rnd(32)).replace(
                b"introduced=0", b"introduced=18446744073709551616")),
        "2^64 does not fit in 64 bits")
    add("keyfile", "invalid", "tkt-gcm-with-hmac",
        kf("tkt", b"tkt-keys 1\n" + tkt_line("aes256-gcm", rnd(16), rnd(32),
                                             rnd(32))),
        "an aes256-gcm key with an HMAC key")
    add("keyfile", "invalid", "tkt-cap1-two-keys",
        kf("tkt", tk, cap=1), "three keys, one slot: TKT_ERR_FULL")


# fuzz_open: byte 0 = flags (bits 0-2 key: 0 rfc5077, 1 rfc5077-aes256
# hmac16, 2 aes256-gcm, 3 rfc5077 decrypt-only, 4 aes256-gcm living in
# [0, 2000), 5-7 an unknown key name; 0x08 bypass; 0x10 corrupt the MAC;
# 0x20 buffer one byte short; 0x40 policy; 0x80 ring with max 256-byte
# tickets), byte 1 = clock offset (d = b - 128: d * |d| * 40 s from the
# state's timestamp in bypass mode, from 1700000000 raw), then the ticket
# (raw) or the decrypted bytes (bypass). See fuzz/fuzz_open.c.
OPEN_KEY_NAMES = [bytes(0x40 + i * 16 + j for j in range(16)) for i in range(5)]


def op(flags, data, delta=128):
    return u8(flags) + u8(delta) + data


def pkcs7(b):
    p = 16 - len(b) % 16
    return b + bytes([p]) * p


def seeds_open():
    s_anon = state()
    s_full = state(1, vec24(vec24(rnd(200))),
                   block=vec16(ext(0, b"example.com") + ext(16, b"h2")
                               + ext(23, b"")))
    s_psk = state(2, vec16(b"client1"), suite=0x009c)
    s_early = state(ts=500)
    for k in range(5):
        add("open", "valid", "bypass-key%d-anon" % k,
            op(0x08 | k, s_early if k == 4 else s_anon),
            "bypass mode, key %d, the smallest state: opens" % k)
    add("open", "valid", "bypass-cert-exts", op(0x08, s_full),
        "certificate identity and every state extension")
    add("open", "valid", "bypass-psk-gcm", op(0x0A, s_psk),
        "PSK identity under aes256-gcm")
    add("open", "valid", "bypass-policy", op(0x48, s_anon),
        "policy: TLS 1.2, suite 0xc02f allowed, 1 day lifetime")
    add("open", "valid", "bypass-policy-renew", op(0x48, s_anon, 128 + 46),
        "policy, 84640 s after issue: less than renew_within left, OK_RENEW")
    add("open", "valid", "bypass-in-skew", op(0x48, s_anon, 126),
        "policy, now 160 s before the timestamp (within max_skew 300)")
    add("open", "valid", "bypass-own-padding", op(0x08, pkcs7(s_anon)),
        "the payload carries its own valid PKCS#7 padding (64 bytes)")
    add("open", "valid", "bypass-small-ring", op(0x88, s_anon),
        "ring limited to 256-byte tickets, a 130-byte one")
    add("open", "valid", "bypass-gcm-big", op(0x0A, state(2, vec16(rnd(4000)))),
        "a 4 KiB PSK identity under GCM")
    add("open", "invalid", "bypass-bad-mac", op(0x18, s_anon),
        "bypass, MAC bit flipped: BAD_MAC, buffer untouched")
    add("open", "invalid", "bypass-bad-tag-gcm", op(0x1A, s_anon),
        "bypass, GCM tag bit flipped: BAD_MAC")
    add("open", "invalid", "bypass-short-cap", op(0x28, s_anon),
        "buffer one byte short of encrypted_state: BUFFER_TOO_SMALL")
    add("open", "invalid", "bypass-unknown-name", op(0x0D, s_anon),
        "key_name matching no key: NOT_OURS")
    add("open", "invalid", "bypass-bad-padding",
        op(0x08, s_anon + bytes(6)),
        "64 bytes whose last byte is 0: bad PKCS#7 padding, MALFORMED")
    add("open", "invalid", "bypass-padding-17",
        op(0x08, s_anon[:48] + bytes([17]) * 16),
        "a padding byte of 17: MALFORMED")
    add("open", "invalid", "bypass-state-trailing",
        op(0x0A, s_anon + b"\x00"),
        "one byte after the timestamp inside the state: MALFORMED, buffer "
        "zeroed")
    add("open", "invalid", "bypass-state-short", op(0x0A, s_anon[:57]),
        "a 57-byte plaintext, below the shortest state")
    add("open", "invalid", "bypass-expired", op(0x08, s_anon, 128 + 123),
        "605160 s after the timestamp, past the default 7-day lifetime: "
        "EXPIRED")
    add("open", "invalid", "bypass-skew", op(0x48, s_anon, 125),
        "policy, now 360 s before the timestamp (> max_skew): EXPIRED")
    add("open", "invalid", "bypass-policy-lifetime", op(0x48, s_anon, 128 + 47),
        "policy, 88360 s after issue: past the 1-day lifetime, EXPIRED")
    add("open", "invalid", "bypass-policy-version",
        op(0x48, state(version=0x0302)), "TLS 1.1 not in the policy: POLICY")
    add("open", "invalid", "bypass-policy-suite",
        op(0x48, state(suite=0x002f)), "suite 0x002f not in the policy")
    add("open", "invalid", "bypass-key4-gone", op(0x0C, s_anon),
        "key 4's windows ended long ago: NOT_OURS")
    add("open", "invalid", "bypass-small-ring-long",
        op(0x88, state(2, vec16(rnd(200)))),
        "a 336-byte ticket, over the ring's 256: MALFORMED before any work")
    add("open", "invalid", "raw-empty", op(0, b""), "empty ticket: EMPTY")
    for n in (103, 104, 129, 130, 131):
        add("open", "invalid", "raw-len-%d" % n,
            op(0, OPEN_KEY_NAMES[0] + rnd(n - 16)),
            "a %d-byte ticket named for key 0 (shortest tickets: 104 GCM, "
            "130 CBC)" % n)
    add("open", "invalid", "raw-byte-after-mac",
        op(0, OPEN_KEY_NAMES[0] + rnd(16) + vec16(rnd(64)) + rnd(32) + b"\x00"),
        "key 0's layout and one byte after the MAC: MALFORMED")
    add("open", "invalid", "raw-cbc-not-block",
        op(0, OPEN_KEY_NAMES[0] + rnd(16) + vec16(rnd(65)) + rnd(32)),
        "a CBC ciphertext of 65 bytes: MALFORMED before the MAC")
    add("open", "invalid", "raw-gcm-forged",
        op(2, OPEN_KEY_NAMES[2] + rnd(12) + vec16(rnd(80)) + rnd(16)),
        "a well-formed GCM ticket with a random tag: BAD_MAC")
    add("open", "invalid", "raw-65535",
        op(0, OPEN_KEY_NAMES[1] + rnd(16) + vec16(rnd(65535 - 66))
           + rnd(32)),
        "a 65535-byte ticket (CVE-2015-5291 size) for key 1: BAD_MAC")
    add("open", "invalid", "raw-unknown", op(0, rnd(200)),
        "200 random bytes: NOT_OURS")


# ---------------------------------------------------------------- captures
def hello_exts(body, client):
    """The extensions block of a hello body (or None), by a plain walk."""
    p = 2 + 32
    p += 1 + body[p]
    if client:
        p += 2 + int.from_bytes(body[p:p + 2], "big")
        p += 1 + body[p]
    else:
        p += 3
    return body[p:] if p < len(body) else None


def ext35_of(block):
    p, n = 2, len(block)
    while p + 4 <= n:
        t = int.from_bytes(block[p:p + 2], "big")
        ln = int.from_bytes(block[p + 2:p + 4], "big")
        if t == 35:
            return block[p + 4:p + 4 + ln]
        p += 4 + ln
    return None


def copy_captures():
    """Copy real handshake messages from corpus/captures/<impl>/*.bin.

    Each capture is a whole handshake message (header included). It is
    routed by its msg_type to hs and to the body-level target; its
    extensions block, ext 35 body and ticket go to exts, ext35 and the
    ticket targets. Returns the number of captures used.
    """
    cap = os.path.join(ROOT, "captures")
    if not os.path.isdir(cap):
        return 0
    n = 0
    for impl in sorted(os.listdir(cap)):
        d = os.path.join(cap, impl)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".bin"):
                continue
            data = open(os.path.join(d, name), "rb").read()
            if len(data) < 4 or \
               int.from_bytes(data[1:4], "big") != len(data) - 4:
                continue
            body = data[4:]
            tag = "cap-%s-%s" % (impl, name[:-4])
            why = "real %s capture, corpus/captures/%s/%s" % (impl, impl, name)
            add("hs", "valid", tag, data, why)
            if data[0] in (1, 2):
                client = data[0] == 1
                add("client_hello" if client else "server_hello", "valid",
                    tag, body, why + " (body)")
                block = hello_exts(body, client)
                if block is not None:
                    add("exts", "valid", tag, block,
                        why + ": its extensions block")
                    e35 = ext35_of(block)
                    if e35 is not None:
                        add("ext35", "valid", tag, e35,
                            why + ": its SessionTicket extension body")
            elif data[0] == 4:
                add("nst", "valid", tag, body, why + " (body)")
                add("nst_msg", "valid", tag, data, why)
                ticket = body[6:]
                add("ext35", "valid", tag + "-ticket", ticket,
                    why + ": its ticket as a ClientHello ext 35 body")
                # Real tickets are not in tkt's layouts (DESIGN.md: no
                # library emits RFC 5077 section 4 byte for byte).
                for tgt in ("ticket", "ticket_gcm"):
                    add(tgt, "invalid", tag, ticket,
                        why + ": its %s-format ticket, not in this layout"
                        % impl)
            n += 1
    return n


READMES = {
    "valid": "Inputs the decoder must accept (and re-encode to the same bytes).",
    "invalid": "Inputs the decoder must reject, with nothing written to its view.",
}
# The seal-layer targets have their own meaning of valid / invalid.
TARGET_READMES = {
    ("keyfile", "valid"): "Key files tkt_keyfile_parse must accept (byte 0: "
    "format + 8 * capacity choice, see fuzz/fuzz_keyfile.c); written back, "
    "they parse to the same keys.",
    ("keyfile", "invalid"): "Key files tkt_keyfile_parse must refuse, with "
    "every key slot zeroed.",
    ("open", "valid"): "Inputs of fuzz/fuzz_open.c (flags, clock byte, "
    "ticket or plaintext) that tkt_open must open (TKT_OK or TKT_OK_RENEW), "
    "as the harness's independent model predicts.",
    ("open", "invalid"): "Inputs of fuzz/fuzz_open.c that tkt_open must "
    "refuse, with the status the harness's model predicts (given per file).",
}


def write_all():
    total = 0
    for (target, kind), items in sorted(seeds.items()):
        d = os.path.join(ROOT, target, kind)
        os.makedirs(d, exist_ok=True)
        keep = []
        readme = os.path.join(d, "README.md")
        if os.path.exists(readme):
            keep = [l for l in open(readme) if l.startswith("- `fuzz-")]
        for f in os.listdir(d):
            if f != "README.md" and not f.startswith("fuzz-"):
                os.remove(os.path.join(d, f))
        lines = ["# corpus/%s/%s\n\n" % (target, kind),
                 TARGET_READMES.get((target, kind), READMES[kind]) +
                 " Generated by fuzz/make_seeds.py (do not "
                 "edit by hand; regenerate), except `fuzz-*` files, which "
                 "`make corpus-min` added from campaigns.\n\n"]
        seen = set()
        for name, data, why in items:
            assert name not in seen, (target, kind, name)
            seen.add(name)
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
            lines.append("- `%s` (%d B): %s\n" % (name, len(data), why))
            total += 1
        lines.extend(keep)
        with open(readme, "w") as f:
            f.writelines(lines)
    return total


def main():
    seeds_hs()
    seeds_ext35()
    seeds_exts()
    seeds_client_hello()
    seeds_server_hello()
    seeds_nst()
    seeds_nst_msg()
    seeds_ticket_layouts()
    seeds_state()
    seeds_keyfile()
    seeds_open()
    caps = copy_captures()
    # Every target has both directories, so each README exists.
    total = write_all()
    print("make_seeds: %d seeds written under %s (%d captures)" % (
        total, os.path.normpath(ROOT), caps))


if __name__ == "__main__":
    main()
