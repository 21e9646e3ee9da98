from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

NEWS = """---
title: Storm floods the coast
published: 2024-05-14
---
The storm flooded the old harbour district on 2 May. A spokesman said on Tuesday that repairs would take weeks.
"""


def run(*args: str) -> str:
    out = StringIO()
    call_command("content_report", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_content_report_json_counts_what_is_asked_and_left_out(tmp_path, django_assert_num_queries):
    (tmp_path / "storm.txt").write_text(NEWS, encoding="utf-8")

    with django_assert_num_queries(0):
        report = json.loads(run("--json", str(tmp_path)))

    assert (report["documents"], report["facts_found"], report["facts_asked"]) == (1, 2, 1)
    assert report["facts_left_out"] == {"reporting verb": 1}
    assert report["texts"] > 0
    assert report["defects"] == {}


def test_content_report_reads_the_seeds_by_default():
    output = run()

    assert output.startswith("Documents: 2\n")
    assert "Left out, by reason:" in output
    assert "Defects: " in output


def test_content_report_names_an_unreadable_document(tmp_path):
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\x00\x00")

    with pytest.raises(CommandError, match=r"broken\.txt"):
        run(str(tmp_path / "broken.txt"))


def test_content_report_sample_prints_items_a_teacher_can_rate_without_the_code():
    sheet = run("--sample", "8", "--seed", "3")

    assert sheet == run("--sample", "8", "--seed", "3")  # the same sheet for the same seed
    items = sheet.split("\nITEM ")
    assert sheet.startswith("ITEM 1 (")
    assert len(items) == 8
    assert all("Document: " in item and "Source sentence: " in item for item in items)
    assert "(flashcard)" in sheet
    assert "(multiple choice)" in sheet
    assert "* " in sheet  # each question marks its keyed answer
    assert sheet != run("--sample", "8", "--seed", "4")


def test_content_report_sample_refuses_a_size_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        run("--sample", "0")
