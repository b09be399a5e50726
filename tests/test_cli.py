"""The command line, driven through CliRunner (and once as two real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.store import Store

from .conftest import ROOT, SCHEMAS, SEEDS


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text())


def test_extract_prints_contract_json_and_touches_no_database(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(SEEDS / "003_ddd2a2b18123b850.txt")])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    jsonschema.validate(document, _schema("extract"))
    assert document["schema_version"] == "1"
    assert document["article"]["source"] == "National Business Daily"
    assert document["claims"], "the seed states many figures"
    text = document["article"]["text"]
    for claim in document["claims"]:
        start, end = claim["span"]
        assert text[start:end].strip(), claim
        assert claim["article_id"] == document["article"]["id"]
    assert not list(tmp_path.iterdir())


def test_extract_options_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Chinese models processed 4.12 trillion tokens last week.")
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2026-02-23"])
    assert result.exit_code == 0
    article = json.loads(result.output)["article"]
    assert article["published"] == "2026-02-23" and article["published_origin"] == "metadata"
    bad = CliRunner().invoke(main, ["extract", str(path), "--published", "23/02/2026"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    missing = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output
    assert "Traceback" not in missing.output


def test_ingest_counts_and_exit_codes(db_path: str, tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(SEEDS), "--db", db_path])
    assert first.exit_code == 0, first.output
    assert "5 new, 0 unchanged, 0 failed" in first.output
    (tmp_path / "bad.json").write_text("{oops")
    second = runner.invoke(main, ["ingest", str(SEEDS), str(tmp_path), "--db", db_path])
    assert second.exit_code == 1
    assert "0 new, 5 unchanged, 1 failed" in second.output
    assert f"error: {tmp_path / 'bad.json'}: malformed JSON" in second.output
    assert "Traceback" not in second.output


def test_db_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = CliRunner().invoke(
        main, ["ingest", str(SEEDS / "004_2f65a5d2a5945f8a.txt")], env={"CLAIMCHECK_DB": str(db)}
    )
    assert result.exit_code == 0, result.output
    assert Store(str(db)).counts()["articles"] == 1


def test_check_then_export_validates(db_path: str) -> None:
    runner = CliRunner()
    check = runner.invoke(main, ["check", str(SEEDS), "--db", db_path])
    assert check.exit_code == 0, check.output
    assert "discrepanc" in check.output
    export = runner.invoke(main, ["export", "--db", db_path])
    assert export.exit_code == 0
    document = json.loads(export.output)
    jsonschema.validate(document, _schema("export"))
    assert len(document["articles"]) == 5
    assert len(document["claims"]) == Store(db_path).counts()["claims"] > 0


def test_check_report_is_the_same_with_one_or_two_jobs(tmp_path: Path) -> None:
    reports = []
    for jobs in ("1", "2"):
        db = str(tmp_path / f"jobs{jobs}.db")
        result = CliRunner().invoke(main, ["check", str(SEEDS), "--db", db, "--jobs", jobs])
        assert result.exit_code == 0, result.output
        reports.append(result.stdout)
    assert reports[0] == reports[1] and "discrepanc" in reports[0]


def test_model_option_refuses_a_pipeline_that_is_not_installed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Chinese models processed 4.12 trillion tokens last week.")
    for command in (["extract", str(path)], ["ingest", str(path), "--db", str(tmp_path / "x.db")]):
        result = CliRunner().invoke(main, [*command, "--model", "xx_no_such_pipeline"])
        assert result.exit_code == 2
        assert "no installed spaCy pipeline named 'xx_no_such_pipeline'" in result.output
    assert not (tmp_path / "x.db").exists()


def test_model_option_extracts_with_a_pipeline_from_disk(tmp_path: Path) -> None:
    import spacy

    spacy.blank("en").to_disk(tmp_path / "pipeline")  # stands in for an installed trained one
    path = tmp_path / "a.txt"
    path.write_text("Chinese models processed 4.12 trillion tokens last week.")
    runner = CliRunner()
    default = runner.invoke(main, ["extract", str(path)])
    with_model = runner.invoke(main, ["extract", str(path), "--model", str(tmp_path / "pipeline")])
    assert with_model.exit_code == 0, with_model.output
    assert json.loads(with_model.output)["claims"] == json.loads(default.output)["claims"] != []


def test_export_to_file(db_path: str, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", db_path])
    result = CliRunner().invoke(main, ["export", "--db", db_path, "-o", str(out)])
    assert result.exit_code == 0
    jsonschema.validate(json.loads(out.read_text()), _schema("export"))


def test_two_ingest_processes_at_once(db_path: str) -> None:
    command = [sys.executable, "-m", "claimcheck.cli", "ingest", "--db", db_path]
    paths = [
        [str(SEEDS), str(ROOT / "corpora" / "articles")],
        [str(ROOT / "corpora" / "articles"), str(SEEDS)],
    ]
    procs = [
        subprocess.Popen(command + p, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in paths
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert not any("locked" in err for _out, err in outputs)
    store = Store(db_path)
    expected = sum(1 for f in (ROOT / "corpora" / "articles").iterdir() if f.is_file())
    assert store.counts()["articles"] >= 5 + expected
