#!/usr/bin/python3
"""Dumps an .xlsx as openpyxl (an independent reader) sees it, one fact a line,
tab-separated, for tests/write/workbook_test.cpp:
  sheet NAME | cell SHEET REF TYPE VALUE | freeze SHEET REF | autofilter SHEET REF
  validation SHEET SQREF FORMULA | conditional SHEET RANGE FORMULA | part NAME | created VALUE
TYPE is date, number or string; VALUE has \\, tab and newline escaped."""
import datetime
import re
import sys
import zipfile

import openpyxl


def esc(value):
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main(path):
    out = []
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        out.append(["sheet", ws.title])
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if v is None:
                    continue
                if isinstance(v, (datetime.datetime, datetime.date)):
                    kind, v = "date", v.strftime("%Y-%m-%d")
                elif isinstance(v, (int, float)):
                    kind = "number"
                    v = repr(float(v))
                else:
                    kind = "string"
                out.append(["cell", ws.title, cell.coordinate, kind, esc(v)])
        if ws.freeze_panes:
            out.append(["freeze", ws.title, ws.freeze_panes])
        if ws.auto_filter.ref:
            out.append(["autofilter", ws.title, ws.auto_filter.ref])
        for dv in ws.data_validations.dataValidation:
            out.append(["validation", ws.title, str(dv.sqref), esc(dv.formula1)])
        for rng in ws.conditional_formatting:
            for rule in rng.rules:
                out.append(["conditional", ws.title, str(rng.sqref), esc(";".join(rule.formula or []))])
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            out.append(["part", name])
        core = z.read("docProps/core.xml").decode()
        m = re.search(r"<dcterms:created[^>]*>([^<]*)<", core)
        out.append(["created", m.group(1) if m else ""])
    sys.stdout.write("".join("\t".join(fields) + "\n" for fields in out))


if __name__ == "__main__":
    main(sys.argv[1])
