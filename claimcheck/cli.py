"""The command line: each command parses options, calls one library function, prints.

This is the only module that talks to the terminal.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from claimcheck import __version__
from claimcheck.batch import IngestSummary, Rate, default_jobs, ingest, reconcile_all
from claimcheck.ingest import Defaults, load_article, parse_date
from claimcheck.models import CLAIM_KINDS, STATUSES, ExtractDocument
from claimcheck.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db",
        envvar="CLAIMCHECK_DB",
        default="claimcheck.db",
        show_default=True,
        help="SQLite file or SQLAlchemy URL (env CLAIMCHECK_DB).",
    )(func)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


published_option = click.option(
    "--published", callback=_date, metavar="YYYY-MM-DD",
    help="Publication date for articles whose metadata lacks one.",
)
source_option = click.option(
    "--source",
    help="Outlet name for articles whose metadata and top lines (dateline, byline) name none.",
)
lang_option = click.option("--lang", help="Language (en, zh) when the metadata lacks it.")
def _model(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from claimcheck.extract.pipeline import model_available

    if value and not model_available(value):
        raise click.BadParameter(
            f"no installed spaCy pipeline named {value!r} (claimcheck never downloads one)"
        )
    return value


model_option = click.option(
    "--model", metavar="NAME", callback=_model,
    help="An installed trained spaCy pipeline to extract with (default: none, spacy.blank).",
)
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=default_jobs,
    show_default="number of cores",
    help="Worker processes for extraction; above 1, reconciliation runs in one more.",
)


@click.group()
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """Fact-check the numbers in news about AI models."""


def _run_ingest(
    db: str, paths: tuple[str, ...], defaults: Defaults, jobs: int = 1, model: str | None = None
) -> tuple[Store, IngestSummary]:
    store = Store(db)
    if sys.stderr.isatty():
        rate = Rate()
        with click.progressbar(length=0, label="Ingesting", file=sys.stderr,
                               item_show_func=lambda x: x) as bar:

            def stage(message: str) -> None:
                bar.label, bar.current_item = message, None  # the last article is done with
                bar.render_progress()

            summary = ingest(
                store, paths, defaults, jobs=jobs, model=model,
                progress=lambda origin: bar.update(1, f"{rate.tick():.1f} articles/s  {origin}"),
                stage=stage,
            )
    else:
        summary = ingest(store, paths, defaults, jobs=jobs, model=model)
    for problem in summary.problems:
        prefix = "error" if problem.fatal else "warning"
        click.echo(f"{prefix}: {problem}", err=True)
    click.echo(
        f"{summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed; "
        f"{summary.claims} claims, {summary.discrepancies} new discrepancies"
        + (f", {summary.reopened} reopened" if summary.reopened else "")
        + (f"; {summary.resumed} resumed from an interrupted run" if summary.resumed else ""),
        err=True,
    )
    return store, summary


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@source_option
@lang_option
@jobs_option
@model_option
def ingest_command(
    paths: tuple[str, ...], db: str, published: dt.date | None, source: str | None,
    lang: str | None, jobs: int, model: str | None,
) -> None:
    """Read articles (files or directories) into the database, extract and reconcile."""
    _store, summary = _run_ingest(
        db, paths, Defaults(published, source, lang), jobs=jobs, model=model
    )
    sys.exit(0 if summary.ok else 1)


@main.command("check")
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@source_option
@lang_option
@jobs_option
@model_option
def check_command(
    paths: tuple[str, ...], db: str, published: dt.date | None, source: str | None,
    lang: str | None, jobs: int, model: str | None,
) -> None:
    """The main job: ingest PATHS, extract, reconcile, and print the discrepancy report."""
    from claimcheck.report import render_report

    store, summary = _run_ingest(
        db, paths, Defaults(published, source, lang), jobs=jobs, model=model
    )
    click.echo(render_report(store, fmt="text", color=sys.stdout.isatty()))
    sys.exit(0 if summary.ok else 1)


@main.command("extract")
@click.argument("file", type=click.Path(dir_okay=False))
@published_option
@lang_option
@model_option
def extract_command(
    file: str, published: dt.date | None, lang: str | None, model: str | None
) -> None:
    """Print one article and its claims as JSON (no database involved)."""
    from claimcheck.extract import extract_claims

    try:
        article = load_article(file, Defaults(published=published, lang=lang))
        claims = extract_claims(article, model=model)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    doc = ExtractDocument(article=article, claims=claims)
    click.echo(doc.model_dump_json(indent=2))


@main.command("export")
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of standard output.")
@click.option("--since", callback=_date, metavar="YYYY-MM-DD",
              help="Only discrepancies changed and articles published since this date.")
@click.option("--status", type=click.Choice(["all", *STATUSES]), default="all",
              show_default=True)
@click.option("--format", "fmt", type=click.Choice(["contract", "claimreview"]),
              default="contract", show_default=True,
              help="The JSON contract, or schema.org ClaimReview JSON-LD of the confirmed and "
                   "corrected discrepancies.")
@click.option("--publisher", default="claimcheck", show_default=True,
              help="ClaimReview author: the organization publishing the fact-checks.")
@click.option("--publisher-url", help="ClaimReview author's web site.")
@click.option("--base-url", help="ClaimReview url = this prefix + discrepancy id "
                                 "(default: a urn:claimcheck: identifier).")
def export_command(
    db: str, output: str | None, since: dt.date | None, status: str, fmt: str,
    publisher: str, publisher_url: str | None, base_url: str | None,
) -> None:
    """Write everything in the store as the contract's JSON export document, or ClaimReviews."""
    store = Store(db)
    if fmt == "contract":
        _write(store.export(since=since, status=status).model_dump_json(indent=2), output)
        return
    from claimcheck.report.claimreview import claim_reviews, claim_reviews_json

    try:
        reviews = claim_reviews(store, publisher=publisher, publisher_url=publisher_url,
                                base_url=base_url, since=since, status=status)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    _write(claim_reviews_json(reviews), output)


