from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

from quiz.management.commands import preview
from tests.test_services_preview import FACT_KEYS, FLASHCARD_KEYS, MCQ_KEYS


def run(*args: str) -> str:
    out = StringIO()
    call_command("preview", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def document_file(tmp_path, monkeypatch, collection):
    """Write a document and make the command build the factory collection from it."""
    monkeypatch.setattr(preview, "build_collection", lambda _documents: collection)
    path = tmp_path / "doc_000.txt"
    path.write_text("In 1900, something happened.\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_preview_json_touches_no_database(document_file, django_assert_num_queries):
    with django_assert_num_queries(0):
        output = run("--json", str(document_file))

    records = [json.loads(line) for line in output.splitlines()]
    expected = {"fact": FACT_KEYS, "mcq": MCQ_KEYS, "flashcard": FLASHCARD_KEYS}
    assert len(records) == 6 + 12 + 12
    assert all(list(record) == expected[record["kind"]] for record in records)


def test_preview_text_shows_left_out_section(document_file):
    output = run(str(document_file))

    assert "Published: unknown (not needed: no date in the text depends on it)" in output
    assert "Left out (0):" in output


def test_preview_unreadable_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match=r"missing\.txt"):
        run(str(tmp_path / "missing.txt"))


def test_preview_binary_file_names_the_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00")

    with pytest.raises(CommandError, match=r"image\.txt: binary data"):
        run(str(tmp_path / "image.txt"))


def test_preview_real_seed_json_lines_parse(settings):
    seed = sorted(settings.CONTENT_SEEDS_DIR.glob("*.txt"))[0]

    records = [json.loads(line) for line in run("--json", str(seed)).splitlines()]

    assert any(record["kind"] == "fact" for record in records)
    assert all(0 <= r["answer"] < len(r["options"]) for r in records if r["kind"] == "mcq")


def test_preview_runs_without_a_database(tmp_path):
    seed = sorted(django_settings.CONTENT_SEEDS_DIR.glob("*.txt"))[0]
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}"}

    result = subprocess.run(
        [sys.executable, "manage.py", "preview", "--json", str(seed)],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()
