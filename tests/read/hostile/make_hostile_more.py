#!/usr/bin/python3
"""Writes the second set of hostile inputs, read by the plancon CLI under
time and memory bounds in tests/read/hostile_bounds_test.cpp: truncations
of real fixtures at many offsets, files with flipped bytes (seeded, so the
output is the same every run), an ODS row/column repeat bomb, a zip part
whose header lies about its size, parts of millions of empty elements (a
DOM bomb), thousands of full-width merged rows, CSV with unterminated quotes and NUL bytes. (make_hostile.py, beside this, writes the first set.)

Password-protected files are not made here: the test takes the corpus's
pass_protected.* from PLANCON_CORPUS_DIR.

usage: make_hostile_more.py [OUT_DIR]   (default: more/ beside this script)"""
import io
import os
import random
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
# Real files whose truncations and flips we write; a missing one (the .ods
# fixture comes with the ODS reader) is skipped.
REAL_FILES = ["xlsx_features_recalculated.xlsx", "ods_features.ods"]
TRUNCATIONS = 40
FLIPS = 20


def entry(name, compress=zipfile.ZIP_DEFLATED):
    """A zip entry with a fixed date, so the output is the same every run."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = compress
    return info


def truncation_offsets(size):
    """TRUNCATIONS offsets: evenly spread, plus the last few bytes, where the
    zip's central directory and end record are."""
    spread = [size * i // (TRUNCATIONS - 8) for i in range(TRUNCATIONS - 8)]
    tail = [size - k for k in (1, 2, 10, 22, 23, 46, 100, 200)]
    return sorted(set(o for o in spread + tail if 0 <= o < size))


def write_truncations(out, name, data):
    stem, ext = os.path.splitext(name)
    for offset in truncation_offsets(len(data)):
        with open(os.path.join(out, f"truncated_{stem}_at_{offset:05d}{ext}"), "wb") as f:
            f.write(data[:offset])


def write_raw_flips(out, name, data, rng):
    """Flip bytes of the file as stored: most land in deflated data (a CRC or
    inflate error), some in zip headers."""
    stem, ext = os.path.splitext(name)
    for i in range(FLIPS):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutated[rng.randrange(len(mutated))] ^= 1 << rng.randrange(8)
        with open(os.path.join(out, f"flipped_{stem}_{i:02d}{ext}"), "wb") as f:
            f.write(mutated)


def write_part_flips(out, name, data, rng):
    """Flip bytes inside one uncompressed XML part and zip it again, so the
    container is sound and the damage reaches the XML reader."""
    stem, ext = os.path.splitext(name)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    xml_parts = [i for i, (info, _) in enumerate(parts) if info.filename.endswith(".xml")]
    for i in range(FLIPS):
        target = rng.choice(xml_parts)
        with zipfile.ZipFile(os.path.join(out, f"flipped_part_{stem}_{i:02d}{ext}"), "w") as z:
            for j, (info, content) in enumerate(parts):
                if j == target and content:
                    mutated = bytearray(content)
                    for _ in range(rng.randint(1, 4)):
                        mutated[rng.randrange(len(mutated))] ^= 1 << rng.randrange(8)
                    content = bytes(mutated)
                # mimetype must stay first and stored for an .ods to be one.
                compress = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
                z.writestr(entry(info.filename, compress), content)


ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')


def ods_content(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            '<office:body><office:spreadsheet><table:table table:name="Plan">' + rows +
            '</table:table></office:spreadsheet></office:body></office:document-content>')


def write_ods(path, content):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(entry("mimetype", zipfile.ZIP_STORED), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(entry("META-INF/manifest.xml"), ODS_MANIFEST)
        z.writestr(entry("content.xml"), content)


def write_ods_repeat_bombs(out):
    cell = '<table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell>'
    bomb_cell = ('<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
                 '<text:p>Action</text:p></table:table-cell>')
    # 16384 x 1048576 copies of a non-empty cell: 17 billion cells.
    write_ods(os.path.join(out, "ods_repeat_bomb_full_sheet.ods"), ods_content(
        '<table:table-row table:number-rows-repeated="1048576">' + bomb_cell + '</table:table-row>'))
    # Repeats far beyond the sheet's edge, and a count too long for any integer.
    write_ods(os.path.join(out, "ods_repeat_beyond_sheet.ods"), ods_content(
        '<table:table-row table:number-rows-repeated="4294967297">'
        '<table:table-cell table:number-columns-repeated="99999999999999999999999" office:value-type="string">'
        '<text:p>Action</text:p></table:table-cell></table:table-row>'))
    # Many rows, each repeated a little: the product is what is large.
    rows = ('<table:table-row table:number-rows-repeated="1000">'
            '<table:table-cell table:number-columns-repeated="1000" office:value-type="string">'
            '<text:p>x</text:p></table:table-cell></table:table-row>') * 100
    write_ods(os.path.join(out, "ods_repeat_bomb_many_rows.ods"), ods_content(rows))
    # Empty repeated cells cost nothing, however many (then one real cell).
    write_ods(os.path.join(out, "ods_repeat_empty_then_cell.ods"), ods_content(
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        '<table:table-row>' + cell + '</table:table-row>'))


def patch_declared_size(data, part, declared):
    """Make the zip's local and central headers claim `declared` uncompressed
    bytes for `part`. libzip trusts neither, but a reader might."""
    data = bytearray(data)
    name = part.encode()
    # (signature, offset of the name length, of the name, of the size)
    for signature, name_len_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        pos = 0
        while True:
            pos = data.find(signature, pos)
            if pos < 0:
                break
            name_len = struct.unpack_from("<H", data, pos + name_len_at)[0]
            if data[pos + name_at:pos + name_at + name_len] == name:
                struct.pack_into("<I", data, pos + size_at, declared)
            pos += 4
    return bytes(data)


def write_zip_bombs(out):
    sys.path.insert(0, HERE)
    import make_hostile
    # 1.1 GiB of spaces inside sheetData: past the default 1 GiB budget.
    head, tail = make_hostile.sheet("\0").split("\0")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in make_hostile.package().items():
            if name != "xl/worksheets/sheet1.xml":
                z.writestr(entry(name), data)
        with z.open(entry("xl/worksheets/sheet1.xml"), "w", force_zip64=True) as part:
            part.write(head.encode())
            block = b" " * (1 << 20)
            for _ in range(1100):
                part.write(block)
            part.write(tail.encode())
    with open(os.path.join(out, "zip_bomb_1100MiB_part.xlsx"), "wb") as f:
        f.write(buf.getvalue())
    # 200 MiB that says it is 1000 bytes.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in make_hostile.package().items():
            if name != "xl/worksheets/sheet1.xml":
                z.writestr(entry(name), data)
        z.writestr(entry("xl/worksheets/sheet1.xml"), head + " " * (200 << 20) + tail)
    with open(os.path.join(out, "zip_bomb_lying_size.xlsx"), "wb") as f:
        f.write(patch_declared_size(buf.getvalue(), "xl/worksheets/sheet1.xml", 1000))


def write_csv(out):
    cases = {
        "csv_unterminated_quote_first_field.csv": b'"Action,Lead,Due\nReview,CMT,June 2019\n',
        "csv_unterminated_quote_last_line.csv": b'Action,Lead,Due\nReview,CMT,"June 2019\n',
        # 900 KiB in one open quoted field.
        "csv_unterminated_quote_big.csv": b'Action,Lead\n"' + b"never closed, " * (64 << 10),
        "csv_quote_in_unquoted_field.csv": b'Action,Lead\nRe"view,CM"T\n"a""b",c\n',
        "csv_nul_in_fields.csv": b'Action,Lead\nRe\0view,CMT\n\0,\0\n',
        "csv_all_nul.csv": b"\0" * 4096,
        "csv_nul_inside_quotes.csv": b'Action,Lead\n"Re\0view",CMT\n',
        "csv_nul_utf16_lookalike.csv": b"A\0c\0t\0i\0o\0n\0,\0L\0e\0a\0d\0\n\0",
        # Many delimiters on one line: 300000 empty columns, far past the sheet edge.
        "csv_300000_columns.csv": b"Action" + b"," * 300_000 + b"x\n",
        "csv_lone_cr_and_quotes.csv": b'"a\r"b"\r\r"' + b"\r" * 1000,
    }
    for name, data in cases.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


def write_tree_bombs(out):
    """Parts of a few KB that inflate to 32 MiB of empty elements. Read into
    a DOM, each element costs 64 bytes: half a gigabyte from 32 KB."""
    sys.path.insert(0, HERE)
    import make_hostile

    def write_xlsx(name, parts):
        with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
            for part, data in parts.items():
                z.writestr(entry(part), data)

    empties = "<a/>" * (8 * 1024 * 1024)
    write_ods(os.path.join(out, "ods_empty_elements_in_body.ods"),
              ods_content('<table:table-row><table:table-cell office:value-type="string"><text:p>Action</text:p>'
                          '</table:table-cell></table:table-row>').replace("<office:body>", "<office:body>" + empties))
    write_ods(os.path.join(out, "ods_empty_elements_in_a_cell.ods"),
              ods_content('<table:table-row><table:table-cell office:value-type="string"><text:p>Act' + empties +
                          'ion</text:p></table:table-cell></table:table-row>'))
    write_xlsx("xlsx_empty_elements_in_workbook.xlsx", make_hostile.package(
        {"xl/workbook.xml": make_hostile.WORKBOOK.replace("</workbook>", empties + "</workbook>")}))
    write_xlsx("xlsx_empty_elements_in_relationships.xlsx", make_hostile.package(
        {"xl/_rels/workbook.xml.rels": make_hostile.WORKBOOK_RELS.replace("</Relationships>", empties + "</Relationships>")}))


def write_merge_bomb(out):
    """A row of 16,384 cells under 20,000 full-width merged rows: 140 KB. The
    layout once listed every merge crossing a column, per column: 330 million
    entries."""
    sys.path.insert(0, HERE)
    import make_hostile

    # Cells without r="..." take the next column, as Excel reads them.
    cells = "".join(f'<c><v>{i}</v></c>' for i in range(16384))
    merges = "".join(f'<mergeCell ref="A{r}:XFD{r}"/>' for r in range(2, 20002))
    sheet = make_hostile.sheet(f'<row r="1">{cells}</row>').replace(
        "</sheetData>", f'</sheetData><mergeCells count="20000">{merges}</mergeCells>')
    with zipfile.ZipFile(os.path.join(out, "merged_rows_under_a_full_row.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in make_hostile.package({"xl/worksheets/sheet1.xml": sheet}).items():
            z.writestr(entry(part), data)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "more")
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        os.remove(os.path.join(out, name))
    rng = random.Random(7)
    for name in REAL_FILES:
        path = os.path.join(FIXTURES, name)
        if not os.path.exists(path):
            print(f"make_hostile_more.py: {name} not there, skipped", file=sys.stderr)
            continue
        data = open(path, "rb").read()
        write_truncations(out, name, data)
        write_raw_flips(out, name, data, rng)
        write_part_flips(out, name, data, rng)
    write_ods_repeat_bombs(out)
    write_zip_bombs(out)
    write_tree_bombs(out)
    write_merge_bomb(out)
    write_csv(out)


if __name__ == "__main__":
    main()
