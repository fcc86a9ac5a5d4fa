"""Peer: openpyxl in its normal (not read-only) mode, every cell value.

    python3 openpyxl_full.py FILE.xlsx
"""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += sum(1 for v in row if v is not None)
print(n)
