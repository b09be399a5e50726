"""Readers for the article formats claimcheck takes: .txt, .md, .html, .json, .jsonl.

Each reader turns one file into documents (text plus metadata) or problems, never raising for
bad input: a problem names the file (and the line, for JSONL) and the reason, so one bad file
never stops a batch.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from claimcheck.ingest.text import DecodeError, decode

METADATA_FIELDS = ("title", "url", "source", "published", "lang")
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
# A directory may describe its files in a manifest: {"file name": {"title": ..., ...}}
MANIFEST = "metadata.json"
# How much of a JSON Lines file is looked at to tell UTF-16 or binary from UTF-8 (as decode does)
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Document:
    """One article as read from a file, before normalization and extraction."""

    origin: str  # "path" or "path#line" for JSONL / JSON lists
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Why a file (or one record of it) could not be read."""

    origin: str
    reason: str
    fatal: bool = True  # False: a warning, the document still went in

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def iter_files(paths: list[str]) -> Iterator[Path | Problem]:
    """Files under the given paths (directories recursively, sorted), or a Problem per bad path."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Problem(raw, "no such file or directory")
        elif path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path | Problem]:
    seen: set[tuple[int, int]] = set()
    # followlinks with an inode check: a symlink loop is visited once, not forever
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith(".") or name == MANIFEST:
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() in EXTENSIONS:
                yield path


def read_file(path: Path) -> Iterator[Document | Problem]:
    """The documents in one file, or the problems that kept them out.

    Metadata from the directory's manifest fills what the file itself does not say.
    """
    manifest = manifest_entry(path)
    for item in _read_file(path):
        if isinstance(item, Document) and manifest:
            item = Document(item.origin, item.text, {**manifest, **item.metadata}, item.warnings)
        yield item


@lru_cache(maxsize=256)
def _manifest(directory: Path) -> dict[str, dict[str, Any]]:
    path = directory / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        k: {f: v for f, v in entry.items() if f in METADATA_FIELDS and v is not None}
        for k, entry in data.items()
        if isinstance(entry, dict)
    }


def manifest_entry(path: Path) -> dict[str, Any]:
    """What the directory's metadata.json says about this file ({} if nothing)."""
    return _manifest(path.parent.resolve()).get(path.name, {})


def _read_file(path: Path) -> Iterator[Document | Problem]:
    suffix = path.suffix.lower()
    origin = str(path)
    if suffix not in EXTENSIONS:
        yield Problem(origin, f"unsupported file type '{suffix or '(none)'}'")
        return
    try:
        if suffix == ".jsonl" and _streams(path):
            yield from _read_json_lines(path, origin)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(origin, f"cannot read: {exc.strerror or exc}")
        return
    try:
        text, warnings = decode(data)
    except DecodeError as exc:
        yield Problem(origin, str(exc))
        return
    for warning in warnings:
        yield Problem(origin, warning, fatal=False)
    if suffix in (".json", ".jsonl"):
        yield from _read_json(origin, text, lines=suffix == ".jsonl")
    elif suffix in (".html", ".htm"):
        yield _read_html(origin, text)
    elif suffix in (".md", ".markdown"):
        yield _read_markdown(origin, text)
    else:
        yield Document(origin, text)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)


def _read_markdown(origin: str, text: str) -> Document:
    match = _FRONT_MATTER.match(text)
    if not match:
        return Document(origin, text)
    return Document(origin, text[match.end() :], parse_front_matter(match.group(1)))


def parse_front_matter(block: str) -> dict[str, Any]:
    """The simple `key: value` lines of YAML front matter (quotes stripped, unknown keys kept)."""
    meta: dict[str, Any] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if not sep or line.startswith((" ", "\t", "#")):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        meta[key.strip().lower()] = value or None
    return meta


def _streams(path: Path) -> bool:
    """Whether a JSON Lines file can be read a line at a time: UTF-8 (not UTF-16, whose
    newlines are two bytes, nor binary). A scraped feed can be larger than memory."""
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    return not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" not in head


def _read_json_lines(path: Path, origin: str) -> Iterator[Document | Problem]:
    """The records of a UTF-8 JSON Lines file, read a line at a time; a line's bad bytes or
    bad JSON are reported with its number, and the other lines still go in."""
    empty = True
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if n == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            empty = False
            where = f"{origin}#{n}"
            try:
                line, warnings = decode(raw)
            except DecodeError as exc:
                yield Problem(where, str(exc))
                continue
            for warning in warnings:
                yield Problem(where, warning, fatal=False)
            yield _json_record(where, line)
    if empty:
        yield Problem(origin, "empty file")


def _read_json(origin: str, text: str, *, lines: bool) -> Iterator[Document | Problem]:
    if lines:  # a UTF-16 feed, decoded whole
        records = ((f"{origin}#{n}", line) for n, line in enumerate(text.split("\n"), 1))
        for where, line in records:
            if line.strip():
                yield _json_record(where, line)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(origin, f"malformed JSON: {exc.msg} at line {exc.lineno}")
        return
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, 1):
        where = f"{origin}#{n}" if isinstance(data, list) else origin
        yield _record_document(where, item)


def _json_record(where: str, line: str) -> Document | Problem:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(where, f"malformed JSON line: {exc.msg}")
    return _record_document(where, item)


def _record_document(where: str, item: Any) -> Document | Problem:
    if not isinstance(item, dict):
        return Problem(where, "JSON record is not an object")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(where, "JSON record has no 'text'")
    meta = {k: item[k] for k in METADATA_FIELDS if item.get(k) is not None}
    return Document(where, text, meta)


class _HTMLText(HTMLParser):
    """Collects visible text and the <title>; script, style and similar are not article text."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "hr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\f\v]+")


def _read_html(origin: str, text: str) -> Document:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    body = "".join(parser.parts)
    lines = (_SPACES.sub(" ", line).strip() for line in body.split("\n"))
    body = "\n".join(line for line in lines if line)
    meta: dict[str, Any] = {}
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta["title"] = title
    return Document(origin, body, meta)