@main.command("reconcile")
@db_option
def reconcile_command(db: str) -> None:
    """Re-run reconciliation over the whole store (reviews are kept)."""
    new, reopened = reconcile_all(Store(db))
    click.echo(f"{new} new discrepancies, {reopened} reopened", err=True)


@main.command("claims")
@db_option
@click.option("--kind", type=click.Choice(list(CLAIM_KINDS)),
              help="Only claims of this kind.")
@click.option("--subject", help="Only claims whose subject contains this text.")
@click.option("--article", "article_id", help="Only claims of this article id (or prefix).")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def claims_command(
    db: str, kind: str | None, subject: str | None, article_id: str | None, as_json: bool
) -> None:
    """List stored claims for a quick look."""
    store = Store(db)
    if article_id:
        article_id = _article_id(store, article_id)
    claims = store.claims(kind=kind, subject=subject, article_id=article_id)
    if as_json:
        for claim in claims:
            click.echo(claim.model_dump_json())
        return
    from claimcheck.report.wording import claim_value_words, period_words

    for c in claims:
        click.echo(f"{c.id[:10]}  {c.kind:<12} {c.subject[:26]:<26} "
                   f"{claim_value_words(c)[:30]:<30} {period_words(c.period)}")
    click.echo(f"{len(claims)} claims", err=True)


def _article_id(store: Store, prefix: str) -> str:
    try:
        return store.resolve_article_id(prefix)
    except LookupError:
        raise click.BadParameter(f"no single article id starts with {prefix!r}",
                                 param_hint="--article") from None


def _write(content: str, output: str | None) -> None:
    if output:
        Path(output).write_text(content + "\n", encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(content)


@main.command("report")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]),
              default="text", show_default=True)
@click.option("--status", type=click.Choice(["all", *STATUSES]), default="open",
              show_default=True)
@click.option("--severity", type=click.Choice(["high", "medium", "low"]))
@click.option("--article", "article_id", help="Only discrepancies involving this article.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of standard output.")
@click.option("--color/--no-color", default=None,
              help="Colors in the text report (default: only on a terminal).")
