"""Extractor: resolve (placeholder until implemented)."""
from __future__ import annotations

from ..model import Doc
from ..registry import register


@register("resolve")
class Resolve:
    def __call__(self, doc: Doc) -> Doc:
        return doc
