#!/usr/bin/env python3
"""fuzz/coverage_floor.py SHOW_TXT EXCEPTIONS -- the coverage floor of
`make coverage`.

Reads the text of `llvm-cov show -show-branches=count -show-line-counts`
over src/codec/*.c, prints per-file line and branch coverage and fails
unless src/codec as a whole reaches 100% of lines and at least 95% of
branch directions (llvm-cov counts the true and the false side of each
condition separately). Exceptions (fuzz/coverage-exceptions.txt) are
lines `path reason` (a whole file left out), `path:@tag reason` (each
line of path whose source carries the comment `cov-exempt: tag`, with its
branches) or `path:line reason` (one line by number: a marker is sturdier,
numbers move when a file gains annotations); each is printed with its
reason, and an exception that no longer matches a line is reported so the
list cannot rot.
"""
import re
import sys

LINE_FLOOR = 100.0
BRANCH_FLOOR = 95.0


def count(s):
    s = s.strip()
    mult = {"k": 1e3, "M": 1e6, "G": 1e9}
    if s and s[-1] in mult:
        return float(s[:-1]) * mult[s[-1]]
    return float(s)


def main():
    show, exc_path = sys.argv[1], sys.argv[2]
    file_exc, line_exc, tag_exc = {}, {}, {}
    try:
        for raw in open(exc_path):
            raw = raw.strip()
            if not raw or raw.startswith("#"):
                continue
            key, _, reason = raw.partition(" ")
            if ":@" in key:
                path, tag = key.rsplit(":@", 1)
                tag_exc[(path, tag)] = reason.strip()
            elif ":" in key:
                path, line = key.rsplit(":", 1)
                line_exc[(path, int(line))] = reason.strip()
            else:
                file_exc[key] = reason.strip()
    except FileNotFoundError:
        pass

    files = {}
    cur = None
    hdr = re.compile(r"^(/\S+\.c):$")
    ln = re.compile(r"^\s*(\d+)\|\s*([0-9.]+[kMG]?)?\|(.*)$")
    marker = re.compile(r"cov-exempt: ([\w-]+)")
    tags_seen = set()
    br = re.compile(r"Branch \((\d+):\d+\): \[True: ([0-9.]+[kMG]?), False: ([0-9.]+[kMG]?)\]")
    for raw in open(show):
        m = hdr.match(raw.rstrip("\n"))
        if m:
            path = m.group(1)
            i = path.find("src/codec/")
            cur = path[i:] if i >= 0 else path
            files.setdefault(cur, {"lines": {}, "branches": []})
            continue
        if cur is None:
            continue
        m = ln.match(raw.rstrip("\n"))
        if m:
            t = marker.search(m.group(3))
            if t and (cur, t.group(1)) in tag_exc:
                tags_seen.add((cur, t.group(1)))
                line_exc[(cur, int(m.group(1)))] = "%s (cov-exempt: %s)" % (
                    tag_exc[(cur, t.group(1))], t.group(1))
        if m and m.group(2) is not None:
            files[cur]["lines"][int(m.group(1))] = count(m.group(2))
            continue
        m = br.search(raw)
        if m:
            files[cur]["branches"].append(
                (int(m.group(1)), count(m.group(2)), count(m.group(3))))

    used = set()
    tl = tlc = tb = tbc = 0
    missed = []
    print("%-26s %14s %8s %14s %8s" % ("file", "lines", "%", "branches", "%"))
    for path in sorted(files):
        if path in file_exc:
            print("%-26s excluded: %s" % (path, file_exc[path]))
            continue
        f = files[path]
        nl = nlc = nb = nbc = 0
        for line, c in sorted(f["lines"].items()):
            if (path, line) in line_exc:
                used.add((path, line))
                continue
            nl += 1
            if c > 0:
                nlc += 1
            else:
                missed.append("%s:%d line never executed" % (path, line))
        for line, t, fl in f["branches"]:
            if (path, line) in line_exc:
                continue
            nb += 2
            nbc += (t > 0) + (fl > 0)
            if t == 0 or fl == 0:
                missed.append("%s:%d branch %s side never taken"
                              % (path, line, "true" if t == 0 else "false"))
        tl, tlc, tb, tbc = tl + nl, tlc + nlc, tb + nb, tbc + nbc
        print("%-26s %6d/%-7d %7.2f%% %6d/%-7d %7.2f%%" % (
            path, nlc, nl, 100.0 * nlc / nl if nl else 100.0,
            nbc, nb, 100.0 * nbc / nb if nb else 100.0))
    for key, reason in sorted(tag_exc.items()):
        if key not in tags_seen:
            print("exception %s:@%s: %s  (STALE: no line carries the marker)"
                  % (key[0], key[1], reason))
    for key, reason in sorted(line_exc.items()):
        print("exception %s:%d: %s%s" % (key[0], key[1], reason,
              "" if key in used else "  (STALE: no such line)"))
    lp = 100.0 * tlc / tl if tl else 0.0
    bp = 100.0 * tbc / tb if tb else 0.0
    print("%-26s %6d/%-7d %7.2f%% %6d/%-7d %7.2f%%" % ("src/codec total",
          tlc, tl, lp, tbc, tb, bp))
    for m in missed:
        print("  missed: " + m)
    ok = tl > 0 and tlc == tl and bp >= BRANCH_FLOOR
    print("coverage floor (lines %.0f%%, branches >= %.0f%%): %s" % (
        LINE_FLOOR, BRANCH_FLOOR, "met" if ok else "NOT met"))
    print("coverage: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
