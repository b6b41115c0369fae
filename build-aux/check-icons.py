#!/usr/bin/env python3
# check-icons.py ICON.svg...
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every icon must render with rsvg-convert at the sizes a desktop shows
# (16 px symbolic, 32 px in lists, 128 px in the software centre) to a PNG of
# that size whose drawing covers a fair part of the square.

import shutil
import struct
import subprocess
import sys
import zlib

SIZES = (16, 32, 128)
MIN_COVERAGE = 0.25  # fraction of pixels that are not transparent


def unfilter(rows, width, bpp):
    """Undo PNG scanline filters; returns a list of bytearrays."""
    stride = width * bpp
    out = []
    prev = bytearray(stride)
    pos = 0
    for _ in range(rows[1]):
        ftype = rows[0][pos]
        line = bytearray(rows[0][pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xff
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xff
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xff
        out.append(line)
        prev = line
    return out


def coverage(png):
    """Size and fraction of non-transparent pixels of an 8-bit RGBA PNG."""
    assert png[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat = 8, b''
    width = height = 0
    while pos < len(png):
        length, ctype = struct.unpack('>I4s', png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if ctype == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', data[:10])
            assert depth == 8 and colour == 6, 'expected 8-bit RGBA'
        elif ctype == b'IDAT':
            idat += data
        pos += 12 + length
    lines = unfilter((zlib.decompress(idat), height), width, 4)
    opaque = sum(1 for line in lines for x in range(width) if line[x * 4 + 3] > 0)
    return width, height, opaque / (width * height)


def main():
    if shutil.which('rsvg-convert') is None:
        print('rsvg-convert not installed (librsvg2-bin); skipping')
        return 77
    status = 0
    for svg in sys.argv[1:]:
        for size in SIZES:
            proc = subprocess.run(['rsvg-convert', '--width', str(size), '--height', str(size), svg],
                                  capture_output=True)
            if proc.returncode != 0:
                print(f'FAIL: {svg} does not render at {size} px: {proc.stderr.decode().strip()}')
                status = 1
                continue
            width, height, cover = coverage(proc.stdout)
            if (width, height) != (size, size):
                print(f'FAIL: {svg} at {size} px rendered as {width}x{height}')
                status = 1
            elif cover < MIN_COVERAGE:
                print(f'FAIL: {svg} at {size} px covers only {cover:.0%} of the square')
                status = 1
            else:
                print(f'ok: {svg.rsplit("/", 1)[-1]} at {size} px, {cover:.0%} drawn')
    return status


if __name__ == '__main__':
    sys.exit(main())
