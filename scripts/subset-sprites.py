#!/usr/bin/env python3
"""Writes a Bootstrap Italia sprite sheet holding only the icons the portal uses.

The full sheet (179 icons) is 32 KB gzipped on every first visit; the portal uses a dozen.
Icon names are found as `it-…` words in the Rust sources and the SQL migrations (category
icons live in the database); an icon that is not found simply is not shipped, so a new icon
needs nothing but its use in the code.

usage: subset-sprites.py FULL_SPRITES OUT_SPRITES SOURCE_DIR...
"""
import pathlib
import re
import sys

full, out, *sources = sys.argv[1:]
text = pathlib.Path(full).read_text(encoding="utf-8")
symbols = dict(re.findall(r'(<symbol id="(it-[a-z0-9-]+)".*?</symbol>)', text, flags=re.S)[i][::-1]
               for i in range(len(re.findall(r'<symbol id="it-', text))))
used = set()
for root in sources:
    for path in pathlib.Path(root).rglob("*"):
        if path.suffix in {".rs", ".sql"}:
            used.update(re.findall(r"\bit-[a-z0-9-]+", path.read_text(encoding="utf-8")))
kept = [symbols[name] for name in sorted(used) if name in symbols]
pathlib.Path(out).write_text('<svg xmlns="http://www.w3.org/2000/svg">' + "".join(kept) + "</svg>\n", encoding="utf-8")
print(f"sprites: kept {len(kept)} of {len(symbols)} icons")
