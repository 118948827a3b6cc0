# Writes a square PNG icon of SIZE pixels to OUT: a blue diagonal on transparent, made with the
# standard library only.
import struct
import sys
import zlib

size, out = int(sys.argv[1]), sys.argv[2]
rows = b"".join(
    b"\0" + b"".join(b"\x33\x66\xcc\xff" if x == y else b"\0\0\0\0" for x in range(size))
    for y in range(size))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xffffffff)


with open(out, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n")
    f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)))
    f.write(chunk(b"IDAT", zlib.compress(rows)))
    f.write(chunk(b"IEND", b""))
