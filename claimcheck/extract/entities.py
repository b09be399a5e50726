"""Subjects: models, vendors, groups and platforms named in English and Chinese text.

The gazetteer lives in ``corpora/entities.json`` (one entry per canonical name) and the few
matching rules (connector words, model suffixes, confidences) in ``corpora/entity_rules.json``.

Matching works on a *folded* copy of the text made with a 1-char -> 1-char translation (ASCII
lower case, unicode dashes and spaces, full-width forms), so every offset found in the folded
copy is an offset into the original text. All aliases are compiled into ONE regex shaped as a
character trie, which lets ``re`` skip quickly over positions that cannot start an alias and
makes the longest alias win at each position. Atoms found by that regex are then combined in a
single pass over the matches (not the characters):

* vendor + model          "Zhipu GLM-5", "MiniMax's M2.5", "MiniMax的M2.5" -> the model
* model + "of" + vendor   "Kimi K2.5 of Dark Side of the Moon", "V3.2 of DeepSeek" -> the model
* series + new version    "Qwen 3.7", "DeepSeek V5" -> a model named as written
* model + suffix          "DeepSeek V3.2-Exp" -> DeepSeek V3.2 with a lower confidence

Short aliases ("M2.5", "V3.2", "Step") only count next to their vendor, or when unambiguous and
either followed by "model" or near a mention of their vendor, or written as a product name with
its version ("Step 3 ranked third", "Opus 4.6"; not "Step 3: configure").

Names the gazetteer does not know are subjects when they look like products: a capitalized
name with a tier word or a version, letter-version or size tag ("AutoResearcher Pro", "Nova
Pro 2", "Orion V2", "Zeta-9B"), unless a head word is an ordinary word that numbers things
("Week 7", "Top 10", "Section 2", "March 3": entity_rules.json unknown_stopwords) or the number
is a figure ("Growth 2.5 trillion").
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from claimcheck.extract.types import SubjectMention

_CORPORA = Path(__file__).resolve().parents[2] / "corpora"
_SEP_RE = r"[ \-]{0,3}"  # bounded: "GLM - 5" needs three characters, never more
_DIGIT_END = r"(?![a-z0-9]|\.\d)"  # "GPT-4" must not end inside "GPT-4.1" or "GPT-4o"
_LETTER_END = r"(?![a-z])"  # a digit may follow: "Qwen3.7" is "Qwen" + a new version
_SEPARATORS = re.compile(r"[\s\-_]+")


# --- 1-char -> 1-char folding (offsets survive) --------------------------------------------------


def _shape_table() -> dict[int, str]:
    """Unicode look-alikes -> ASCII, without changing case."""
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D):
        table[code] = "-"
    for code in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0x0009, *range(0x2000, 0x200B)):
        table[code] = " "
    for code in (0x2018, 0x2019, 0x02BC, 0xFF07, 0x2032):
        table[code] = "'"
    for code in (0x201C, 0x201D, 0x300C, 0x300D, 0xFF02):
        table[code] = '"'
    return table


_SHAPE = _shape_table()
_FOLD = {
    **_SHAPE,
    **{code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)},
    **{code: target.lower() for code, target in _SHAPE.items() if target.isalpha()},
}


def _string_table(table: dict[int, str]) -> str:
    """``table`` as a string indexed by code point, for translating whole texts: str.translate
    looks a character up in a string about twice as fast as in a dict. Past U+FFFF the index
    fails, which translate takes as "unchanged" (the tables map nothing there)."""
    chars = [chr(code) for code in range(0x10000)]
    for code, target in table.items():
        chars[code] = target
    return "".join(chars)


@lru_cache(maxsize=1)
def _fold_string() -> str:
    return _string_table(_FOLD)


@lru_cache(maxsize=1)
def _shape_string() -> str:
    return _string_table(_SHAPE)


def fold(text: str) -> str:
    """``text`` with ASCII lower case and unicode dashes/spaces/quotes made ASCII, same length."""
    return text.translate(_fold_string())


_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def _shaped_and_folded(text: str) -> tuple[str, str]:
    """``text`` with unicode look-alikes made ASCII, and ``fold(text)``.

    Folding is shaping plus ASCII lower case, so the second is ``str.lower()`` of the first,
    much cheaper than a second translate, unless a character outside ASCII has a lower case
    of its own ("É", "Σ"), which fold keeps.
    """
    shaped = text.translate(_shape_string())
    lowered = shaped.lower()
    non_ascii = _ASCII_RUNS.sub("", shaped)
    if len(lowered) == len(shaped) and non_ascii.lower() == non_ascii:
        return shaped, lowered
    return shaped, fold(text)


def _key(name: str) -> str:
    """Lookup key of a name: folded, separators removed ("Qwen3.5-Plus" == "qwen 3.5 plus")."""
    return _SEPARATORS.sub("", name.translate(_FOLD))


def _case_key(name: str) -> str:
    """Like ``_key`` but keeps case, for aliases that are common words ("Step", "Meta")."""
    return _SEPARATORS.sub("", name.translate(_SHAPE))


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


# --- gazetteer -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _AliasRef:
    """One way of writing an entry's name."""

    entry: str
    short: bool  # valid only next to its vendor, or in an unambiguous model context
    case_key: str | None  # exact-case key when the alias is a common word
    weak: bool  # lower confidence ("US users" for "US developers")


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    entries: dict[str, dict[str, Any]]
    lexicon: dict[str, tuple[_AliasRef, ...]]
    full_keys: tuple[str, ...]  # keys of full aliases, for fuzzy matching
    pattern: re.Pattern[str]
    latin_pattern: re.Pattern[str]  # the same without the names that start with non-ASCII
    other_firsts: re.Pattern[str]  # the non-ASCII characters names start with


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    with (_CORPORA / "entity_rules.json").open(encoding="utf-8") as handle:
        rules: dict[str, Any] = json.load(handle)
    return rules


