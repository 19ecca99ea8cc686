#!/usr/bin/env python3
"""Writes accents.txt: what BERT's accent stripping (NFD, then drop every Mn mark) makes of each character it changes.

The host runs with InvariantGlobalization, where string.Normalize does not decompose, so the tokenizer reads this
table instead. Hangul syllables are left out (the tokenizer decomposes them by formula). Run: python3 accents.py
"""
import unicodedata

with open("accents.txt", "w", encoding="ascii", newline="\n") as out:
    out.write(f"# Unicode {unicodedata.unidata_version}: code point, then what it becomes (nothing: dropped). From accents.py.\n")
    for cp in range(0x110000):
        if 0xAC00 <= cp <= 0xD7A3:
            continue
        d = unicodedata.normalize("NFD", chr(cp))
        stripped = "".join(ch for ch in d if unicodedata.category(ch) != "Mn")
        if stripped != chr(cp) and d != chr(cp):
            out.write(" ".join(f"{ord(ch):X}" for ch in chr(cp) + stripped) + "\n")
