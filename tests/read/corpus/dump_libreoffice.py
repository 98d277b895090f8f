#!/usr/bin/python3
"""Reference dumps of .ods/.xls files made by LibreOffice (Python UNO), in the
corpus dump format of tests/read/corpus (see /work/notes/corpus.md):

    #sheet<TAB>NAME<TAB>visible|hidden
    A1<TAB>TYPE<TAB>VALUE

Usage: dump_libreoffice.py OUT_DIR FILE...   (writes OUT_DIR/BASENAME.tsv)
       dump_libreoffice.py - FILE            (one dump to stdout)

Starts its own headless soffice with a private profile and a private pipe, so
it does not disturb (or get disturbed by) another LibreOffice running on the
machine. Needs python3-uno (scripts/install-deps, test list).
LibreOffice has no "very hidden" sheets in its API: they come out as hidden.
"""
import datetime
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

# com.sun.star.util.NumberFormat
NF_DATE, NF_TIME, NF_LOGICAL = 2, 4, 1024
# com.sun.star.table.CellContentType
CT_EMPTY, CT_VALUE, CT_TEXT, CT_FORMULA = "EMPTY", "VALUE", "TEXT", "FORMULA"
# com.sun.star.sheet.FormulaResult
FR_VALUE, FR_STRING, FR_ERROR = 1, 2, 4
# com.sun.star.sheet.CellFlags: VALUE | DATETIME | STRING | FORMULA
CONTENT_FLAGS = 1 | 2 | 4 | 16


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def escape(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def column_name(col):
    s = ""
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def iso(days_since_1899, time_only):
    """Same rule as plancon's serial_to_iso: a whole number is a date, below 1
    a time alone, otherwise both; milliseconds only when non-zero."""
    whole = math.floor(days_since_1899)
    ms = round((days_since_1899 - whole) * 86400000)
    if ms >= 86400000:
        ms -= 86400000
        whole += 1
    s, milli = divmod(ms, 1000)
    hms = "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60) + (".%03d" % milli if milli else "")
    if time_only or 0 <= days_since_1899 < 1:
        return hms
    date = datetime.date(1899, 12, 30) + datetime.timedelta(days=whole)
    return date.isoformat() + ("T" + hms if ms else "")


class Office:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="lo-dump-")
        self.pipe = "plancon_dump_%d" % os.getpid()
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
             "-env:UserInstallation=file://" + self.profile,
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except NoConnectException:
                time.sleep(0.5)
        else:
            raise RuntimeError("soffice did not start")
        self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def dump(self, path, timeout=60):
        # A hostile file can make soffice spin or die; the watchdog turns that into an error.
        watchdog = threading.Timer(timeout, self.proc.kill)
        watchdog.start()
        try:
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
            if doc is None:
                raise RuntimeError("LibreOffice could not load it")
            try:
                return dump_document(doc)
            finally:
                doc.close(True)
        finally:
            watchdog.cancel()


def dump_document(doc):
    null = doc.NullDate
    offset = (datetime.date(null.Year, null.Month, null.Day) - datetime.date(1899, 12, 30)).days
    formats = doc.NumberFormats
    lines = []
    sheets = doc.Sheets
    for i in range(sheets.Count):
        sheet = sheets.getByIndex(i)
        lines.append("#sheet\t%s\t%s" % (sheet.Name, "visible" if sheet.IsVisible else "hidden"))
        cells = []
        ranges = sheet.queryContentCells(CONTENT_FLAGS)
        enum = ranges.Cells.createEnumeration()
        while enum.hasMoreElements():
            cell = enum.nextElement()
            addr = cell.CellAddress
            cells.append((addr.Row, addr.Column, cell))
        cells.sort(key=lambda c: (c[0], c[1]))
        for row, col, cell in cells:
            typed = cell_value(cell, formats, offset)
            if typed is None:
                continue
            lines.append("%s%d\t%s\t%s" % (column_name(col), row + 1, typed[0], escape(typed[1])))
    return "\n".join(lines) + "\n"


def cell_value(cell, formats, offset):
    kind = cell.Type.value
    if kind == CT_EMPTY:
        return None
    if kind == CT_FORMULA:
        result = cell.FormulaResultType2
        if result == FR_ERROR or cell.getError() != 0:
            return ("e", cell.String)
        if result == FR_STRING:
            return ("s", cell.String) if cell.String != "" else None
        kind = CT_VALUE
    if kind == CT_TEXT:
        return ("s", cell.String) if cell.String != "" else None
    value = cell.Value
    try:
        nf_type = formats.getByKey(cell.NumberFormat).Type
    except Exception:
        nf_type = 0
    if nf_type & NF_LOGICAL:
        return ("b", "TRUE" if value != 0 else "FALSE")
    if nf_type & (NF_DATE | NF_TIME):
        time_only = not (nf_type & NF_DATE) and 0 <= value < 1
        return ("d", iso(value + offset, time_only))
    return ("n", repr(float(value)))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out_dir, files = argv[1], argv[2:]
    office = Office()
    status = 0
    try:
        for path in files:
            try:
                text = office.dump(path)
            except Exception as e:  # one unreadable file must not stop the others
                sys.stderr.write("%s: %s\n" % (path, e))
                status = 1
                office.close()  # the bridge may be gone with it: start afresh
                office = Office()
                continue
            if out_dir == "-":
                sys.stdout.write(text)
            else:
                with open(os.path.join(out_dir, os.path.basename(path) + ".tsv"), "w", encoding="utf-8") as f:
                    f.write(text)
    finally:
        office.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