@lru_cache(maxsize=1)
def _raw_entries() -> tuple[dict[str, Any], ...]:
    with (_CORPORA / "entities.json").open(encoding="utf-8") as handle:
        return tuple(json.load(handle))


def _family_aliases(entry: dict[str, Any], family: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    """Family aliases + the entry's version: "通义千问" + "3.5 Plus" for Qwen 3.5 Plus."""
    name, family_name = entry["name"], family["name"]
    if not name.startswith(family_name):
        return
    rest = name[len(family_name) :].strip(" -")
    if not rest:
        return
    family_short = set(family.get("short", []))
    family_cs = set(family.get("case_sensitive", []))
    for alias in family["aliases"]:
        if alias not in family_short:
            yield f"{alias} {rest}", alias in family_cs


def _alias_refs(
    entry: dict[str, Any], entries: dict[str, dict[str, Any]]
) -> Iterator[tuple[str, _AliasRef]]:
    """Every (alias, ref) of one entry, including family-derived aliases."""
    name = entry["name"]
    short = set(entry.get("short", []))
    case_sensitive = set(entry.get("case_sensitive", []))
    weak = set(entry.get("weak", []))
    written: list[tuple[str, bool]] = [(a, a in case_sensitive) for a in entry["aliases"]]
    written += [(a, a in case_sensitive) for a in short | weak]
    family = entries.get(entry.get("family") or "")
    if family is not None:
        written += list(_family_aliases(entry, family))
    for alias, is_cs in written:
        yield (
            alias,
            _AliasRef(
                entry=name,
                short=alias in short,
                case_key=_case_key(alias) if is_cs else None,
                weak=alias in weak,
            ),
        )


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    entries = {entry["name"]: entry for entry in _raw_entries()}
    lexicon: dict[str, list[_AliasRef]] = {}
    folded_aliases: set[str] = set()
    for entry in entries.values():
        for alias, ref in _alias_refs(entry, entries):
            refs = lexicon.setdefault(_key(alias), [])
            if ref not in refs:
                refs.append(ref)
            folded_aliases.add(fold(alias).strip())
    full_keys = tuple(sorted(k for k, refs in lexicon.items() if any(not r.short for r in refs)))
    pattern, latin_pattern, other_firsts = _trie_patterns(folded_aliases)
    return _Gazetteer(
        entries=entries,
        lexicon={k: tuple(v) for k, v in lexicon.items()},
        full_keys=full_keys,
        pattern=re.compile(pattern),
        latin_pattern=re.compile(latin_pattern),
        other_firsts=re.compile(other_firsts),
    )


# --- the trie regex ------------------------------------------------------------------------------


def _units(folded_alias: str) -> list[tuple[str, bool]]:
    """(character, separator allowed before it) for each character of an alias: separators go
    where the alias has a space or hyphen and at letter-digit seams ("Qwen3.5" = "Qwen 3.5")."""
    units: list[tuple[str, bool]] = []
    pending_separator = False
    for char in folded_alias:
        if char in " -_":
            pending_separator = bool(units)
            continue
        previous = units[-1][0] if units else ""
        seam = (
            previous.isascii()
            and char.isascii()
            and ((previous.isalpha() and char.isdigit()) or (previous.isdigit() and char.isalpha()))
        )
        units.append((char, pending_separator or seam))
        pending_separator = False
    return units


class _TrieNode:
    __slots__ = ("children", "separator_before", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, _TrieNode] = {}
        self.separator_before = False
        self.terminal = False


def _trie_patterns(folded_aliases: Iterable[str]) -> tuple[str, str, str]:
    """The trie regex of all aliases, the same regex of the aliases that start with an ASCII
    character, and the character class of the other first characters."""
    # a trie over characters only, separators being a property of the edge: two aliases that
    # differ only in spacing ("AutoGLM", "Auto GLM") share one path, so the regex never commits
    # to a short alias on one path while a longer one waits on another
    root = _TrieNode()
    for alias in folded_aliases:
        node = root
        for char, separator in _units(alias):
            node = node.children.setdefault(char, _TrieNode())
            node.separator_before |= separator
        node.terminal = True
    # at the root, sre tests the first character of every branch at every position of the text:
    # the ~40 branches of non-ASCII first characters (Chinese names) go behind one lookahead for
    # them, so that other text pays for one test there instead of one per branch
    children = sorted(root.children.items())  # ASCII first characters sort first
    latin = [_branch(char, child) for char, child in children if char.isascii()]
    others = [(char, child) for char, child in children if not char.isascii()]
    firsts = "".join(re.escape(char) for char, _ in others)
    full = list(latin)
    if others:
        full.append(f"(?=[{firsts}])(?:{'|'.join(_branch(c, child) for c, child in others)})")
    if root.terminal:  # an empty alias, as _node_pattern would write it
        latin.append(_terminal_boundary(""))
        full.append(_terminal_boundary(""))
    return (
        "(?:" + "|".join(full) + ")",
        "(?:" + "|".join(latin) + ")",
        f"[{firsts}]" if others else "(?!)",
    )


def _terminal_boundary(last_char: str) -> str:
    if not _is_ascii_alnum(last_char):
        return ""  # CJK and punctuation: no word boundaries to respect
    return _DIGIT_END if last_char.isdigit() else _LETTER_END


def _branch(char: str, child: _TrieNode) -> str:
    separator = _SEP_RE if child.separator_before else ""
    return separator + re.escape(char) + _node_pattern(child, char)


def _node_pattern(node: _TrieNode, last_char: str) -> str:
    # continuations come before the terminal alternative so that the longest alias wins
    branches = [_branch(char, child) for char, child in sorted(node.children.items())]
    if node.terminal:
        branches.append(_terminal_boundary(last_char))
    if len(branches) == 1 and not node.terminal:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


# --- compiled helper patterns from the rules -----------------------------------------------------


def _words_alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _helpers() -> dict[str, re.Pattern[str]]:
    rules = _rules()
    suffixes = _words_alternation([*rules["identity_suffixes"], *rules["tier_suffixes"]])
    units = rules["version_unit_words"]
    alpha_units = _words_alternation(u for u in units if u.isascii() and u.isalpha())
    other_units = _words_alternation(u for u in units if not (u.isascii() and u.isalpha()))
    tiers = _words_alternation(rules["tier_suffixes"])
    # a tier written as part of a name: "Pro", "Max", "VL"
    tier_names = _words_alternation(
        w.upper() if len(w) <= 2 else w[:1].upper() + w[1:] for w in rules["tier_suffixes"]
    )
    model_words = _words_alternation(rules["model_words"])
    return {
        "vendor_model_gap": re.compile(rules["vendor_model_gap"]),
        "model_vendor_gap": re.compile(rules["model_vendor_gap"]),
        "tail": re.compile(
            r'"?[ \-]{0,2}(?:(?P<version>[a-z]?\d{1,3}(?:\.\d{1,2})?[a-z]?)|(?P<word>'
            + suffixes
            + r"))(?![a-z0-9]|\.\d)"
        ),
        "unit_after": re.compile(
            r"[ ]{0,2}(?:(?:" + alpha_units + r")(?![a-z])|" + other_units + ")"
        ),
        "model_word_after": re.compile(r"[ \-]{0,2}(?:" + model_words + r")(?![a-z])"),
        "unknown": re.compile(
            r"(?<![A-Za-z0-9])(?:"
            r"(?P<camel>[A-Z][a-z]+[A-Z][A-Za-z]*)[ \-](?P<tier>(?i:"
            + tiers
            + r")|\d{1,2}\.\d{1,2})"
            r"|(?P<words>[A-Z][A-Za-z]{2,}(?: [A-Z][A-Za-z]{2,})?) (?P<version>\d{1,2}\.\d{1,2})"
            # a name with a version or size tag: "Step 3", "Nova Pro 2", "Zeta-9B", "Hunyuan-T2"
            r"|(?P<name>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)(?: (?:" + tier_names + r"))?"
            r"[ \-](?P<tag>(?<=-)\d{1,3}(?:\.\d)?[BMKT]|[A-Z]\d{1,2}(?:\.\d{1,2})?"
            r"|\d{1,2}(?:\.\d{1,2})?)(?:[ \-](?:" + tier_names + r"))?"
            r")(?![A-Za-z0-9]|[.,]\d)"
        ),
        # every place "unknown" can match starts like this (keep the two in step); beginning
        # with a character class, it is searched by sre's fast scan, where "unknown", starting
        # with a lookbehind, enters the regex engine at every position
        "unknown_start": re.compile(
            r"[A-Z](?:[a-z]+[A-Z][A-Za-z]*[ \-]|[A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}[ \-][A-Z]?\d)"
        ),
    }


# --- atoms: raw alias matches --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Atom:
    start: int
    end: int
    candidates: tuple[str, ...]  # entry names (several only for ambiguous short aliases)
    short: bool
    confidence: float
    canonical: str | None = None  # a derived name ("Qwen 3.7") instead of the entry's name


def _valid_refs(text: str, start: int, end: int, refs: tuple[_AliasRef, ...]) -> list[_AliasRef]:
    written = _case_key(text[start:end])
    after = text[end : end + 2].translate(_SHAPE)
    valid = []
    for ref in refs:
        if ref.case_key is not None and (
            written != ref.case_key or (after[:1] == "-" and after[1:2].islower())
        ):
            continue  # "Meta-analysis", "step", "Seed funding" are not subjects
        valid.append(ref)
    return valid


_Reading = tuple[tuple[str, ...], bool, float]  # an atom's candidates, short, confidence


def _reading(refs: tuple[_AliasRef, ...]) -> _Reading | None:
    """(candidates, short, confidence) of a match with these valid refs; None for none."""
    confidence = _rules()["confidence"]
    full = [r for r in refs if not r.short]
    if full:
        ref = min(full, key=lambda r: r.weak)
        return (ref.entry,), False, confidence["weak_alias"] if ref.weak else confidence["alias"]
    if refs:
        return tuple(dict.fromkeys(r.entry for r in refs)), True, confidence["bare_short"]
    return None


@lru_cache(maxsize=4096)
def _lookup(matched: str) -> tuple[tuple[_AliasRef, ...], bool, _Reading | None]:
    """The refs of an alias as the trie regex matched it, whether one of them depends on how it
    is written (case), and their reading when none does. Names recur: this is cached."""
    refs = _gazetteer().lexicon.get(_key(matched), ())
    case_sensitive = any(ref.case_key is not None for ref in refs)
    return refs, case_sensitive, None if case_sensitive else _reading(refs)


def _atoms(text: str, folded: str) -> list[_Atom]:
    gazetteer = _gazetteer()
    # where no name starting with a non-ASCII character can start (most English text), the
    # ASCII names alone give the same matches, and their regex starts with one of a set of
    # characters, which lets sre skip through the text without entering the regex engine
    if gazetteer.other_firsts.search(folded):
        pattern = gazetteer.pattern
    else:
        pattern = gazetteer.latin_pattern
    atoms: list[_Atom] = []
    for match in pattern.finditer(folded):
        start, end = match.span()
        if start and _is_ascii_alnum(folded[start - 1]) and _is_ascii_alnum(folded[start]):
            continue  # inside a word: "OneStep", "xMeta"
        refs, case_sensitive, reading = _lookup(match.group())
        if case_sensitive:
            reading = _reading(tuple(_valid_refs(text, start, end, refs)))
        if reading is not None:
            atoms.append(_Atom(start, end, *reading))
    return atoms


# --- tails: new versions and suffixes after a model ----------------------------------------------


def _extend_with_tail(text: str, folded: str, atom: _Atom) -> _Atom:
    """The atom grown over a following version or suffix ("Qwen" + " 3.7 Max")."""
    entry = _gazetteer().entries[atom.candidates[0]]
    if atom.short or entry["kind"] not in ("model", "product", "vendor"):
        return atom
    is_series = bool(entry.get("series"))
    if entry["kind"] == "vendor" and not is_series:
        return atom
    parts, end, identity_only = _tail_parts(text, folded, atom.end, allow_version=is_series)
    if not parts:
        return atom
    confidence = _rules()["confidence"]
    if identity_only:
        return replace(
            atom, end=end, confidence=min(atom.confidence, confidence["identity_suffix"])
        )
    canonical = _derived_name(entry, parts)
    refs = _gazetteer().lexicon.get(_key(canonical), ())
    known = [r.entry for r in refs if not r.short]
    if known:
        return _Atom(atom.start, end, (known[0],), False, atom.confidence)
    return _Atom(atom.start, end, atom.candidates, False, confidence["new_version"], canonical)


def _tail_parts(
    text: str, folded: str, pos: int, *, allow_version: bool
) -> tuple[list[tuple[str, str]], int, bool]:
    """(kind, token-as-written) parts after ``pos``, their end, and whether all are identity
    suffixes (which leave the model unchanged)."""
    helpers = _helpers()
    identity = set(_rules()["identity_suffixes"])
    parts: list[tuple[str, str]] = []
    end = pos
    for _ in range(3):
        match = helpers["tail"].match(folded, end)
        if match is None:
            break
        if match.group("version") is not None:
            if not allow_version or any(kind == "version" for kind, _ in parts):
                break
            if not _plausible_version(folded, match):
                break
            parts.append(("version", text[match.start("version") : match.end("version")]))
        else:
            if not _suffix_attached(text, match):
                break  # "Qwen large models", "the Kimi K2.5 thinking mode": ordinary words
            word = match.group("word")
            parts.append(
                (
                    "identity" if word in identity else "tier",
                    text[match.start("word") : match.end("word")],
                )
            )
        end = match.end()
    identity_only = bool(parts) and all(kind == "identity" for kind, _ in parts)
    return parts, end, identity_only


def _suffix_attached(text: str, match: re.Match[str]) -> bool:
    """Whether a suffix word is part of the name: "GLM-5-Air", "Qwen 3.5 Max", not "Qwen max"."""
    separator = text[match.start() : match.start("word")]
    return (
        "-" in separator.translate(_SHAPE) or not separator or text[match.start("word")].isupper()
    )


def _plausible_version(folded: str, match: re.Match[str]) -> bool:
    version = match.group("version")
    if version.isdigit() and int(version) > 20:
        return False  # "Kimi 100": a count, not a version
    return _helpers()["unit_after"].match(folded, match.end()) is None


def _derived_name(entry: dict[str, Any], parts: list[tuple[str, str]]) -> str:
    """The vendor's way of writing a new name: "GLM-5-Air", "Qwen 3.7 Max"."""
    family = _gazetteer().entries.get(entry.get("family") or "", {})
    joiner = entry.get("joiner") or family.get("joiner") or " "
    name = entry["name"]
    for kind, token in parts:
        if kind != "identity":
            name += joiner + (token if kind == "version" else token[:1].upper() + token[1:])
    return name


# --- combining atoms -----------------------------------------------------------------------------


def _related(owner: str, entry_name: str) -> bool:
    """Whether ``owner`` (a vendor or a series) owns the entry: MiniMax -> MiniMax M2.5."""
    entry = _gazetteer().entries[entry_name]
    return owner != entry_name and owner in (entry.get("vendor"), entry.get("family"))


def _is_owner(atom: _Atom) -> bool:
    if atom.short or atom.canonical is not None:
        return False
    entry = _gazetteer().entries[atom.candidates[0]]
    return entry["kind"] == "vendor" or bool(entry.get("series"))


def _owned(owner: _Atom, atom: _Atom) -> _Atom | None:
    """``atom`` resolved as a child of ``owner`` if it is one."""
    if not _is_owner(owner):
        return None
    owner_name = owner.candidates[0]
    names = [n for n in atom.candidates if _related(owner_name, n)]
    if len(names) != 1 or (not atom.short and _gazetteer().entries[names[0]]["kind"] == "vendor"):
        return None
    confidence = _rules()["confidence"]["short_with_vendor"] if atom.short else atom.confidence
    return replace(atom, candidates=(names[0],), short=False, confidence=confidence)


def _gap_matches(folded: str, left: _Atom, right: _Atom, rule: re.Pattern[str]) -> bool:
    return rule.fullmatch(folded, left.end, right.start) is not None


def _combined(folded: str, atoms: list[_Atom]) -> list[_Atom]:
    """Vendor + model and model + "of" + vendor merged into one model atom, in one pass."""
    vendor_model_gap = _helpers()["vendor_model_gap"]
    model_vendor_gap = _helpers()["model_vendor_gap"]
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        previous = out[-1] if out else None
        if previous is not None and _gap_matches(folded, previous, atom, vendor_model_gap):
            owned = _owned(previous, atom)
            if owned is not None:
                out[-1] = replace(owned, start=previous.start)
                i += 1
                continue
        following = atoms[i + 1] if i + 1 < len(atoms) else None
        if following is not None and _gap_matches(folded, atom, following, model_vendor_gap):
            owned = _owned(following, atom)
            if owned is not None:
                out.append(replace(owned, end=following.end))
                i += 2
                continue
        out.append(atom)
        i += 1
    return out


# a short alias written as a product name, a capitalized word and its version ("Step 3",
# "Opus 4.6"), and not a numbered step or heading ("Step 3: configure the key")
_PRODUCT_LIKE = re.compile(r"[A-Z][A-Za-z]+[ \-]\d{1,2}(?:\.\d{1,2})?")
_HEADING_AFTER = re.compile(r"[ ]*[:：]")


def _product_like(text: str, atom: _Atom) -> bool:
    return (
        _PRODUCT_LIKE.fullmatch(text, atom.start, atom.end) is not None
        and _HEADING_AFTER.match(text, atom.end) is None
    )


def _accepted_shorts(text: str, folded: str, atoms: list[_Atom]) -> list[_Atom]:
    """Bare short aliases kept only when unambiguous and in a model context, or written as a
    product name with its version ("Step 3 ranked third")."""
    entries = _gazetteer().entries
    window = int(_rules()["context_window"])
    owners = [(a.start, a.candidates[0]) for a in atoms if not a.short]
    positions = [pos for pos, _ in owners]
    kept: list[_Atom] = []
    named_in_full: set[str] = set()  # entries already written in full earlier in the text
    owners_named = {name for _, name in owners}
    for atom in atoms:
        if not atom.short:
            kept.append(atom)
            named_in_full.add(atom.candidates[0])
            continue
        if len(atom.candidates) != 1:
            continue
        entry = entries[atom.candidates[0]]
        owner_names = {entry.get("vendor"), entry.get("family")} - {None}
        lo = bisect.bisect_left(positions, atom.start - window)
        hi = bisect.bisect_right(positions, atom.end + window)
        near_owner = any(owners[j][1] in owner_names for j in range(lo, hi))
        model_word = _helpers()["model_word_after"].match(folded, atom.end) is not None
        # "MiniMax M2.5 ... (paragraphs later) M2.5 still topped the chart": a short form of a
        # model the text names in full before, or whose versioned vendor name ("M2.5" with
        # "MiniMax") it names anywhere, refers to that model
        versioned = any(ch.isdigit() for ch in folded[atom.start : atom.end])
        if (
            near_owner
            or model_word
            or entry["name"] in named_in_full
            or (versioned and owner_names & owners_named)
            or _product_like(text, atom)
        ):
            kept.append(replace(atom, short=False))
    return kept


def _mention(text: str, atom: _Atom) -> SubjectMention:
    entry = _gazetteer().entries[atom.candidates[0]]
    return SubjectMention(
        start=atom.start,
        end=atom.end,
        text=text[atom.start : atom.end],
        canonical=atom.canonical or entry["name"],
        kind="model" if atom.canonical else entry["kind"],
        vendor=entry.get("vendor"),
        country=entry.get("country"),
        confidence=atom.confidence,
    )


def _with_platform(mentions: list[SubjectMention]) -> list[SubjectMention]:
    """ "top 10 models" -> "OpenRouter top 10 models" when the text names that platform."""
    entries = _gazetteer().entries
    platforms = {m.canonical for m in mentions if m.kind == "platform"}
    if not platforms:
        return mentions
    ordered = sorted(platforms)
    out = []
    for mention in mentions:
        variants: dict[str, str] = entries.get(mention.canonical, {}).get("platform_variant", {})
        target = next((variants[p] for p in ordered if p in variants), None) if variants else None
        out.append(replace(mention, canonical=target) if target else mention)
    return out


_ANAPHORA_REACH = 800  # how far back "the company" looks for the company it means
_ANAPHORA_CONFIDENCE = 0.8
# "tokens processed on the platform", "the platform's top ten models": a place or a
# possessor, not the subject; left to the claim's own subject
_ANAPHORA_LOCATIVE = re.compile(
    r"(?:(?<![\w-])(?:on|across|to|from|of|at|in|onto|via|through|by)\s+|[在于从])$", re.IGNORECASE
)
_ANAPHORA_POSSESSED = re.compile(r"'s|’s|的")


@lru_cache(maxsize=1)
def _anaphora_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    from claimcheck.extract.sentences import cues  # the cue words live with the others

    kinds: dict[str, str] = {}
    for kind, phrases in cues()["definite_anaphora"].items():
        kinds.update({p.casefold(): kind for p in phrases})
    longest_first = sorted(kinds, key=len, reverse=True)
    english = [re.escape(p) for p in longest_first if p[:1].isascii()]
    others = [re.escape(p) for p in longest_first if not p[:1].isascii()]
    # one lookbehind in front of all the English phrases rather than one per phrase: sre
    # evaluates every branch's lookbehind at every position. They never start with the same
    # character as the others (Chinese), so grouping them keeps the longest-first choice.
    parts = [rf"(?<![\w-])(?:{'|'.join(english)})(?![\w-])"] if english else []
    return re.compile("|".join(parts + others), re.IGNORECASE), kinds


# the non-ASCII letters that re.IGNORECASE matches to ASCII ones ("İ", "ı" ~ i; "ſ" ~ s; "K"
# (Kelvin) ~ k): where none occurs, a phrase of ASCII or caseless characters can only match
# where the lower-cased text contains it
_CASE_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=1)
def _anaphora_phrases() -> tuple[str, ...] | None:
    """The phrases, to be found with ``str.find`` in the lower-cased text; None when one has a
    cased non-ASCII letter (its case twins could escape that search)."""
    phrases = tuple(_anaphora_regex()[1])
    if all(c.isascii() or c.lower() == c.upper() for phrase in phrases for c in phrase):
        return phrases
    return None


