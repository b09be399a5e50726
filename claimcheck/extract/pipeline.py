"""The spaCy pipeline: ``spacy.blank(lang)`` plus claimcheck's registered components.

An article is scanned once with cheap regexes (sentences, subjects, periods); only the
sentences that hold a figure become spaCy Docs, and the components work on those:

    claimcheck_figures   -> doc.spans["figures"]   (Span._.figure: Figure)
    claimcheck_subjects  -> doc.spans["subjects"]  (Span._.subject: SubjectMention)
    claimcheck_periods   -> doc.spans["periods"]   (Span._.period: PeriodMention)
    claimcheck_claims    -> doc._.claims           (list[Claim])

Each sentence Doc carries ``doc._.article`` (the article-wide scan and assembly state) and
``doc._.sentence`` (its offsets in the article), so spans are built from article offsets.
A Doc per sentence, not per article, keeps the tokenizer off the sentences without figures and
bounds a Doc's memory whatever the article's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimcheck.extract.claims import ArticleState, sentence_claims
from claimcheck.extract.numbers import find_figures
from claimcheck.extract.sentences import Sentence, within
from claimcheck.extract.types import Figure, PeriodMention, SubjectMention

PIPELINE = ("claimcheck_figures", "claimcheck_subjects", "claimcheck_periods", "claimcheck_claims")

for _name in ("article", "sentence", "claims"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("figure", "subject", "period"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _span(
    doc: Doc, offset: int, start: int, end: int, label: str, attr: str, value: Any
) -> Span | None:
    """A Span over article offsets start..end of a sentence Doc that starts at ``offset``,
    carrying ``value`` in ``Span._.<attr>``."""
    span = doc.char_span(start - offset, end - offset, label=label, alignment_mode="expand")
    if span is not None:
        span._.set(attr, value)
    return span


@Language.factory("claimcheck_figures")
def make_figures(nlp: Language, name: str) -> FigureRecognizer:
    return FigureRecognizer()


class FigureRecognizer:
    """Numbers with their scale, unit, qualifier and the change/price words glued to them."""

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._  # each ``doc._`` builds a new accessor object: take it once
        state: ArticleState = underscore.article
        sentence: Sentence = underscore.sentence
        offset = sentence.start
        spans = []
        # the article's text, not doc.text, which spaCy joins from the tokens on every access
        for fig in find_figures(state.text[sentence.start : sentence.end]):
            shifted = Figure(
                fig.start + offset,
                fig.end + offset,
                fig.text,
                fig.value,
                fig.unit,
                fig.qualifier,
                fig.attributes,
                fig.decimals,
            )
            span = _span(doc, offset, shifted.start, shifted.end, "FIGURE", "figure", shifted)
            if span is not None:
                spans.append(span)
        doc.spans["figures"] = spans
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
        spans = []
        for m in within(mentions, sentence):
            end = min(m.end, sentence.end)
            span = _span(doc, sentence.start, m.start, end, self.label, self.attr, m)
            if span is not None:
                spans.append(span)
        doc.spans[self.group] = spans
        return doc


@Language.factory("claimcheck_claims")
def make_claims(nlp: Language, name: str) -> ClaimAssembler:
    return ClaimAssembler()


class ClaimAssembler:
    """Figures + subjects + periods of the sentence -> typed Claims (see claims.py)."""

    def __call__(self, doc: Doc) -> Doc:
        figures = [span._.figure for span in doc.spans["figures"]]
        underscore = doc._
        underscore.claims = sentence_claims(underscore.sentence, figures, underscore.article)
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
