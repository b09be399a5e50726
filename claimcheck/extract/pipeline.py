"""The spaCy pipeline: ``spacy.blank(lang)`` plus claimcheck's registered components.

An article is scanned once with cheap regexes (sentences, subjects, periods); only the
sentences that hold a figure become spaCy Docs, and the components work on those:

    claimcheck_figures   -> doc._.figures          (list[Figure]), doc.spans["figures"]
                                                   (Span._.figure: Figure)
    claimcheck_subjects  -> doc.spans["subjects"]  (Span._.subject: SubjectMention)
    claimcheck_periods   -> doc.spans["periods"]   (Span._.period: PeriodMention)
    claimcheck_claims    -> doc._.claims           (list[Claim])

Each sentence Doc carries ``doc._.article`` (the article-wide scan and assembly state) and
``doc._.sentence`` (its offsets in the article), so spans are built from article offsets.
A Doc per sentence, not per article, keeps the tokenizer off the sentences without figures and
bounds a Doc's memory whatever the article's size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimcheck.extract.claims import ArticleState, sentence_claims
from claimcheck.extract.numbers import find_figures
from claimcheck.extract.sentences import Sentence, within
from claimcheck.extract.types import PeriodMention, SubjectMention

PIPELINE = ("claimcheck_figures", "claimcheck_subjects", "claimcheck_periods", "claimcheck_claims")

for _name in ("article", "sentence", "figures", "claims"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("figure", "subject", "period"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _spans(
    doc: Doc, offset: int, items: Iterable[tuple[int, int, Any]], label: str, attr: str
) -> list[Span]:
    """Spans over article offsets (start, end) of a sentence Doc that starts at ``offset``, each
    carrying its item in ``Span._.<attr>``; over the tokens the offsets touch, and none for an
    item whose tokens an earlier item's span covers already: spaCy keys a Span's extension
    values by its character offsets, so the two would share one item (a Chinese sentence is a
    single token to the English tokenizer, and an English article may quote one)."""
    spans: list[Span] = []
    covered: set[tuple[int, int]] = set()
    for start, end, value in items:
        span = doc.char_span(start - offset, end - offset, label=label, alignment_mode="expand")
        if span is not None and (span.start, span.end) not in covered:
            covered.add((span.start, span.end))
            span._.set(attr, value)
            spans.append(span)
    return spans


@Language.factory("claimcheck_figures")
def make_figures(nlp: Language, name: str) -> FigureRecognizer:
    return FigureRecognizer()


class FigureRecognizer:
    """Numbers with their scale, unit, qualifier and the change/price words glued to them:
    ``doc._.figures``, and their spans where tokens allow (``_spans``)."""

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._  # each ``doc._`` builds a new accessor object: take it once
        state: ArticleState = underscore.article
        sentence: Sentence = underscore.sentence
        offset = sentence.start
        # the article's text, not doc.text, which spaCy joins from the tokens on every access
        figures = [replace(fig, start=fig.start + offset, end=fig.end + offset)
                   for fig in find_figures(state.text[sentence.start : sentence.end])]
        underscore.figures = figures
        doc.spans["figures"] = _spans(doc, offset, ((f.start, f.end, f) for f in figures),
                                      "FIGURE", "figure")
        return doc


@Language.factory("claimcheck_subjects")
def make_subjects(nlp: Language, name: str) -> MentionAttacher:
    return MentionAttacher("subjects", "subject", "SUBJECT")


@Language.factory("claimcheck_periods")
def make_periods(nlp: Language, name: str) -> MentionAttacher:
    return MentionAttacher("periods", "period", "PERIOD")


class MentionAttacher:
    """Attach the article-wide mentions (gazetteer subjects, periods) that fall in this sentence.

    They are recognized once per article, not per sentence, because a period or a subject in a
    sentence with no figure still sets the context of the sentences after it.
    """

    def __init__(self, group: str, attr: str, label: str) -> None:
        self.group, self.attr, self.label = group, attr, label

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._
        state: ArticleState = underscore.article
        sentence: Sentence = underscore.sentence
        mentions: Sequence[SubjectMention | PeriodMention] = (
            state.subjects if self.group == "subjects" else state.periods
        )
        doc.spans[self.group] = _spans(
            doc, sentence.start,
            ((m.start, min(m.end, sentence.end), m) for m in within(mentions, sentence)),
            self.label, self.attr,
        )
        return doc


@Language.factory("claimcheck_claims")
def make_claims(nlp: Language, name: str) -> ClaimAssembler:
    return ClaimAssembler()


class ClaimAssembler:
    """Figures + subjects + periods of the sentence -> typed Claims (see claims.py)."""

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._
        underscore.claims = sentence_claims(underscore.sentence, underscore.figures,
                                            underscore.article)
        return doc


@lru_cache(maxsize=4)
def pipeline(lang: str = "en", model: str | None = None) -> Language:
    """The pipeline for a language, built once per process.

    ``model`` names an installed trained spaCy pipeline to start from instead of a blank one
    (opt-in; nothing is downloaded).
    """
    base = "zh" if lang.startswith("zh") else "en"
    nlp = spacy.load(model, exclude=["ner"]) if model else spacy.blank(base)
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


def model_available(model: str) -> bool:
    """Whether ``model`` names an installed spaCy pipeline package or a pipeline directory."""
    return bool(spacy.util.is_package(model)) or Path(model).is_dir()