def _anaphora_matches(text: str) -> Iterator[re.Match[str]]:
    """The anaphora regex's matches in ``text``, as ``finditer`` gives them.

    Its search enters the regex engine at every position of the text; instead, only the places
    where the lower-cased text holds a phrase are tried (none in most texts), when that is
    exact: no case twin in the text, so the lower-cased text keeps every offset.
    """
    pattern, _ = _anaphora_regex()
    phrases = _anaphora_phrases()
    lowered = text.lower()
    if phrases is None or len(lowered) != len(text) or any(c in text for c in _CASE_TWINS):
        yield from pattern.finditer(text)
        return
    candidates: set[int] = set()
    for phrase in phrases:
        at = lowered.find(phrase)
        while at >= 0:
            candidates.add(at)
            at = lowered.find(phrase, at + 1)
    end = 0
    for start in sorted(candidates):
        match = pattern.match(text, start) if start >= end else None
        if match is not None:
            yield match
            end = match.end()


def _definite_anaphora(text: str, known: list[SubjectMention]) -> Iterator[SubjectMention]:
    """'The company reported revenue of US$78 million', '该平台拥有超过500万开发者用户': a
    definite description stands for the nearest earlier subject of its kind."""
    _, kinds = _anaphora_regex()
    starts = [m.start for m in known]
    for match in _anaphora_matches(text):
        kind = kinds[match.group().casefold()]
        if _ANAPHORA_LOCATIVE.search(text, max(0, match.start() - 8), match.start()) or (
            _ANAPHORA_POSSESSED.match(text, match.end())
        ):
            continue
        i = bisect.bisect_left(starts, match.start())
        earlier = [m for m in reversed(known[max(0, i - 40) : i])
                   if m.start >= match.start() - _ANAPHORA_REACH]
        meant = _positional(earlier, kind) if kind in _POSITIONS else next(
            (m for m in earlier if m.kind == kind), None)
        if meant is not None:
            yield SubjectMention(
                match.start(),
                match.end(),
                match.group(),
                meant.canonical,
                meant.kind,
                confidence=min(meant.confidence, _ANAPHORA_CONFIDENCE),
            )


