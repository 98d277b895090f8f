#!/usr/bin/python3
"""Writes the hostile and broken .xlsx inputs that tests/read/hostile_test.cpp
reads. Each file is named for what is wrong with it. Built with Python's
zipfile from a minimal valid package, so every file differs from a good one
in exactly one way.

usage: make_hostile.py [OUT_DIR]   (default: this script's folder)"""
import os
import sys
import zipfile

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                 '</Relationships>')
SST = ('<?xml version="1.0" encoding="UTF-8"?>'
       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
       '<si><t>Action</t></si></sst>')


def sheet(cells):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData>' + cells + '</sheetData></worksheet>')


GOOD_SHEET = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>')


def package(overrides=None):
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/sharedStrings.xml": SST,
        "xl/worksheets/sheet1.xml": GOOD_SHEET,
    }
    for name, data in (overrides or {}).items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    return parts


def write(out_dir, name, parts):
    with zipfile.ZipFile(os.path.join(out_dir, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    write(out, "good_minimal.xlsx", package())
    write(out, "missing_workbook_part.xlsx", package({"xl/workbook.xml": None}))
    write(out, "missing_sheet_part.xlsx", package({"xl/worksheets/sheet1.xml": None}))
    write(out, "malformed_sheet_xml.xlsx", package({"xl/worksheets/sheet1.xml": GOOD_SHEET[:-40] + "<row><c"}))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i else "&lol;") * 10) for i in range(9))
              + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol8;</t></si></sst>')
    write(out, "billion_laughs_dtd.xlsx", package({"xl/sharedStrings.xml": laughs}))
    write(out, "absurd_cell_reference.xlsx", package({"xl/worksheets/sheet1.xml": sheet(
        '<row r="1"><c r="ZZZZZZ99999999999"><v>1</v></c></row>')}))
    write(out, "far_cell_reference.xlsx", package({"xl/worksheets/sheet1.xml": sheet(
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')}))
    write(out, "shared_string_index_beyond_table.xlsx", package({"xl/worksheets/sheet1.xml": sheet(
        '<row r="1"><c r="A1" t="s"><v>7</v></c></row>')}))
    deep = "<x>" * 100000 + "</x>" * 100000
    write(out, "deep_nesting.xlsx", package({"xl/worksheets/sheet1.xml": sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row>').replace("<sheetData>", "<sheetData>" + deep)}))
    # A part that inflates to 64 MiB from a few kilobytes: refused under a
    # small --max-bytes, read under the default.
    bomb = sheet('<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (64 << 20))
    write(out, "zip_bomb_64MiB_part.xlsx", package({"xl/worksheets/sheet1.xml": bomb}))
    with open(os.path.join(out, "good_minimal.xlsx"), "rb") as f:
        good = f.read()
    with open(os.path.join(out, "truncated_zip.xlsx"), "wb") as f:
        f.write(good[: len(good) // 2])
    with open(os.path.join(out, "not_a_zip.xlsx"), "wb") as f:
        f.write(bytes(range(256)) * 4)


if __name__ == "__main__":
    main()
