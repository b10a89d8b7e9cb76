"""Small helpers shared by several test modules."""
from __future__ import annotations

import unicodedata

from pipeline.normalize import fold

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(s: str) -> bytes:
    """Vietnamese as legacy Windows software saved it: base letters + combining tones."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append((base + "".join(c for c in d if c in TONES)).encode("cp1258"))
    return b"".join(out)


def field_f1(pairs) -> float:
    """F1 of (predicted, gold) value pairs, empty values not counted, strings folded."""
    tp = sum(1 for p, g in pairs if p and g and fold(p) == fold(g))
    npred, ngold = sum(1 for p, _ in pairs if p), sum(1 for _, g in pairs if g)
    prec, rec = (tp / npred if npred else 0), (tp / ngold if ngold else 0)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0
