#!/usr/bin/python3
"""Reference dumps of .xlsx/.xlsm files made with openpyxl, an independent
reader, for tests/read/corpus_test.cpp. Format: tests/read/corpus/README.md.

usage: dump_openpyxl.py OUT_DIR FILE...   (writes OUT_DIR/<file name>.tsv)
A file openpyxl cannot read gets no dump; the reason is printed."""
import datetime
import io
import os
import sys
import warnings
import zipfile

import openpyxl

warnings.simplefilter("ignore")


def escape(text):
    return (text.replace("\\", "\\\\").replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def hms(seconds, micro):
    out = "%02d:%02d:%02d" % (seconds // 3600, seconds // 60 % 60, seconds % 60)
    ms = round(micro / 1000)
    return out + (".%03d" % ms if ms else "")


def typed(value):
    if isinstance(value, bool):
        return "b", "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return "n", repr(value)
    if isinstance(value, datetime.datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return "d", value.date().isoformat()
        secs = value.hour * 3600 + value.minute * 60 + value.second
        return "d", value.date().isoformat() + "T" + hms(secs, value.microsecond)
    if isinstance(value, datetime.date):
        return "d", value.isoformat()
    if isinstance(value, datetime.time):
        return "d", hms(value.hour * 3600 + value.minute * 60 + value.second, value.microsecond)
    if isinstance(value, datetime.timedelta):
        # An elapsed-time format ([h]:mm:ss): report it as the serial it came from.
        return "n", repr(value.total_seconds() / 86400)
    return "s", escape(str(value))


def open_package(path):
    """openpyxl cannot open a zip whose entry names use Windows separators
    (calamine issue 530); repack the same entries under '/' names."""
    with zipfile.ZipFile(path) as z:
        if not any("\\" in n for n in z.namelist()):
            return path
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as out:
            for info in z.infolist():
                out.writestr(info.filename.replace("\\", "/"), z.read(info))
        return buf


def dump(path):
    wb = openpyxl.load_workbook(open_package(path), data_only=True)
    lines = []
    for name in wb.sheetnames:
        ws = wb[name]
        state = {"visible": "visible", "hidden": "hidden", "veryHidden": "veryhidden"}[ws.sheet_state]
        lines.append("#sheet\t%s\t%s" % (escape(name), state))
        if not hasattr(ws, "iter_rows"):
            continue  # a chart sheet
        # Only the cells that exist: iter_rows() would fill the whole
        # dimension, which a hostile file sets to a million rows.
        for (_, _), cell in sorted(ws._cells.items()):
                value = cell.value
                if value is None or value == "":
                    continue
                if cell.data_type == "e":
                    lines.append("%s\te\t%s" % (cell.coordinate, escape(str(value))))
                    continue
                kind, text = typed(value)
                lines.append("%s\t%s\t%s" % (cell.coordinate, kind, text))
    return "\n".join(lines) + "\n"


def main():
    out_dir = sys.argv[1]
    for path in sys.argv[2:]:
        try:
            text = dump(path)
        except Exception as e:  # the reason goes to the expectations file
            print("%s: openpyxl cannot read it: %s: %s" % (os.path.basename(path), type(e).__name__, e))
            continue
        with open(os.path.join(out_dir, os.path.basename(path) + ".tsv"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
