"""Organisation names: finding them in text and writing them canonically.

Shared by every extractor that outputs an org (members, leaders, handovers,
awards, people).  The knowledge (canonical Party agencies, aliases and
abbreviations, words that head an org name) lives in
``gazetteers/agencies.csv`` and ``gazetteers/org_heads.csv``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .normalize import tidy


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    org: str          # canonical form


def canonical_org(name: str, province: str | None = None, multi_province: bool = False) -> str:
    """Canonical form of an org name as written (placeholder: tidied text)."""
    return tidy(name)


def find_orgs(text: str, start: int = 0, end: int | None = None,
              province: str | None = None) -> list[OrgMention]:
    """Org mentions inside ``text[start:end]`` (placeholder: none)."""
    return []
