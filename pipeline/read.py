"""Stage 1: read inputs lazily into RawArticle objects (or ReadError rows).

Inputs are files and folders (walked recursively, in sorted order so runs are
deterministic).  Nothing is held in memory beyond the article being read: the
batch user streams millions of lines through here.  A file that cannot be
read becomes a :class:`ReadError`; the batch goes on.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .model import RawArticle, ReadError

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".jsonl.gz"}
# Legacy encodings tried, in order, when a .txt is not valid UTF-8.
LEGACY_ENCODINGS = ("cp1258", "cp1252", "latin-1")
# Bytes that text never has many of (all C0 controls but tab, LF, FF, CR).
_CONTROL_BYTES = bytes([b for b in range(32) if b not in (9, 10, 12, 13)] + [0x7f])


def input_kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".jsonl.gz"):
        return "jsonl"
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".jsonl":
        return "jsonl"
    return None


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Every readable input file below ``inputs``, sorted within each folder.

    A file reached twice (named and inside a named folder, or named twice) is
    read once: every article must come out exactly once.
    """
    seen: set[Path] = set()

    def first_time(f: Path) -> bool:
        key = f.resolve()
        if key in seen:
            return False
        seen.add(key)
        return True

    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if input_kind(f) and first_time(f):
                    yield f
        elif p.is_file():
            if not input_kind(p):
                yield ReadError(str(p), p.stem, "read", f"unsupported input type: {p.name}")
            elif first_time(p):
                yield p
        else:
            yield ReadError(str(p), p.stem, "read", "no such file or folder")


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (BOM tolerated), else a legacy Vietnamese encoding with a warning.

    Raises ValueError for binary data (NUL bytes), which no encoding makes text.
    """
    sample = data[:65536]
    if b"\x00" in sample:
        raise ValueError("binary data (NUL bytes), not text")
    # deleting them in one pass counts them (one count() per byte value was 30 passes)
    if sample and len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > 0.05 * len(sample):
        raise ValueError("binary data (control bytes), not text")
    try:
        # "utf-8-sig" only drops a leading BOM, and its codec is Python code:
        # the plain codec is the same (errors too) on the usual BOM-less text
        if data[:3] == b"\xef\xbb\xbf":
            return data.decode("utf-8-sig"), []
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_error = exc
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text, [f"not valid UTF-8 ({first_error.reason} at byte {first_error.start}); "
                      f"decoded as {enc}"]
    raise ValueError("undecodable text")  # pragma: no cover - latin-1 never fails


def read_txt(path: Path) -> Iterator[RawArticle | ReadError]:
    try:
        data = path.read_bytes()
        if not data.strip():
            yield ReadError(str(path), path.stem, "read", "empty file")
            return
        text, warnings = decode_bytes(data)
    except (OSError, ValueError) as exc:
        yield ReadError(str(path), path.stem, "read", str(exc))
        return
    yield RawArticle(source=str(path), article_id=path.stem, text=text, fmt="txt",
                     warnings=warnings)


# trafilatura drops <figure>/<figcaption>; the contract counts a caption as
# article text ("a fact stated only in a caption counts"), so captions are
# handed to it as plain paragraphs.
_CAPTION_TAG = re.compile(r"<(/?)figcaption\b", re.IGNORECASE)
_FIGURE_TAG = re.compile(r"<(/?)figure\b", re.IGNORECASE)


def html_to_article(html: str, source: str, article_id: str) -> RawArticle:
    """Main text, title, date and author of a news page (trafilatura)."""
    import trafilatura

    html = _FIGURE_TAG.sub(r"<\1div", _CAPTION_TAG.sub(r"<\1p", html))
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=True, deduplicate=False)
    if extracted is None or not getattr(extracted, "text", None):
        raise ValueError("no main text found in HTML")
    return RawArticle(source=source, article_id=article_id, text=extracted.text,
                      title=extracted.title, published=extracted.date,
                      author=extracted.author, url=extracted.url,
                      site=getattr(extracted, "sitename", None), fmt="html")


def read_html(path: Path) -> Iterator[RawArticle | ReadError]:
    try:
        data = path.read_bytes()
        if not data.strip():
            yield ReadError(str(path), path.stem, "read", "empty file")
            return
        html, warnings = decode_bytes(data)
        art = html_to_article(html, str(path), path.stem)
        art.warnings.extend(warnings)
    except Exception as exc:  # trafilatura/lxml raise many kinds
        yield ReadError(str(path), path.stem, "read", f"{type(exc).__name__}: {exc}")
        return
    yield art


def _line_id(line: bytes | str) -> str:
    data = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
    return "h" + hashlib.sha1(data).hexdigest()[:16]


def jsonl_record(line: str, source: str) -> RawArticle | ReadError:
    """One JSONL line -> article.  Fields: id, text or html, title, url, published."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(source, _line_id(line), "read", f"invalid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return ReadError(source, _line_id(line), "read", "JSON line is not an object")
    art_id = str(obj.get("id") or "").strip() or _line_id(line)
    text, html = obj.get("text"), obj.get("html")
    try:
        if isinstance(text, str) and text.strip():
            art = RawArticle(source=source, article_id=art_id, text=text, fmt="jsonl")
        elif isinstance(html, str) and html.strip():
            art = html_to_article(html, source, art_id)
            art.fmt = "jsonl"
        else:
            return ReadError(source, art_id, "read", "JSON line has no 'text' or 'html'")
    except Exception as exc:
        return ReadError(source, art_id, "read", f"{type(exc).__name__}: {exc}")
    for key, attr in (("title", "title"), ("url", "url"), ("published", "published")):
        if isinstance(obj.get(key), str) and obj[key].strip():
            setattr(art, attr, obj[key].strip())
    return art


