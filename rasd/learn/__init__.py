"""Learned decisions (issue 17's design: rules propose, models decide, rules normalise).

Each module here trains one small linear model on ``../shared/eval/train.jsonl`` (never on the dev sets)
and decides with numpy alone at run time. ``rasd train`` calls every trainer named in :data:`TRAINERS`;
each exposes ``train(train_path, out_dir, seed=0) -> dict`` (cross-validated metrics) and writes its
weights into ``out_dir`` (``rasd/data/models/`` for the shipped ones, each with a model card beside it).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

# In dependency order: the event decision reads the actors' roles (and so the role model), so the role
# model is trained first; a second run over the same data then rebuilds every file bit for bit.
TRAINERS: list[str] = ["rasd.learn.actor_roles", "rasd.learn.tolls", "rasd.learn.event_dates", "rasd.learn.incidents",
                       "rasd.learn.events"]


def read_records(path: Path | str) -> Iterator[dict]:
    """The article records of a JSONL training file, in file order (blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def documents(records: Iterable[dict], stages: Iterable[Callable[[Any], None]] | None = None) -> Iterator[tuple[dict, Any]]:
    """Each record that holds a usable article, with its document run through ``stages`` (the pipeline's
    stages before the decision when None); a record that is no article (:class:`rasd.errors.InputError`)
    is skipped, as ``rasd extract`` skips it."""
    from .. import pipeline
    from ..errors import InputError
    if stages is None:
        stages = [stage for _, stage in pipeline.STAGES_BEFORE_DECISION]
    stages = list(stages)
    for record in records:
        try:
            doc = pipeline.make_document(record)
        except InputError:
            continue
        for stage in stages:
            stage(doc)
        yield record, doc
