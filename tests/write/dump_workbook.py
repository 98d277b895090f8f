#!/usr/bin/python3
"""Dumps an .xlsx as openpyxl (an independent reader) sees it, one fact a line,
tab-separated, for tests/write/workbook_test.cpp:
  sheet NAME | cell SHEET REF TYPE VALUE | freeze SHEET REF | autofilter SHEET REF
  validation SHEET SQREF FORMULA | conditional SHEET RANGE FORMULA | part NAME | created VALUE
  format SHEET REF NUMBER_FORMAT (cells not General) | link SHEET REF LOCATION
  width SHEET COLUMN WIDTH | height SHEET ROW HEIGHT (rows given one)
  page SHEET ORIENTATION PAPER FIT_TO_PAGE FIT_WIDTH FIT_HEIGHT | titles SHEET ROWS | area SHEET RANGE
  header SHEET TEXT | footer SHEET TEXT | breaks SHEET ROW...
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
                if cell.number_format != "General":
                    out.append(["format", ws.title, cell.coordinate, esc(cell.number_format)])
                if cell.hyperlink is not None:
                    out.append(["link", ws.title, cell.coordinate, esc(cell.hyperlink.location or cell.hyperlink.target)])
        for letter, dim in sorted(ws.column_dimensions.items()):
            if dim.width:
                out.append(["width", ws.title, letter, repr(float(dim.width))])
        for number, dim in sorted(ws.row_dimensions.items()):
            if dim.height:
                out.append(["height", ws.title, str(number), repr(float(dim.height))])
        ps = ws.page_setup
        # fitToWidth and fitToHeight absent mean 1 (ECMA-376 18.3.1.63).
        out.append(["page", ws.title, str(ps.orientation), str(ps.paperSize), str(ws.sheet_properties.pageSetUpPr.fitToPage),
                    str(1 if ps.fitToWidth is None else ps.fitToWidth), str(1 if ps.fitToHeight is None else ps.fitToHeight)])
        if ws.print_title_rows:
            out.append(["titles", ws.title, ws.print_title_rows])
        if ws.print_area:
            out.append(["area", ws.title, ",".join(ws.print_area) if isinstance(ws.print_area, list) else ws.print_area])
        out.append(["header", ws.title, esc(ws.oddHeader.left.text or ""), esc(ws.oddHeader.center.text or ""),
                    esc(ws.oddHeader.right.text or "")])
        out.append(["footer", ws.title, esc(ws.oddFooter.left.text or ""), esc(ws.oddFooter.center.text or ""),
                    esc(ws.oddFooter.right.text or "")])
        if ws.row_breaks.brk:
            out.append(["breaks", ws.title] + [str(b.id) for b in ws.row_breaks.brk])
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
