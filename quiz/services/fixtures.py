"""Write the content as a Django fixture with natural keys, so `loaddata` updates rows in place.

The fixture leaves out `Question.is_enabled` (the teacher's switch) and `Document.reloaded_at`, and
`quiz.models.content.keep_local_fields` keeps their database values when `loaddata` rewrites an existing row.
Loading a fixture adds and updates rows but never retires them; `reload_content` does that.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db.models import DateField

from quiz.content.collection import Collection
from quiz.services.rows import content_rows


def collection_to_fixture(collection: Collection) -> list[dict[str, Any]]:
    """Return the fixture objects of a collection: parents first, in a stable order, without "pk"."""
    objects: list[dict[str, Any]] = []
    for level in content_rows(collection):
        label = level.model._meta.label_lower
        dates = [name for name in level.fields if isinstance(level.model._meta.get_field(name), DateField)]
        for key, values in level.rows.items():
            fields = dict(zip(level.fields, values, strict=True), key=key)
            if level.parent:
                fields[level.parent] = [fields[level.parent]]  # a natural foreign key
            for name in dates:
                fields[name] = fields[name] and fields[name].isoformat()
            objects.append({"model": label, "fields": fields})
    return objects


def fixture_write(*, collection: Collection, path: Path) -> None:
    """Write the fixture of a collection; the same collection always gives the same bytes.

    One object per line keeps diffs to one line per changed row, and lets json use its C encoder,
    which `indent` would turn off.
    """
    objects = collection_to_fixture(collection)
    lines = ",\n".join(json.dumps(item, ensure_ascii=False, sort_keys=True) for item in objects)
    text = f"[\n{lines}\n]\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)  # readers never see a half-written fixture
