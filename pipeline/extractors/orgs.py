"""Extractor: orgs (placeholder until implemented)."""
from __future__ import annotations

from ..model import Doc
from ..registry import register


@register("orgs")
class Orgs:
    def __call__(self, doc: Doc) -> Doc:
        return doc