_POSITIONS = ("latter", "former")


def _positional(earlier: list[SubjectMention], position: str) -> SubjectMention | None:
    """The subject 'the latter' (named last) or 'the former' (the other one of its kind named
    before it) means, from the mentions before it, nearest first; a platform is where the
    figures come from, not one of the two compared."""
    named = [m for m in earlier if m.kind != "platform"]
    if not named:
        return None
    latter = named[0]
    if position == "latter":
        return latter
    return next((m for m in named[1:]
                 if m.kind == latter.kind and m.canonical != latter.canonical), None)


def _unknown_matches(shaped: str) -> Iterator[re.Match[str]]:
    """``finditer`` of the "unknown" pattern, trying it only where "unknown_start" matches."""
    helpers = _helpers()
    pos = 0
    while (candidate := helpers["unknown_start"].search(shaped, pos)) is not None:
        match = helpers["unknown"].match(shaped, candidate.start())
        if match is None:
            pos = candidate.start() + 1
        else:
            yield match
            pos = match.end()


def _unknown_products(text: str, shaped: str, folded: str) -> Iterator[SubjectMention]:
    """Capitalized names with a tier word or a version or size tag that the gazetteer does not
    know: "AutoResearcher Pro", "Deep Research 2.0", "Step 3", "Nova Pro 2", "Zeta-9B".

    Not a name when a head word is an ordinary word that numbers things ("Week 7", "Top 10",
    "Section 2", "March 3", "Another 5": entity_rules.json unknown_stopwords) or when the
    number is a figure ("Growth 2.5 trillion", "Insights 11 min read")."""
    helpers = _helpers()
    stopwords = set(_rules()["unknown_stopwords"])
    score = float(_rules()["confidence"]["unknown"])
    for match in _unknown_matches(shaped):
        head = match.group("camel") or match.group("words") or match.group("name")
        if any(word in stopwords for word in head.split()):
            continue
        has_number = (
            match.group("version")
            or match.group("tag")
            or (match.group("tier") or "")[:1].isdigit()
        )
        if has_number and helpers["unit_after"].match(folded, match.end()):
            continue  # "Growth 2.5 trillion": a figure, not a version
        start, end = match.span()
        name = " ".join(text[start:end].translate(_SHAPE).split())
        yield SubjectMention(start, end, text[start:end], name, "unknown", confidence=score)