def report_command(
    db: str, fmt: str, status: str, severity: str | None, article_id: str | None,
    output: str | None, color: bool | None,
) -> None:
    """Print the discrepancy report (open ones by default) as text, Markdown, HTML or JSON."""
    from claimcheck.report import render_report

    store = Store(db)
    if article_id:
        article_id = _article_id(store, article_id)
    if color is None:
        color = output is None and sys.stdout.isatty()
    content = render_report(store, fmt, color=color and fmt == "text", status=status,
                            severity=severity, article_id=article_id)
    _write(content.rstrip("\n"), output)


@main.command("review")
@click.argument("discrepancy_id", required=False)
@db_option
@click.option("--status", type=click.Choice(["confirmed", "dismissed", "corrected", "needs_info"]),
              help="The decision on DISCREPANCY_ID.")
@click.option("--note", help="Why, for the audit trail.")
@click.option("--editor", envvar="CLAIMCHECK_EDITOR",
              help="Who decides (env CLAIMCHECK_EDITOR, default the login name).")
@click.option("--history", is_flag=True, help="Show the review trail of DISCREPANCY_ID.")
@click.option("--severity", type=click.Choice(["high", "medium", "low"]),
              help="Walk only open discrepancies of this severity.")
def review_command(
    discrepancy_id: str | None, db: str, status: str | None, note: str | None,
    editor: str | None, history: bool, severity: str | None,
) -> None:
    """Decide on a discrepancy, show its history, or (without an id) walk the open ones."""
    from claimcheck import review

    store = Store(db)
    editor = editor or review.default_editor()
    try:
        if discrepancy_id is None:
            if status or history or note:
                raise click.UsageError("--status, --note and --history need a DISCREPANCY_ID")
            review.walk_open(store, click.echo, _ask, editor, severity=severity,
                             color=sys.stdout.isatty())
        elif history:
            found, reviews = review.review_history(store, discrepancy_id)
            click.echo(review.history_words(discrepancy_id, found, reviews))
        elif status is None:
            raise click.UsageError("give --status (or --history) with a DISCREPANCY_ID")
        else:
            saved = review.record_review(store, discrepancy_id, status, editor, note)
            click.echo(f"{saved.discrepancy_id}: {saved.status} by {saved.editor}")
    except review.ReviewError as exc:
        raise click.ClickException(str(exc)) from None


def _ask(question: str) -> str:
    try:
        answer: str = click.prompt(question, default="", show_default=False)
    except click.Abort:  # Ctrl-D or Ctrl-C: decisions so far are already saved
        raise EOFError from None
    return answer


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False), default="corpora/gold")
@click.option("--kind", "kinds", multiple=True, help="Only these claim kinds.")
@click.option("--lang", help="Only gold articles in this language.")
@click.option("--show-misses", is_flag=True, help="List gold claims not found and extra claims.")
@click.option(
    "--show-period-misses",
    is_flag=True,
    help="List claims found with the right value but a period other than gold's.",
)
def eval_command(
    gold_dir: str,
    kinds: tuple[str, ...],
    lang: str | None,
    show_misses: bool,
    show_period_misses: bool,
) -> None:
    """Score the extractor against hand-made gold annotations (precision, recall, F1)."""
    from claimcheck.evaluate import evaluate, period_misses, score_table

    result = evaluate(Path(gold_dir), kinds=kinds or None, lang=lang)
    click.echo(f"{result.articles} articles")
    click.echo(score_table(result))
    if show_misses:
        click.echo("\nmissed:\n  " + "\n  ".join(result.misses))
        click.echo("\nextra:\n  " + "\n  ".join(result.extras))
    if show_period_misses:
        rows = period_misses(Path(gold_dir), kinds=kinds or None, lang=lang)
        click.echo(f"\nperiod misses ({len(rows)}):")
        for row in rows:
            click.echo("  " + row.line())


if __name__ == "__main__":  # pragma: no cover
    main()
