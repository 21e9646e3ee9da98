from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from quiz.management.commands import build_fixtures
from quiz.models import Fact


def run(*args: str) -> str:
    out = StringIO()
    call_command("build_fixtures", *args, stdout=out)
    return out.getvalue()


def test_build_fixtures_prints_summary_and_path(tmp_path, monkeypatch, collection):
    monkeypatch.setattr(build_fixtures, "collection_from_directory", lambda _directory: collection)
    output_path = tmp_path / "out" / "content.json"

    output = run("--output", str(output_path))

    assert "2 documents, 6 facts, 12 questions and 12 flashcards" in output
    assert str(output_path) in output
    assert output_path.exists()


def test_build_fixtures_bad_document_names_the_file(tmp_path):
    (tmp_path / "broken.txt").write_text("---\ntitle: never closed\nIn 1947 it began.\n", encoding="utf-8")
    output_path = tmp_path / "content.json"

    with pytest.raises(CommandError, match=r"broken\.txt: front matter .* never closed"):
        run("--seeds", str(tmp_path), "--output", str(output_path))

    assert not output_path.exists()


@pytest.mark.django_db
def test_build_fixtures_real_seeds_twice_same_bytes_and_loads(tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    run("--seeds", str(settings.CONTENT_SEEDS_DIR), "--output", str(first))
    run("--seeds", str(settings.CONTENT_SEEDS_DIR), "--output", str(second))

    call_command("loaddata", str(first), verbosity=0)

    assert first.read_bytes() == second.read_bytes()
    assert Fact.objects.count() > 0


def test_build_fixtures_committed_fixture_matches_the_seeds(tmp_path):
    fresh = tmp_path / "content.json"
    run("--seeds", str(settings.CONTENT_SEEDS_DIR), "--output", str(fresh))

    assert settings.CONTENT_FIXTURE.read_bytes() == fresh.read_bytes(), (
        "run `make fixtures` and commit the result"
    )
