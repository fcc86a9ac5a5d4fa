#!/usr/bin/env python3
"""The rooms' third-party includes: the compiler already refuses an include
of another room's internal header (each room's include root links only the
rooms it may use, see CMakeLists.txt), but headers under /usr/include are
visible everywhere, so this test reads the #include lines instead.

A library is wrapped by the rooms listed here and nowhere else.  EXCEPTIONS
lists the files that still include a library outside its room, with the
reason; an exception that is no longer needed fails the test too, so the
list stays true."""
import os
import re
import sys

SRC = os.path.join(os.environ.get("RAG_SOURCE_DIR",
                   os.path.join(os.path.dirname(__file__), "..", "..")), "src")

# header -> rooms that may include it
WRAPPERS = {
    "xlsxwriter.h": {"writer"},
    "expat.h": {"read", "edit"},
    "unzip.h": {"read", "writer", "edit"},   # writer: the fix-up pass re-zips
    "zip.h": {"writer", "edit"},             # minizip's writer or libzip
    "zipint.h": {"edit"},
    "zlib.h": {"read", "writer", "edit"},
    "getopt.h": {"cli"},
    "cmocka.h": set(),
}

# file (relative to src/) -> headers it may still include outside the wrapper
EXCEPTIONS = {
}

# The command sees the public API only: its own headers, util (compiled
# into it as curl's curlx) and include/ragbook.
CLI_LOCAL = {"cli", "util"}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def main():
    bad, used_exceptions = [], set()
    for room in sorted(os.listdir(SRC)):
        rdir = os.path.join(SRC, room)
        if not os.path.isdir(rdir):
            continue
        for name in sorted(os.listdir(rdir)):
            if not name.endswith((".c", ".h")):
                continue
            rel = f"{room}/{name}"
            with open(os.path.join(rdir, name), encoding="utf-8") as f:
                text = f.read()
            for kind, header in INCLUDE.findall(text):
                if kind == "<" and header in WRAPPERS:
                    if room in WRAPPERS[header]:
                        continue
                    if header in EXCEPTIONS.get(rel, ()):
                        used_exceptions.add((rel, header))
                        continue
                    bad.append(f"{rel}: includes <{header}>, which only "
                               f"{sorted(WRAPPERS[header]) or 'tests'} may")
                if kind == '"' and room == "cli":
                    top = header.split("/")[0]
                    if top != "ragbook" and top not in CLI_LOCAL:
                        bad.append(f"{rel}: includes \"{header}\": the "
                                   "command uses the public API only")
    for rel, headers in EXCEPTIONS.items():
        for h in headers:
            if (rel, h) not in used_exceptions:
                bad.append(f"{rel}: the exception for <{h}> is no longer "
                           "needed: remove it from EXCEPTIONS")
    for b in bad:
        print(b)
    checked = sum(len(fs) for _, _, fs in os.walk(SRC))
    print(f"layering: {checked} files, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
