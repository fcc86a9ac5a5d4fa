#!/usr/bin/env python3
"""Render the generated sheets of ragbook's outputs to PNG, to look at them
as a committee member would (issue 14).

    tests/tools/render_summary.py [--ragbook PATH] [--out DIR]
                                  [--sheet Summary] [--as-of DATE]
                                  [FILE.xlsx ...]

Each FILE is converted with `ragbook convert` (a file whose name ends
"-report.xlsx" or that already has the sheet is rendered as it is), then
every sheet but the one asked for is hidden in a copy (LibreOffice prints
only visible sheets), the copy goes through `soffice --headless
--convert-to pdf` and each page through `pdftoppm -png`: DIR/<name>-N.png.
With no FILE: every fixture ($RAG_SHARED_DIR/fixtures, else ../shared)
and every sample (samples/*.xlsx), plus the validation report over the
fixtures (`ragbook validate --report`), sheet Files.

Needs LibreOffice (soffice) and poppler-utils (pdftoppm), both in dev.sh.
The page setup is the workbook's own: what prints is what you see.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile


def hide_others(src, dst, keep):
    """Copy src to dst with every sheet but `keep` hidden and `keep` the
    active one; False when there is no such sheet."""
    with zipfile.ZipFile(src) as z:
        book = z.read("xl/workbook.xml").decode("utf-8")
        names = re.findall(r'<sheet [^>]*name="([^"]*)"', book)
        if keep not in names:
            return False
        index = names.index(keep)

        def one(m):
            tag = m.group(0)
            tag = re.sub(r' state="[^"]*"', "", tag)
            if 'name="%s"' % keep in tag:
                return tag
            return tag.replace("<sheet ", '<sheet state="hidden" ', 1)
        book = re.sub(r"<sheet [^>]*/>", one, book)
        book = re.sub(r' activeTab="\d+"', "", book)
        # the sheet shown must be a visible one, or LibreOffice prints it
        book = book.replace("<workbookView ",
                            '<workbookView activeTab="%d" ' % index, 1)
        book = re.sub(r'firstSheet="\d+"', "", book)
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for item in z.infolist():
                data = z.read(item.filename)
                if item.filename == "xl/workbook.xml":
                    data = book.encode("utf-8")
                elif item.filename.startswith("xl/worksheets/sheet"):
                    # tabSelected on a hidden sheet makes LibreOffice show it
                    data = re.sub(rb' tabSelected="1"', b"", data)
                out.writestr(item, data)
    return True


def render(jobs, outdir, tmp):
    """jobs: (xlsx, sheet, name); one soffice run for them all (it starts
    slowly), then pdftoppm per page.  Returns the PNGs written."""
    copies = []
    for xlsx, sheet, name in jobs:
        only = os.path.join(tmp, name + ".xlsx")
        if hide_others(xlsx, only, sheet):
            copies.append((only, name))
        else:
            print("%s: no sheet %r" % (xlsx, sheet), file=sys.stderr)
    if not copies:
        return []
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf",
                    "--outdir", tmp] + [c for c, _ in copies], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    def pages(name):  # name-1.png, name-2.png; not name-other-1.png
        return sorted(p for p in glob.glob(os.path.join(outdir,
                                                        name + "-*.png"))
                      if re.fullmatch(re.escape(name) + r"-\d+\.png",
                                      os.path.basename(p)))
    for _, name in copies:
        for old in pages(name):
            os.remove(old)
    pngs = []
    for _, name in copies:
        subprocess.run(["pdftoppm", "-png", "-r", "90",
                        os.path.join(tmp, name + ".pdf"),
                        os.path.join(outdir, name)], check=True)
        pngs += pages(name)
    return pngs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--ragbook", default=os.path.join(root, "build",
                                                      "ragbook"))
    ap.add_argument("--out", default=os.path.join(root, "build", "renders"))
    ap.add_argument("--sheet", default="Summary")
    ap.add_argument("--as-of")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    if not shutil.which("soffice") or not shutil.which("pdftoppm"):
        print("needs soffice (LibreOffice) and pdftoppm (poppler-utils)",
              file=sys.stderr)
        return 2
    os.makedirs(a.out, exist_ok=True)
    shared = os.environ.get("RAG_SHARED_DIR",
                            os.path.join(root, "..", "shared"))
    files = a.files or (sorted(glob.glob(os.path.join(shared, "fixtures",
                                                      "*.xlsx"))) +
                        sorted(glob.glob(os.path.join(root, "samples",
                                                      "*.xlsx"))))
    report = not a.files
    with tempfile.TemporaryDirectory() as tmp:
        # LibreOffice wants a profile of its own when others run it too
        os.environ["HOME"] = tmp
        jobs = []
        for f in files:
            name = os.path.basename(f)[:-5]
            src = f
            with zipfile.ZipFile(f) as z:
                has = ('name="%s"' % a.sheet).encode() in z.read(
                    "xl/workbook.xml")
            if not has:
                src = os.path.join(tmp, name + ".converted.xlsx")
                args = [a.ragbook, "convert", f, "-o", src]
                if a.as_of:
                    args += ["--as-of", a.as_of]
                p = subprocess.run(args, stderr=subprocess.PIPE)
                if p.returncode != 0:
                    print("%s: convert failed: %s" % (f, p.stderr.decode()),
                          file=sys.stderr)
                    continue
            jobs.append((src, a.sheet, name))
        if report:
            out = os.path.join(tmp, "report.xlsx")
            subprocess.run([a.ragbook, "validate", "--report", out] +
                           sorted(glob.glob(os.path.join(shared, "fixtures",
                                                         "*.xlsx"))),
                           stdout=subprocess.DEVNULL)
            if os.path.exists(out):
                jobs += [(out, "Files", "validation-report-files"),
                         (out, "Findings", "validation-report-findings")]
        for png in render(jobs, a.out, tmp):
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
