"""Component registry: extractors are small callables registered by name.

As in spaCy's ``spacy/pipeline``, a component takes the shared :class:`Doc`
and returns it with its fields or records added; which components run, and in
what order, is configuration (:data:`DEFAULT_PIPELINE`, or ``--components``),
not code.
"""
from __future__ import annotations

from typing import Callable, Protocol

from .model import Doc


class Component(Protocol):
    name: str

    def __call__(self, doc: Doc) -> Doc: ...


_REGISTRY: dict[str, Callable[[], Component]] = {}

# The order matters: later components read what earlier ones found
# (relevance gates the record extractors; leadership and awards use the
# years and orgs found before them; resolve runs last).
DEFAULT_PIPELINE = [
    "metadata", "relevance", "dates", "place", "orgs", "people", "bloc",
    "leadership", "awards", "resolve",
]


def register(name: str):
    """Class decorator: ``@register("dates") class Dates: ...``."""
    def deco(factory):
        factory.name = name
        _REGISTRY[name] = factory
        return factory
    return deco


def create(name: str) -> Component:
    _load_builtin()
    if name not in _REGISTRY:
        raise KeyError(f"unknown component {name!r}; known: {sorted(_REGISTRY)}")
    return _REGISTRY[name]()


def available() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def _load_builtin() -> None:
    # Importing the package registers every built-in extractor.
    from . import extractors  # noqa: F401
