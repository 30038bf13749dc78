"""Stage 8: decide which candidates are events (rules propose, models decide, rules normalise).

Each candidate of :func:`rasd.assemble.propose_events` is kept or dropped by the event-decision model
(:mod:`rasd.learn.events`, trained on hand-coded news by ``rasd train``), which weighs the rules' doubts
(plans, denials, generic words) together with everything else the candidate carries. Where no model is
shipped, or with ``RASD_DECIDER=rules`` in the environment, the rules decide alone: a candidate is kept
unless they doubt it.
"""
from __future__ import annotations

import os

from .assemble import retype
from .doc import Document
from .learn import events as event_model


def decide_events(doc: Document) -> None:
    candidates = doc.user_data.get("candidates", [])
    model = None if os.environ.get("RASD_DECIDER") == "rules" else event_model.load_model()
    if model is None:
        for _, info in candidates:
            info["keep"] = not info.get("doubt")
        return
    event_model.decide(doc, candidates, model)
    for event, info in candidates:
        if info["keep"] and info.get("model_sub"):
            retype(doc, event, info, info["model_sub"])
