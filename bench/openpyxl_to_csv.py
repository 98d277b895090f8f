#!/usr/bin/python3
"""The first sheet of an .xlsx as CSV, with openpyxl in read-only mode (the
streaming reader): the pure-Python peer in bench/convert_bench.sh.

usage: openpyxl_to_csv.py IN.xlsx OUT.csv"""

import csv
import sys

import openpyxl


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
    ws = wb.worksheets[0]
    with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for row in ws.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v for v in row])
    wb.close()


if __name__ == "__main__":
    main()
