"""Stage 6 (actors): who did what to whom, named the way conflict researchers name them.

Recognition: the actor dictionary ``rasd/data/actors.yaml`` (canonical ACLED-style English names,
ACLED categories, every Arabic spelling) through the clitic-tolerant phrase matcher. Generic mentions
(مسلحون مجهولون، متظاهرون، مدنيون، الجيش، الشرطة) are named by the event's country:
``Unidentified Armed Group (Iraq)``, ``Protesters (Iraq)``, ``Civilians (Iraq)``, ``Military Forces of Iraq``.

Roles (:func:`roles_for`) come from the Arabic around each mention in the trigger's sentence:

* agent cues before a mention: ``من قبل``, ``على يد``, ``بنيران``, ``برصاص``, a claim (``تبنى``), a strike
  noun in construct (``غارات التحالف``, ``قصف طائرات النظام``), or the mention as the subject right after
  an event verb (``استهدف مسلحون رتلا``) or at the head of the sentence (``قوات النظام شنت ...``);
* target cues: ``ضد``, ``على``, ``استهدف X``, casualties ``مقتل 18 من البيشمركة``, and the owner of the
  target (``رتل تابع للتحالف`` -> the coalition is actor2);
* when nobody is named as the doer, ACLED's defaults apply: an explosion, an attack on civilians or
  an abduction -> ``Unidentified Armed Group (COUNTRY)``; protests -> ``Protesters (COUNTRY)``; arrests ->
  the country's police.

Rule for contractors: drivers and contractors moving a foreign force's equipment are coded as ACLED
codes them: the force that owns the convoy is actor2 (it is the target), and the civilian drivers are
its associated actor (``assoc_actor_2 = Civilians (COUNTRY)``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .doc import Document
from .lexicon import PhraseMatcher
from .text import norm

DATA = Path(__file__).parent / "data"
CATEGORIES = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
              "Civilians", "External/Other forces")
ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    category: str
    country: str | None


@dataclass(slots=True)
class ActorMention:
    start: int  # offsets into doc.norm.text
    end: int
    text: str
    actor: Actor
    generic: bool = False


@dataclass(slots=True)
class Roles:
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter1: str | None = None
    inter2: str | None = None
    civilian_targeting: bool = False
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    category: str
    country: str | None
    generic: bool


@lru_cache(maxsize=1)
def dictionary() -> tuple[PhraseMatcher[_Entry], dict[str, str]]:
    """The actor matcher and a name -> category table (named actors only)."""
    with open(DATA / "actors.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    matcher: PhraseMatcher[_Entry] = PhraseMatcher()
    categories: dict[str, str] = {}
    for generic, rows in ((False, data.get("actors") or []), (True, data.get("generic") or [])):
        for row in rows:
            category = row["category"]
            if category not in CATEGORIES:
                raise ValueError(f"actors.yaml: unknown category {category!r} for {row['name']!r}")
            entry = _Entry(row["name"], category, row.get("country"), generic)
            if not generic:
                categories[row["name"]] = category
            for phrase in row.get("ar") or []:
                matcher.add(phrase, entry)
    return matcher, categories


def actor_category(name: str) -> str | None:
    """The ACLED category of an actor name (named or generic with its country)."""
    _, categories = dictionary()
    if name in categories:
        return categories[name]
    for prefix, category in (("Unidentified Armed Group", "Political militia"), ("Protesters", "Protesters"),
                             ("Rioters", "Rioters"), ("Civilians", "Civilians"),
                             ("Military Forces of", "State forces"), ("Police Forces of", "State forces")):
        if name.startswith(prefix):
            return category
    return None


def _named(entry: _Entry, country: str | None) -> Actor:
    if not entry.generic:
        return Actor(entry.name, entry.category, entry.country)
    return Actor(entry.name.format(country=country or "Unknown"), entry.category, country)


def find_actors(doc: Document) -> None:
    matcher, _ = dictionary()
    mentions = []
    for m in matcher.find_longest(doc.tokens):
        mentions.append(ActorMention(m.start, m.end, doc.original_text(m.start, m.end),
                                     _named(m.value, doc.country), m.value.generic))
    doc.actors = mentions


# -- roles ----------------------------------------------------------------------------------------------
_AGENT_BEFORE = PhraseMatcher((p, "agent") for p in (
    "من قبل", "على يد", "بنيران", "برصاص", "نيران", "رصاص", "نفذه*", "نفذها", "نفذ*", "شن*", "شنه", "شنها", "شنته",
    "أطلق*", "أطلقه*", "تبنى", "تبنت", "قام*", "غارة*", "غارات", "قصف*", "طائرات", "طيران", "مقاتلات", "هجوم*",
    "اتهم*", "حمل*", "مسؤولية", "عناصر", "مسلحو", "مسلحي", "مقاتلو", "قصفت", "استهدفت", "استهدف", "نفذت", "شنت",
    "اعتقلت", "اعتقل", "فرقت", "فجر", "سيطرت", "سيطر", "استعادت", "حررت", "تمكنت", "تمكن", "أعلنت", "اقتحمت",
    "انسحبت", "انسحب", "انسحاب", "خطف", "اختطف", "داهمت"))
_TARGET_BEFORE = PhraseMatcher((p, "target") for p in (
    "ضد", "على", "استهداف", "استهدفت", "استهدف", "مقتل", "قتل", "قتلى", "مصرع", "إصابة", "جرح", "اعتقال", "اختطاف",
    "تابع*", "تابعا", "تابعة", "رتل*", "أرتال", "مواقع", "موقع", "تمركزات", "مقر*", "مقرات", "منزل", "دورية*", "عجلة",
    "من", "بين", "صفوف", "معاقل", "حواجز", "آليات", "لصالح", "سيارة*", "سيارات", "ينقل", "معدات", "على مواقع"))
_EVENT_VERB_TRIGGERS = ("استهدف", "شن", "قصف", "اعتقل", "هاجم", "اغتال", "اختطف", "فجر", "فرق", "سيطر", "استعاد",
                        "حرر", "انسحب", "اطلق", "نفذ", "القت", "القي", "اقتحم", "داهم")


def _cue_before(matcher: PhraseMatcher, doc: Document, start: int, window: int = 3) -> bool:
    tokens = doc.tokens
    # tokens strictly before `start`, at most `window`
    starts = doc._token_starts()
    from bisect import bisect_left
    i = bisect_left(starts, start)
    chunk = tokens[max(0, i - window): i]
    return bool(chunk) and any(m.last == chunk[-1].index or m.last >= chunk[0].index for m in matcher.find(chunk))


def roles_for(doc: Document, trigger, sentence, country: str | None) -> Roles:
    roles = Roles()
    country = country or doc.country
    event_type, sub = trigger.event_type, trigger.sub_event_type
    text = doc.norm.text
    in_sentence = [m for m in doc.actors if sentence.start <= m.start < sentence.end]
    resolved = [(m, Actor(m.actor.name if not m.generic else _regeneric(m, country), m.actor.category,
                          country if m.generic else m.actor.country)) for m in in_sentence]
    if event_type in ("Protests", "Riots"):
        crowd = "Protesters" if event_type == "Protests" else "Rioters"
        roles.actor1 = f"{crowd} ({country or 'Unknown'})"
        roles.inter1 = crowd
        roles.reasons.append(f"{event_type}: the crowd is actor1")
        if sub in ("Protest with intervention", "Excessive force against protesters"):
            state = next((a for m, a in resolved if a.category == "State forces"), None)
            roles.actor2 = state.name if state else f"Police Forces of {country or 'Unknown'}"
            roles.inter2 = "State forces"
        return roles

    scored = []
    verbal = text[trigger.start:trigger.end].lstrip("وف").startswith(_EVENT_VERB_TRIGGERS)
    for m, actor in resolved:
        agent = target = 0.0
        if _cue_before(_AGENT_BEFORE, doc, m.start):
            agent += 2
        if _cue_before(_TARGET_BEFORE, doc, m.start):
            target += 2
        if m.start >= trigger.end and m.start - trigger.end <= 12 and verbal:
            agent += 1.5  # VSO: the subject follows the event verb
        if m.start == sentence.start or m.start - sentence.start <= 4:
            agent += 1.0  # the head of the sentence
        if m.end <= trigger.start and trigger.start - m.end <= 25 and not verbal:
            agent += 0.5
        if actor.category == "Civilians":
            target += 1.5
            agent -= 1.0
        if actor.category == "Protesters":
            target += 0.5
        scored.append((m, actor, agent, target))
    roles.reasons.append(f"{len(scored)} actor mention(s) in the sentence")

    agent = max((s for s in scored if s[2] > s[3] and s[2] > 0), key=lambda s: (s[2] - s[3], -s[0].start), default=None)
    chosen1 = agent[1] if agent else None
    target = max((s for s in scored if s[1] != chosen1 and s[1].category != (chosen1.category if chosen1 and chosen1.category == "Civilians" else None)
                  and s[3] >= s[2] and s[3] > 0), key=lambda s: (s[3] - s[2], -s[0].start), default=None)
    if agent is None:
        # a strike from the sky with no named doer: the coalition the article names
        if sub == "Air/drone strike":
            air = next((a for m, a in (( m, m.actor) for m in doc.actors) if "Coalition" in a.name
                        or a.name.startswith("Military Forces of")), None)
            if air is not None and (target is None or air.name != target[1].name):
                roles.actor1, roles.inter1 = air.name, air.category
                roles.reasons.append("air strike: the air force named in the article")
        elif event_type in ("Explosions/Remote violence", "Violence against civilians") or sub == "Armed clash":
            if event_type != "Battles":
                roles.actor1 = f"Unidentified Armed Group ({country or 'Unknown'})"
                roles.inter1 = "Political militia"
                roles.reasons.append("no doer named: unidentified armed group")
        elif sub == "Arrests":
            roles.actor1 = f"Police Forces of {country or 'Unknown'}"
            roles.inter1 = "State forces"
    else:
        m, actor, _, _ = agent
        roles.actor1, roles.inter1 = actor.name, actor.category
        roles.spans.append(("actor1", m.start, m.end))
        assoc = _associate(doc, m, resolved, exclude={actor.name})
        if assoc is not None:
            roles.assoc_actor_1 = assoc.name
    if target is not None:
        m, actor, _, _ = target
        roles.actor2, roles.inter2 = actor.name, actor.category
        roles.spans.append(("actor2", m.start, m.end))
        assoc = _associate(doc, m, resolved, exclude={actor.name, roles.actor1 or ""})
        if assoc is not None:
            roles.assoc_actor_2 = assoc.name
    if roles.actor2 is None and event_type == "Violence against civilians":
        roles.actor2, roles.inter2 = f"Civilians ({country or 'Unknown'})", "Civilians"
    if roles.actor1 and roles.actor1 == roles.actor2:
        roles.actor2 = roles.inter2 = None
    roles.civilian_targeting = roles.inter2 == "Civilians" and event_type in (
        "Violence against civilians", "Explosions/Remote violence")
    return roles


def _regeneric(mention: ActorMention, country: str | None) -> str:
    name = mention.actor.name
    for template in ("Unidentified Armed Group ({})", "Protesters ({})", "Rioters ({})", "Civilians ({})"):
        prefix = template.split("(")[0]
        if name.startswith(prefix):
            return template.format(country or "Unknown")
    for prefix in ("Military Forces of ", "Police Forces of "):
        if name.startswith(prefix):
            return prefix + (country or "Unknown")
    return name


def _associate(doc: Document, mention: ActorMention, resolved, exclude: set[str]) -> Actor | None:
    """An actor joined to ``mention`` by و right after it (``قوات النظام وحزب الله``)."""
    text = doc.norm.text
    for m, actor in resolved:
        if actor.name in exclude or m.start <= mention.end:
            continue
        gap = text[mention.end:m.start]
        if len(gap) <= 3 and gap.strip() in ("و", "") and text[m.start - 1:m.start] in ("و", " "):
            if text[mention.end:m.start + 1].strip().startswith("و") or gap.strip() == "و":
                return actor
        break
    return None
