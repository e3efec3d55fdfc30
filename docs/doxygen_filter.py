#!/usr/bin/env python3
"""Doxygen INPUT_FILTER for tkt's public headers (docs/Doxyfile).

The headers are documented BearSSL style, in plain C comments, so that
they read well as text and need no Doxygen markup. This filter shows
Doxygen the same comments as documentation, without changing a line count
(warnings keep their line numbers):

  - the comment that opens a file        -> its \\file documentation
  - a "=== Title ===" banner comment      -> a member group named Title,
                                            closed at the next banner
  - a comment on its own line             -> documents what follows
  - a comment after code on a line        -> documents that member (/**<)

Inside comments, characters Doxygen would take as markup (\\ @ < > & # %)
are escaped, so an #include or a <stdint.h> in the prose is shown as
written instead of producing a warning.
"""
import re
import sys

ESCAPES = {c: "\\" + c for c in "\\@<>&#%$"}


def escape(text):
    # Keep `code spans` verbatim: Doxygen's Markdown shows them as code.
    parts = re.split(r"(`[^`\n]*`)", text)
    return "".join(p if p.startswith("`") else "".join(ESCAPES.get(c, c) for c in p)
                   for p in parts)


def comment_spans(src):
    """(start, end) of every /* ... */ comment, skipping string literals."""
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            i = j + 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            yield i, j
            i = j
        else:
            i += 1


def convert(src):
    out, last, first, group_open = [], 0, True, False
    for start, end in comment_spans(src):
        body = src[start + 2:end - 2]
        line_start = src.rfind("\n", 0, start) + 1
        code_before = src[line_start:start].strip() != ""
        out.append(src[last:start])
        lines = body.split("\n")
        banner = len(lines) >= 3 and re.fullmatch(r"\s*=+\s*", lines[0]) is not None
        if first and not code_before:
            out.append("/** \\file\n" + escape(body.split("\n", 1)[1] if "\n" in body else body) + "*/")
            first = False
        elif banner:
            # "/* ===\n * Title\n * more\n * === */": a member group. The
            # title goes on the banner's first line, so lines stay put.
            title = re.sub(r"^\s*\*\s?", "", lines[1]).strip()
            rest = [" *" if re.fullmatch(r"\s*\*?\s*=*\s*", l) else escape(l) for l in lines[2:]]
            closing = "/** @} */ " if group_open else ""
            out.append(closing + "/** @name " + escape(title) + "\n *\n"
                       + "\n".join(rest) + " */ /** @{ */")
            group_open = True
        elif code_before:
            out.append("/**<" + escape(body) + "*/")
        else:
            out.append("/**" + escape(body) + "*/")
        first = False
        last = end
    tail = src[last:]
    if group_open:
        # Close the last group before the include guard's #endif.
        k = tail.rfind("#endif")
        if k >= 0:
            tail = tail[:k] + "/** @} */ " + tail[k:]
    out.append(tail)
    return share_paragraph_docs("".join(out))


FUNC = re.compile(r"^(?!#|typedef\b|struct\b|extern\b|static\b)[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\(")


def paragraphs(lines):
    """Runs of consecutive non-blank lines: (first index, last index)."""
    i = 0
    while i < len(lines):
        if lines[i].strip() == "":
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip() != "":
            j += 1
        yield i, j
        i = j + 1


def functions_of(lines, i, j):
    """(line index, name) of each function declared in lines[i..j]."""
    return [(k, m.group(1)) for k in range(i, j + 1) for m in [FUNC.match(lines[k])] if m]


def share_paragraph_docs(text):
    # One comment often documents a run of declarations (a size function
    # and its encoder, say): BearSSL style. Doxygen documents only the
    # first; the others get a \copydoc of it, on their own line so that
    # line numbers do not move.
    lines = text.split("\n")
    for i, j in paragraphs(lines):
        if not lines[i].lstrip().startswith("/**"):
            continue
        funcs = functions_of(lines, i, j)
        for k, name in funcs[1:]:
            lines[k] = "/** \\copydoc %s() */ %s" % (funcs[0][1], lines[k])
    return "\n".join(lines)


def undocumented(text):
    """Functions declared in a paragraph with no comment: none allowed."""
    lines = text.split("\n")
    missing = []
    for i, j in paragraphs(lines):
        has_doc = any("/*" in lines[k] for k in range(i, j + 1))
        if not has_doc:
            missing += [(k + 1, name) for k, name in functions_of(lines, i, j)]
    return missing


if __name__ == "__main__":
    if sys.argv[1] == "--check":
        # docs/Doxyfile lets Doxygen list undocumented macros and fields
        # (many are described by their section); functions may not be.
        bad = 0
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                for line, name in undocumented(f.read()):
                    print("%s:%d: function %s has no documentation comment" % (path, line, name))
                    bad += 1
        sys.exit(1 if bad else 0)
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(convert(f.read()))
