#!/usr/bin/env python3
"""The peer a performance officer would script: pandas + openpyxl.

  pandas_consolidate.py OUT.xlsx TRACKER...

Reads every sheet of every tracker as raw rows (no header guessing), concatenates
them, drops exact duplicate rows, and writes one .xlsx. It does far less than plancon
(no layout recognition, no normalising, no fuzzy reconciliation, no provenance), so it
is a floor for the time a consolidation should take, not a like-for-like peer.
"""
import sys

import pandas as pd


def main():
    out, files = sys.argv[1], sys.argv[2:]
    frames = []
    for f in files:
        for name, frame in pd.read_excel(f, sheet_name=None, header=None, engine="openpyxl").items():
            frame.insert(0, "sheet", name)
            frame.insert(0, "file", f)
            frames.append(frame)
    table = pd.concat(frames, ignore_index=True)
    table = table.drop_duplicates(subset=[c for c in table.columns if c not in ("file", "sheet")])
    table.to_excel(out, index=False, engine="openpyxl")
    print(len(table), "rows", file=sys.stderr)


if __name__ == "__main__":
    main()
