"""Turning bytes into the normalized article text that every span indexes into."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

# Below this share of U+FFFD after decoding, a file is text with a few bad bytes (kept, with a
# warning); above it, it is not text in any encoding we read.
_MAX_REPLACEMENT_SHARE = 0.02
_BLANK_LINES = re.compile(r"\n{3,}")


class DecodeError(ValueError):
    """The bytes are not an article we can read (binary, empty, or mostly undecodable)."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes into text; return the text and warnings about repaired bytes.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read; a few invalid UTF-8 bytes are
    replaced and reported rather than dropping the article.
    """
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if bad / max(len(text), 1) > _MAX_REPLACEMENT_SHARE:
        raise DecodeError(f"not UTF-8 text ({bad} undecodable bytes)")
    return text, [f"{bad} invalid UTF-8 byte(s) replaced with U+FFFD"]


def normalize_text(text: str) -> str:
    """The canonical form of an article's text: NFC, Unix newlines, no trailing blanks.

    Unicode spaces and dashes are kept as written (the extractor reads through them with a
    same-length translation), so quotes stay faithful to the source.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # line by line rather than a regex: a long run of spaces must not cost quadratic time
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]
