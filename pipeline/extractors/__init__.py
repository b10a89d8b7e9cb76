"""One module per extractor; importing this package registers them all."""
from . import (  # noqa: F401
    metadata, relevance, dates, place, orgs, bloc, leadership, awards, people, resolve,
)
