#!/usr/bin/env python3
"""TCP relay for one connection that records the TLS record lengths the
server sends before its ChangeCipherSpec (the plaintext handshake records).

usage: reclen_relay.py LISTEN_PORT_FILE TARGET_PORT OUT_FILE [SPLIT]
Binds 127.0.0.1 on a free port, writes that port to LISTEN_PORT_FILE,
relays one connection to 127.0.0.1:TARGET_PORT and writes one line per
server record "TYPE LENGTH" to OUT_FILE until the server's CCS. With
SPLIT, the client's plaintext handshake records (before its CCS) are
re-framed into records of at most SPLIT bytes, so that the ClientHello
spans several records. Bounded: gives up after 20 seconds.
"""
import select
import socket
import sys
import time


def main():
    port_file, target, out_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    split = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    cbuf = b""
    cdone = split == 0
    csplit = [0]
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(1)
    ls.settimeout(20)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(ls.getsockname()[1]))
    import os
    os.rename(port_file + ".tmp", port_file)
    cs, _ = ls.accept()
    ss = socket.create_connection(("127.0.0.1", target), timeout=20)
    buf = b""
    records = []
    done = False
    deadline = time.time() + 20
    while time.time() < deadline:
        r, _, _ = select.select([cs, ss], [], [], 1)
        if not r:
            continue
        stop = False
        for s in r:
            data = s.recv(65536)
            if not data:
                stop = True
                break
            if s is cs and not cdone:
                cbuf += data
                out = b""
                while len(cbuf) >= 5:
                    n = cbuf[3] * 256 + cbuf[4]
                    if len(cbuf) < 5 + n:
                        break
                    typ, ver, body = cbuf[0], cbuf[1:3], cbuf[5:5 + n]
                    cbuf = cbuf[5 + n:]
                    if typ == 22 and not cdone:
                        csplit[0] += (n + split - 1) // split
                        for i in range(0, n, split):
                            chunk = body[i:i + split]
                            out += bytes([typ]) + ver + bytes([len(chunk) >> 8, len(chunk) & 255]) + chunk
                    else:
                        if typ == 20:
                            cdone = True
                        out += bytes([typ]) + ver + bytes([n >> 8, n & 255]) + body
                if cdone:
                    out += cbuf
                    cbuf = b""
                ss.sendall(out)
                continue
            (ss if s is cs else cs).sendall(data)
            if s is ss and not done:
                buf += data
                while len(buf) >= 5:
                    n = buf[3] * 256 + buf[4]
                    if len(buf) < 5 + n:
                        break
                    records.append((buf[0], n))
                    if buf[0] == 20:
                        done = True
                        break
                    buf = buf[5 + n:]
        if stop:
            break
    if split:
        with open(out_file + ".client", "w") as f:
            f.write("%d\n" % csplit[0])
    with open(out_file, "w") as f:
        for t, n in records:
            f.write("%d %d\n" % (t, n))


if __name__ == "__main__":
    main()