def _is_gzip(path: Path) -> bool:
    """By content, not name: a gzip saved as ``.jsonl`` is still read."""
    try:
        with open(path, "rb") as f:
            return f.read(2) == b"\x1f\x8b"
    except OSError:
        return path.name.lower().endswith(".gz")


def read_jsonl(path: Path, skip: Callable[[str], bool] | None = None
               ) -> Iterator[RawArticle | ReadError]:
    opener = gzip.open if _is_gzip(path) else open
    lineno = 0
    articles = 0
    try:
        with opener(path, "rb") as f:
            for lineno, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                articles += 1
                source = f"{path}:{lineno}"
                if skip and skip(source):
                    continue
                try:
                    line, _ = decode_bytes(raw)
                except ValueError as exc:
                    yield ReadError(source, _line_id(raw), "read", str(exc))
                    continue
                yield jsonl_record(line, source)
    except (OSError, EOFError, zlib.error) as exc:
        # A truncated or corrupt gzip: what was read so far stands.
        source = f"{path}:{lineno + 1}"
        if not (skip and skip(source)):
            yield ReadError(source, path.stem, "read",
                            f"{type(exc).__name__}: {exc} (stopped after line {lineno})")
        return
    if not articles and not (skip and skip(str(path))):
        yield ReadError(str(path), path.stem, "read", "empty file (no JSON lines)")


READERS = {"txt": read_txt, "html": read_html, "jsonl": read_jsonl}

# Longest article text processed; longer inputs become an error row rather
# than tying up a worker (a 20 MB one-line file is a dump, not a news story).
DEFAULT_MAX_CHARS = 2_000_000


def iter_articles(inputs: Iterable[str | Path], *, skip: Callable[[str], bool] | None = None,
                  max_chars: int | None = DEFAULT_MAX_CHARS
                  ) -> Iterator[RawArticle | ReadError]:
    """All articles of ``inputs``, lazily, in a deterministic order.

    Every item's ``source`` is its key (file path, or ``path:line`` for
    JSONL); ``skip(source)`` true means "already done" (``--resume``) and
    the item is not read at all.
    """
    for item in iter_files(inputs):
        if isinstance(item, ReadError):
            if not (skip and skip(item.source)):
                yield item
            continue
        kind = input_kind(item)
        if kind == "jsonl":
            results = read_jsonl(item, skip)
        elif skip and skip(str(item)):
            continue
        else:
            results = READERS[kind](item)
        for res in results:
            if max_chars and isinstance(res, RawArticle) and len(res.text) > max_chars:
                res = ReadError(res.source, res.article_id, "read",
                                f"article too long: {len(res.text)} characters "
                                f"(limit {max_chars}; see --max-chars)")
            yield res
