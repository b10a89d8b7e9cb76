"""Extractor: metadata (placeholder until implemented)."""
from __future__ import annotations

from ..model import Doc
from ..registry import register


@register("metadata")
class Metadata:
    def __call__(self, doc: Doc) -> Doc:
        return doc
