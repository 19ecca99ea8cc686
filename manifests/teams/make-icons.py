#!/usr/bin/env python3
"""Draws the two Teams app icons with the standard library only (no image packages needed):
color.png, 192x192, a white pulse line on the accent colour; outline.png, 32x32, the same line in white
on a transparent background, as the Teams manifest asks (teams-bot-framework.md, section 5)."""
import struct
import zlib
from pathlib import Path

ACCENT = (0x44, 0x64, 0xEE, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
# The pulse: flat, a sharp peak, a dip, flat again; points in a 0..1 square.
PULSE = [(0.08, 0.55), (0.35, 0.55), (0.45, 0.2), (0.55, 0.85), (0.63, 0.55), (0.92, 0.55)]


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def draw(size, background, stroke):
    points = [(x * size, y * size) for x, y in PULSE]
    width = max(1.5, size / 14)
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type 0 for each scanline
        for x in range(size):
            d = min(distance_to_segment(x + 0.5, y + 0.5, *a, *b) for a, b in zip(points, points[1:]))
            row.extend(stroke if d <= width / 2 else background)
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = Path(__file__).parent
    (here / "color.png").write_bytes(png(192, draw(192, ACCENT, WHITE)))
    (here / "outline.png").write_bytes(png(32, draw(32, CLEAR, WHITE)))