# 'building the “Memphis Supercluster” with one million GPUs': a quoted name of two to four
# capitalized words is a proper name the gazetteer does not know (one quoted word is too
# often emphasis)
_QUOTED_NAME = re.compile(
    r"[“\"](?P<name>[A-Z][A-Za-z0-9]*(?:[ \-‑][A-Z][A-Za-z0-9]*){1,3})[”\"]"
)


def _quoted_names(text: str) -> Iterator[SubjectMention]:
    score = float(_rules()["confidence"]["unknown"])
    for match in _QUOTED_NAME.finditer(text):
        start, end = match.span("name")
        name = " ".join(match.group("name").translate(_SHAPE).split())
        yield SubjectMention(start, end, text[start:end], name, "unknown", confidence=score)


def _interleaved(
    known: list[SubjectMention], extra: Iterable[SubjectMention]
) -> list[SubjectMention]:
    """``known`` plus the ``extra`` mentions that overlap none of them, in text order."""
    starts = [m.start for m in known]
    merged = list(known)
    for mention in extra:
        i = bisect.bisect_right(starts, mention.start)
        overlaps_left = i > 0 and known[i - 1].end > mention.start
        overlaps_right = i < len(known) and known[i].start < mention.end
        if not (overlaps_left or overlaps_right):
            merged.append(mention)
    return sorted(merged, key=lambda m: m.start)


