"""Peer for `ragbook validate` over many files: what an analyst would write
otherwise -- open each workbook with openpyxl and read every cell.  No rule
is checked, so this is a lower bound on the cost of a Python validator.

    python3 openpyxl_many.py FILE...
"""
import sys

import openpyxl

n = 0
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if value is not None:
                    n += 1
    wb.close()
print(f"{len(sys.argv) - 1} workbooks, {n} values")
