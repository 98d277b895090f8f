#!/usr/bin/env python3
"""Whether a workbook's wrapped cells fit their rows, measured with real font metrics.

  row_fit.py WORKBOOK.xlsx FONT.ttf SHEET...

An independent check of the writer's estimate (src/write/text_fit): each text is
laid out greedily, breaking at spaces as Excel does (a word wider than a line is
broken), with the advance widths of FONT (Carlito: Calibri's metrics) over its
"0", in a line as wide as the column less one unit of padding; a line is 15 points
(Calibri 11). Prints one line per cell whose lines do not fit its row:
  clipped SHEET!REF LINES HEIGHT
Only printed cells are checked (within the sheet's print area, when it has one):
a screen-only column wraps within the height its row's printed cells need.
Then, per sheet, counts of rows by how much taller they are than their most-wrapped
cell needs:
  rows SHEET FIT ONE_LINE_MORE TWO_OR_MORE
"""
import sys

import openpyxl
from fontTools.ttLib import TTFont


def main():
    book_path, font_path, sheets = sys.argv[1], sys.argv[2], sys.argv[3:]
    font = TTFont(font_path)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    zero = metrics[cmap[ord("0")]][0]

    def advance(ch):
        glyph = cmap.get(ord(ch))
        return metrics[glyph][0] / zero if glyph else 1.0

    space = advance(" ")

    def lines_of(text, width):
        capacity = max(width - 1, 1)
        lines = 0
        for paragraph in text.split("\n"):
            lines += 1
            used = 0.0
            for word in paragraph.split():
                w = sum(advance(c) for c in word)
                gap = space if used > 0 else 0
                if used + gap + w <= capacity:
                    used += gap + w
                    continue
                if used > 0:
                    lines += 1
                while w > capacity:  # a word wider than a line is broken
                    lines += 1
                    w -= capacity
                used = w
        return lines

    book = openpyxl.load_workbook(book_path)
    for name in sheets:
        ws = book[name]
        widths = {letter: dim.width for letter, dim in ws.column_dimensions.items() if dim.width}
        last_printed = None
        if ws.print_area:
            area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
            last_printed = openpyxl.utils.cell.range_boundaries(area.split("!")[-1].replace("$", ""))[2]
        need = {}
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                    continue
                if last_printed is not None and cell.column > last_printed:
                    continue
                width = widths.get(cell.column_letter, 8.43)
                lines = lines_of(cell.value, width)
                height = ws.row_dimensions[cell.row].height or 15
                need[cell.row] = max(need.get(cell.row, 1), lines)
                if lines * 15 > height + 0.01 and height < 409:
                    print("clipped", f"{name}!{cell.coordinate}", lines, height)
        fit = one_more = more = 0
        for r, lines in need.items():
            height = ws.row_dimensions[r].height or 15
            spare = round(height / 15) - lines
            if spare <= 0 or height >= 409:
                fit += 1
            elif spare == 1:
                one_more += 1
            else:
                more += 1
        print("rows", name, fit, one_more, more)


if __name__ == "__main__":
    main()