# --- public API ----------------------------------------------------------------------------------


_POSSESSIVE_GAP = re.compile(r"(?:'s)?\s*")


def _after_known(
    known: list[SubjectMention], extra: Iterable[SubjectMention], text: str, shaped: str
) -> Iterator[SubjectMention]:
    """``extra`` names, each cut to start after a known name it begins with when the rest is
    still a name: "Amazon Nova Pro 2" -> the vendor, then "Nova Pro 2"."""
    starts = [m.start for m in known]
    for mention in extra:
        i = bisect.bisect_right(starts, mention.start) - 1
        head = known[i] if i >= 0 else None
        if head is None or not head.start <= mention.start < head.end < mention.end:
            yield mention
            continue
        gap = _POSSESSIVE_GAP.match(shaped, head.end)  # "Amazon's Nova 2"
        start = gap.end() if gap else head.end
        if _helpers()["unknown"].fullmatch(shaped, start, mention.end) is None:
            continue
        name = " ".join(text[start : mention.end].translate(_SHAPE).split())
        yield replace(mention, start=start, text=text[start : mention.end], canonical=name)


# "Chinese and US models", "Chinese/American models", "Chinese vs. US models": the group
# before the conjunction shares the head noun of the one after it
_ELIDED_BEFORE = re.compile(
    r"(?<![\w.-])([A-Z][\w.]*?)\.?\s*(?:,|/|&|\band\b|\bor\b|\bvs\b\.?|\bversus\b)\s*$"
)


