#!/usr/bin/python3
"""Writes a large tracker-like .xlsx for the conversion benchmark, with
openpyxl in write-only mode (streamed, so memory stays flat).

Half the columns are text (tracker words: leads, statuses, action titles),
half numbers (integers, percentages, money). A seeded RNG makes the file's
content the same on every run, so timings are comparable between machines.

openpyxl writes text as inline strings and the sheet's relationship target
as an absolute path; Excel writes a shared-strings table and relative
targets, and that is what readers meet in practice (orcus 0.17 reads neither
openpyxl habit). So the package is then rewritten the way Excel lays it out,
unless --as-openpyxl-wrote is given.

usage: make_big_workbook.py OUT.xlsx [--rows 50000] [--cols 20] [--seed 2019] [--as-openpyxl-wrote]"""

import argparse
import os
import random
import re
import zipfile

import openpyxl

LEADS = ["CMT", "C&F", "DCC", "ICS Strategy and Performance Team", "JMG/COG", "CPC", "GIG", "DHSCP",
         "Learning & Organisational Development", "Children & Families Management Team", "CSWO"]
STATUSES = ["Not started", "On track", "Slippage", "Overdue", "Complete", "Cancelled", "Red", "Amber", "Green"]
WORDS = ["review", "budget", "planning", "staff", "survey", "annual", "improvement", "action", "partnership",
         "outcomes", "quarterly", "report", "scrutiny", "committee", "integrated", "approach", "three-year",
         "children", "services", "inspection", "framework", "self-assessment", "benchmarking", "pentana"]


def text_value(rng, column):
    kind = column % 3
    if kind == 0:
        return rng.choice(LEADS)
    if kind == 1:
        return rng.choice(STATUSES)
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))).capitalize()


def number_value(rng, column):
    kind = column % 3
    if kind == 0:
        return rng.randint(0, 1_000_000)
    if kind == 1:
        return round(rng.random(), 4)
    return round(rng.uniform(-50_000, 250_000), 2)


INLINE_STRING = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S)
SST_CONTENT_TYPE = b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
SST_RELATIONSHIP = (b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"'
                    b' Target="sharedStrings.xml" Id="rIdSst"/>')


def rewrite_as_excel(path):
    """Inline strings -> a shared-strings table; absolute relationship targets -> relative."""
    strings = {}

    def share(match):
        index = strings.setdefault(match.group(3), len(strings))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2), index)

    temp = path + ".rewrite"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = INLINE_STRING.sub(share, data)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b'Target="/xl/', b'Target="').replace(b"</Relationships>", SST_RELATIONSHIP + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", SST_CONTENT_TYPE + b"</Types>")
            dst.writestr(info, data)
        # Texts are kept exactly as openpyxl escaped them, so they go into <t> unchanged.
        count = len(strings)
        sst = [b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (count, count)]
        sst += [b"<si><t>%s</t></si>" % text for text in strings]
        sst.append(b"</sst>")
        dst.writestr("xl/sharedStrings.xml", b"".join(sst))
    os.replace(temp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=50_000, help="rows including the header row")
    parser.add_argument("--cols", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--as-openpyxl-wrote", action="store_true", help="keep inline strings and absolute targets")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    text_cols = args.cols // 2  # the first half text, the second half numbers
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Tracker")
    ws.append([f"Text {c + 1}" for c in range(text_cols)] + [f"Number {c + 1}" for c in range(args.cols - text_cols)])
    for _ in range(args.rows - 1):
        ws.append([text_value(rng, c) for c in range(text_cols)] +
                  [number_value(rng, c) for c in range(args.cols - text_cols)])
    wb.save(args.out)
    if not args.as_openpyxl_wrote:
        rewrite_as_excel(args.out)


if __name__ == "__main__":
    main()
