#!/usr/bin/env python3
"""Build the seed corpus for fuzz_reader.

Usage: make_seeds.py OUT_DIR [--fixtures DIR] [--corpus DIR] [--sample N]
       [--max-size BYTES] [--extra DIR ...]

Each workbook is copied three times: as it is, re-zipped with every entry
STORED (not deflated), and as its XML parts joined by NUL bytes (which
fuzz_reader packs into a zip itself).  Mutations of deflated bytes rarely inflate to
anything the XML parser gets far with; in a stored entry they land on the
XML itself, and minizip checks the CRC only after the entry has been read,
so the mutated XML is parsed.  The corpus sample is deterministic (every
k-th small file by name) so two runs fuzz from the same seeds.
"""
import argparse, hashlib, io, os, shutil, sys, zipfile


def stored_copy(data):
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, src.read(info.filename))
        return out.getvalue()
    except Exception:
        return None


def parts_seed(data):
    """The XML parts fuzz_reader packs itself, NUL-separated: the first
    worksheet, sharedStrings, styles, workbook, theme."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        sheets = sorted(n for n in names
                        if n.startswith("xl/worksheets/sheet"))
        want = [sheets[0] if sheets else None, "xl/sharedStrings.xml",
                "xl/styles.xml", "xl/workbook.xml", "xl/theme/theme1.xml"]
        pieces = [z.read(n) if n in names else b"" for n in want]
        while pieces and not pieces[-1]:
            pieces.pop()
        return b"\0".join(pieces)
    except Exception:
        return None


def put(out_dir, data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--fixtures")
    ap.add_argument("--corpus")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--max-size", type=int, default=48 * 1024)
    ap.add_argument("--extra", action="append", default=[])
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    files = []
    if args.fixtures and os.path.isdir(args.fixtures):
        files += [os.path.join(args.fixtures, n)
                  for n in sorted(os.listdir(args.fixtures))
                  if n.endswith(".xlsx")]
    if args.corpus and os.path.isdir(args.corpus):
        small = [os.path.join(args.corpus, n)
                 for n in sorted(os.listdir(args.corpus))
                 if os.path.getsize(os.path.join(args.corpus, n))
                 <= args.max_size]
        if small and args.sample > 0:
            step = max(1, len(small) // args.sample)
            files += small[::step][:args.sample]
    count = 0
    for path in files:
        data = open(path, "rb").read()
        put(args.out, data)
        count += 1
        stored = stored_copy(data)
        if stored and len(stored) <= 4 * args.max_size:
            put(args.out, stored)
            count += 1
        parts = parts_seed(data)
        if parts and len(parts) <= 4 * args.max_size:
            put(args.out, parts)
            count += 1
    for d in args.extra:
        if os.path.isdir(d):
            for n in sorted(os.listdir(d)):
                p = os.path.join(d, n)
                # Not the scripts that make them (make_crafted.py), nor
                # what libFuzzer would cut at -max_len anyway.
                if (os.path.isfile(p) and not n.endswith(".py") and
                        os.path.getsize(p) <= 4 * args.max_size):
                    put(args.out, open(p, "rb").read())
                    count += 1
    print(f"make_seeds: {count} seeds in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
