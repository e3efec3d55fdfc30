#!/usr/bin/env python3
"""Send one hand-made TLS 1.2 ClientHello and report the server's first answer.

usage: raw_hello.py PORT SID_LEN TICKET [SNI]
  SID_LEN  session ID length to send (0..33; random bytes)
  TICKET   a tkt client session file (its ticket is offered), "none" (no
           extension 35), "empty" (an empty extension 35), or "big:N"
           (an N-byte random ticket)
  SNI      host name to send (default 127.0.0.1, what tkt client sends)

Prints one line: "SH sid=<hex> ext35=<0|1> sent=<hex>" if a ServerHello
came back, "ALERT <level> <description>" for an alert, or "CLOSED".
The handshake is not completed; the server sees the peer go away.
Bounded: 10-second socket timeout.
"""
import os
import socket
import struct
import sys

SUITES = [0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC023, 0xC027,
          0xC024, 0xC028, 0xC009, 0xC013, 0xC00A, 0xC014]


def ext(t, body):
    return struct.pack(">HH", t, len(body)) + body


def client_hello(sid, ticket, sni):
    exts = b""
    name = sni.encode()
    exts += ext(0, struct.pack(">HBH", len(name) + 3, 0, len(name)) + name)
    exts += ext(10, struct.pack(">HHH", 4, 23, 29))          # groups
    exts += ext(11, b"\x01\x00")                              # point formats
    sigs = [0x0403, 0x0503, 0x0804, 0x0401, 0x0501, 0x0201, 0x0203]
    exts += ext(13, struct.pack(">H", 2 * len(sigs)) + b"".join(struct.pack(">H", s) for s in sigs))
    if ticket is not None:
        exts += ext(35, ticket)
    body = struct.pack(">H", 0x0303) + os.urandom(32)
    body += bytes([len(sid)]) + sid
    body += struct.pack(">H", 2 * len(SUITES)) + b"".join(struct.pack(">H", s) for s in SUITES)
    body += b"\x01\x00"
    body += struct.pack(">H", len(exts)) + exts
    return b"\x01" + struct.pack(">I", len(body))[1:] + body


def records(msg):
    out = b""
    for i in range(0, len(msg), 16384):
        chunk = msg[i:i + 16384]
        out += b"\x16\x03\x01" + struct.pack(">H", len(chunk)) + chunk
    return out


def read_exact(s, n):
    b = b""
    while len(b) < n:
        d = s.recv(n - len(b))
        if not d:
            return None
        b += d
    return b


def main():
    port, sid_len, tspec = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    sni = sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1"
    if tspec == "none":
        ticket = None
    elif tspec == "empty":
        ticket = b""
    elif tspec.startswith("big:"):
        ticket = os.urandom(int(tspec[4:]))
    else:
        data = open(tspec, "rb").read()
        tlen = data[64] * 256 + data[65]
        ticket = data[66:66 + tlen]
    sid = os.urandom(sid_len)
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(records(client_hello(sid, ticket, sni)))
    hs = b""
    while True:
        hdr = read_exact(s, 5)
        if hdr is None:
            print("CLOSED")
            return
        body = read_exact(s, hdr[3] * 256 + hdr[4])
        if body is None:
            print("CLOSED")
            return
        if hdr[0] == 21:
            print("ALERT %d %d" % (body[0], body[1]))
            return
        if hdr[0] != 22:
            print("CLOSED")
            return
        hs += body
        if len(hs) >= 4 and len(hs) >= 4 + int.from_bytes(hs[1:4], "big"):
            break
    if hs[0] != 2:
        print("CLOSED")
        return
    b = hs[4:4 + int.from_bytes(hs[1:4], "big")]
    n = b[34]
    got = b[35:35 + n]
    off = 35 + n + 3
    e35 = 0
    if off < len(b):
        end = off + 2 + b[off] * 256 + b[off + 1]
        off += 2
        while off + 4 <= end:
            t, l = struct.unpack(">HH", b[off:off + 4])
            if t == 35:
                e35 = 1
            off += 4 + l
    print("SH sid=%s ext35=%d sent=%s" % (got.hex(), e35, sid.hex()))
    s.close()


if __name__ == "__main__":
    main()