def _elided_groups(text: str, known: list[SubjectMention]) -> Iterator[SubjectMention]:
    for mention in known:
        words = mention.text.split()
        if mention.kind != "group" or len(words) < 2:
            continue
        end = mention.start
        while (m := _ELIDED_BEFORE.search(text, max(0, end - 30), end)) is not None:
            name = f"{m[1]} {words[-1]}"
            resolved = _resolved_by_alias(name, name)
            if resolved is None or resolved.kind != "group":
                break
            yield replace(resolved, start=m.start(1), end=m.end(1), text=m[1])
            end = m.start(1)


@lru_cache(maxsize=1)
def _described_group_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    rules = _rules()
    groups: dict[str, str] = {w: g for g, ws in rules["group_nationalities"].items() for w in ws}
    nationality = "|".join(re.escape(w) for w in sorted(groups, key=len, reverse=True))
    heads = "|".join(re.escape(h) for h in rules["group_heads"])
    describer = "|".join(re.escape(w) for w in sorted(rules["group_describers"], key=len,
                                                           reverse=True))
    pattern = re.compile(
        rf"(?<![\w.])(?P<nat>{nationality})(?:[ \-]+(?:{describer})){{0,3}}[ \-]+(?:{heads})\b"
    )
    return pattern, groups


def _described_groups(text: str) -> Iterator[SubjectMention]:
    """'Chinese artificial intelligence models', 'their U.S. counterparts': a group the
    gazetteer lists under other words (entity_rules.json group_nationalities, group_heads)."""
    pattern, groups = _described_group_regex()
    for m in pattern.finditer(text):
        resolved = _resolved_by_alias(groups[m["nat"]], groups[m["nat"]])
        if resolved is not None:
            yield replace(resolved, start=m.start(), end=m.end(), text=m.group())


