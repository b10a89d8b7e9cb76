"""Extractor: awards (placeholder until implemented)."""
from __future__ import annotations

from ..model import Doc
from ..registry import register


@register("awards")
class Awards:
    def __call__(self, doc: Doc) -> Doc:
        return doc
