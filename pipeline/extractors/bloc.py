"""Extractor: bloc (placeholder until implemented)."""
from __future__ import annotations

from ..model import Doc
from ..registry import register


@register("bloc")
class Bloc:
    def __call__(self, doc: Doc) -> Doc:
        return doc