def find_subjects(text: str) -> list[SubjectMention]:
    """Every subject mention in ``text``, in order, non-overlapping, offsets into ``text``."""
    shaped, folded = _shaped_and_folded(text)
    atoms = [_extend_with_tail(text, folded, a) if not a.short else a for a in _atoms(text, folded)]
    atoms = _accepted_shorts(text, folded, _combined(folded, atoms))
    known = _with_platform([_mention(text, a) for a in atoms])
    known = _interleaved(known, _elided_groups(text, known))
    known = _interleaved(known, _described_groups(text))
    known = _interleaved(known, _definite_anaphora(text, known))
    unknown = _after_known(known, _unknown_products(text, shaped, folded), text, shaped)
    known = _interleaved(known, unknown)
    return _interleaved(known, _quoted_names(text))


def entity(canonical: str) -> dict[str, Any] | None:
    """The gazetteer entry of a canonical name (a copy), or None."""
    entry = _gazetteer().entries.get(canonical)
    return json.loads(json.dumps(entry)) if entry is not None else None


def resolve_subject(name: str) -> SubjectMention | None:
    """A name as written -> its canonical subject: exact alias, normalized alias, a single
    mention covering the whole name, then fuzzy matching; None when far from everything."""
    stripped = name.strip().strip("\"'“”‘’「」")
    if not stripped:
        return None
    resolved = _resolved_by_alias(name, stripped)
    if resolved is not None:
        return resolved
    mentions = [m for m in find_subjects(stripped) if m.kind != "unknown"]
    if len(mentions) > 1:
        return None  # "Chinese and US models" names several subjects, not a misspelled one
    if not mentions:
        return _resolved_fuzzily(name, stripped)
    resolved = _resolved_by_mention(name, stripped, mentions[0])
    if resolved is not None:
        return resolved
    # a misspelling around a known name ("Moonshot A.I.") must land on that same name
    fuzzy = _resolved_fuzzily(name, stripped)
    return fuzzy if fuzzy is not None and fuzzy.canonical == mentions[0].canonical else None


def _whole(name: str, canonical: str, confidence: float) -> SubjectMention:
    entry = _gazetteer().entries.get(canonical, {})
    return SubjectMention(
        start=0,
        end=len(name),
        text=name,
        canonical=canonical,
        kind=entry.get("kind", "model"),
        vendor=entry.get("vendor"),
        country=entry.get("country"),
        confidence=confidence,
    )


def _resolved_by_alias(name: str, stripped: str) -> SubjectMention | None:
    refs = _gazetteer().lexicon.get(_key(stripped), ())
    written = _case_key(stripped)
    valid = [r for r in refs if r.case_key in (None, written)]
    full = [r for r in valid if not r.short]
    confidence = _rules()["confidence"]
    if full:
        ref = min(full, key=lambda r: r.weak)
        return _whole(name, ref.entry, confidence["weak_alias" if ref.weak else "alias"])
    if len({r.entry for r in valid}) == 1:  # "M2.5" alone: a name, so a model name
        return _whole(name, valid[0].entry, confidence["bare_short"])
    return None


def _resolved_by_mention(
    name: str, stripped: str, mention: SubjectMention
) -> SubjectMention | None:
    if stripped[: mention.start].strip() or stripped[mention.end :].strip(" .,;:'\"’"):
        return _resolved_with_leftover(name, stripped, mention)
    return replace(mention, start=0, end=len(name), text=name)


def _resolved_with_leftover(
    name: str, stripped: str, mention: SubjectMention
) -> SubjectMention | None:
    """Names like "Kimi K2.5 Thinking": a model followed by words we do not know."""
    leftover = stripped[mention.end :]
    if stripped[: mention.start].strip() or mention.kind not in ("model", "product"):
        return None
    if re.search(r"\d", leftover) or len(leftover.split()) > 1:
        return None  # a different version or a phrase: not the same model
    confidence = _rules()["confidence"]["identity_suffix"]
    return replace(
        mention, start=0, end=len(name), text=name, confidence=min(mention.confidence, confidence)
    )


def _digits(key: str) -> str:
    return "".join(ch for ch in key if ch.isdigit())


def _resolved_fuzzily(name: str, stripped: str) -> SubjectMention | None:
    gazetteer = _gazetteer()
    rules = _rules()
    key = _key(stripped)
    if len(key) < 5:
        return None  # short names are too easy to confuse ("Groq" is not "Grok")
    cutoff = float(rules["fuzzy_cutoff"])
    for candidate, score, _ in process.extract(
        key, gazetteer.full_keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5
    ):
        if _digits(candidate) != _digits(key):
            continue  # versions never resolve fuzzily: "Qwen 3.7" is not "Qwen 3.5"
        ref = next(r for r in gazetteer.lexicon[candidate] if not r.short)
        low, high = rules["confidence"]["fuzzy_min"], rules["confidence"]["fuzzy_max"]
        confidence = low + (high - low) * (score - cutoff) / (100.0 - cutoff)
        return _whole(name, ref.entry, round(confidence, 3))
    return None
