"""Peer for `ragbook copy`: openpyxl load_workbook + save (values, formulas,
styles, merged ranges kept), the way a Python user re-writes a workbook.

    python3 openpyxl_copy.py IN.xlsx OUT.xlsx
"""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
wb.save(sys.argv[2])
