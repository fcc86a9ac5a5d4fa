"""Peer: openpyxl in read-only mode, reading every cell value of every sheet.

    python3 openpyxl_read.py FILE.xlsx
"""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for value in row:
            if value is not None:
                n += 1
wb.close()
print(n)
