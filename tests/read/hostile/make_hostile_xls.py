#!/usr/bin/python3
"""Writes the hostile legacy .xls inputs into xls/ beside this script, read by the
plancon CLI under time and memory bounds in tests/read/hostile_bounds_test.cpp:

- truncations and seeded byte flips of real fixtures (LibreOffice's BIFF8, Gnumeric's
  Excel 95, the RC4 CryptoAPI encrypted one);
- one field of a real fixture made to lie: a stream claiming 2 GiB, a record claiming
  64 KiB, a shared string running past its CONTINUE records, a code page that does not
  exist, an RC4 CryptoAPI header size far beyond its record;
- workbooks written here, each a compound file around a BIFF8 stream built to cost a
  naive reader time or memory: 30,000 FILEPASS records (decrypting the rest of the
  stream each time), 20,000 BOUNDSHEETs all pointing at one of 20,000 BOFs (matching
  each BOF against every sheet), 120,000 COLINFO records each hiding all 256 columns
  (123 MB of column numbers kept one by one).

usage: make_hostile_xls.py [OUT_DIR]   (default: xls/ beside this script)"""
import os
import random
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
sys.path.insert(0, FIXTURES)
from make_encrypted_xls import PASSWORD, xor_key, xor_verifier  # noqa: E402
SECTOR = 512


def rec(kind, data=b""):
    return struct.pack("<HH", kind, len(data)) + data


def compound_file(stream, name="Workbook"):
    """A version 3 compound file holding one stream (padded to 4096 bytes: no mini stream)."""
    stream = stream + b"\0" * (-len(stream) % SECTOR)
    if len(stream) < 4096:
        stream += b"\0" * (4096 - len(stream))
    data_sectors = len(stream) // SECTOR
    # Sectors: FAT sectors first, then the directory, then the stream.
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < fat_sectors + 1 + data_sectors:
        fat_sectors += 1
    assert fat_sectors <= 109, "stream too large for a header-only DIFAT"
    fat = [0xFFFFFFFD] * fat_sectors + [0xFFFFFFFE]  # FAT sectors, then the one directory sector
    first = fat_sectors + 1
    fat += [first + i + 1 for i in range(data_sectors - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (fat_sectors * (SECTOR // 4) - len(fat))
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += b"\0" * 6 + struct.pack("<IIIIIIII", 0, fat_sectors, fat_sectors, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    header += struct.pack("<I", 0)  # DIFAT sectors
    header += b"".join(struct.pack("<I", i) for i in range(fat_sectors)) + b"\xFF\xFF\xFF\xFF" * (109 - fat_sectors)

    def entry(entry_name, kind, start, size, child=0xFFFFFFFF):
        raw = entry_name.encode("utf-16le") + b"\0\0"
        return raw + b"\0" * (64 - len(raw)) + struct.pack("<HBB", len(raw), kind, 1) + \
            struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child) + b"\0" * 36 + struct.pack("<III", start, size, 0)
    directory = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1) + entry(name, 2, first, len(stream))
    directory += b"\0" * (SECTOR - len(directory))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    return header + fat_bytes + directory + stream


def globals_and_sheet(extra_globals=b"", sheet_records=b"", sheets=1):
    """A BIFF8 workbook: globals (with extra_globals), then `sheets` sheets of sheet_records."""
    bof_globals = rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0x0600))
    names = [rec(0x0085, struct.pack("<IBB", 0, 0, 0) + bytes([len(n), 0]) + n.encode()) for n in
             ("Sheet%d" % (i + 1) for i in range(sheets))]
    head = bof_globals + extra_globals + b"".join(names) + rec(0x000A)
    body, offsets = b"", []
    for _ in range(sheets):
        offsets.append(len(head) + len(body))
        body += rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0x0600)) + sheet_records + rec(0x000A)
    # Each BOUNDSHEET points at its sheet's BOF.
    out, at = bytearray(head + body), len(bof_globals) + len(extra_globals)
    for off in offsets:
        struct.pack_into("<I", out, at + 4, off)
        at += 4 + struct.unpack_from("<H", out, at + 2)[0]
    return bytes(out)


def label(row, col, text):
    return rec(0x0204, struct.pack("<HHHHB", row, col, 15, len(text), 0) + text.encode())


def crafted():
    # XOR with the default password: the first FILEPASS verifies, the rest must not decrypt again.
    filepass = rec(0x002F, struct.pack("<HHH", 0, xor_key(PASSWORD), xor_verifier(PASSWORD)))
    yield "xls_filepass_30000_times.xls", compound_file(globals_and_sheet(filepass * 30000, label(0, 0, "garbled")))
    # 20,000 sheets whose BOUNDSHEETs all point at the first BOF.
    stream = bytearray(globals_and_sheet(b"", label(0, 0, "x"), sheets=20000))
    first_bof = struct.unpack_from("<I", stream, 4 + 16 + 4)[0]
    at = 4 + 16
    while struct.unpack_from("<H", stream, at)[0] == 0x0085:
        struct.pack_into("<I", stream, at + 4, first_bof)
        at += 4 + struct.unpack_from("<H", stream, at + 2)[0]
    yield "xls_20000_sheets_one_offset.xls", compound_file(bytes(stream))
    colinfo = rec(0x007D, struct.pack("<HHHHHH", 0, 255, 2000, 15, 1, 0))
    yield "xls_colinfo_120000_hiding_every_column.xls", compound_file(globals_and_sheet(b"", colinfo * 120000))


def patched(name, find, offset, value):
    data = bytearray(open(os.path.join(FIXTURES, name), "rb").read())
    at = data.find(find)
    assert at >= 0, (name, find)
    data[at + offset:at + offset + len(value)] = value
    return bytes(data)


def lies():
    yield "xls_stream_claims_2GiB.xls", patched("ods_features_biff5.xls", "Book\0".encode("utf-16le"), 120,
                                                b"\xFF\xFF\xFF\x7F")
    yield "xls_record_claims_64KiB.xls", patched("ods_features_biff5.xls", b"\x04\x02", 2, b"\xFF\xFF")
    yield "xls_shared_string_past_its_records.xls", patched("ods_features.xls", b"\xFC\x00", 12, b"\xFF\xFF")
    yield "xls_code_page_that_does_not_exist.xls", patched("codepage_1251.xls", b"\x42\x00\x02\x00\xE3\x04", 4,
                                                           b"\x34\x12")
    yield "xls_rc4_header_size_huge.xls", patched("cryptoapi_default_password.xls",
                                                  b"\x2F\x00\x6C\x00\x01\x00\x04\x00\x02\x00", 14, b"\x00\xFF\xFF\xFF")


def damaged():
    rng = random.Random(20261127)
    for name in ("ods_features.xls", "ods_features_biff5.xls", "cryptoapi_default_password.xls"):
        data = open(os.path.join(FIXTURES, name), "rb").read()
        stem = name[:-4]
        for i in range(12):
            cut = rng.randrange(1, len(data))
            yield "xls_%s_cut_at_%d.xls" % (stem, cut), data[:cut]
        for i in range(12):
            flipped = bytearray(data)
            for _ in range(rng.randrange(1, 24)):
                flipped[rng.randrange(len(flipped))] = rng.randrange(256)
            yield "xls_%s_flipped_%d.xls" % (stem, i), bytes(flipped)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "xls")
    os.makedirs(out, exist_ok=True)
    for generator in (crafted, lies, damaged):
        for name, data in generator():
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)


main()
