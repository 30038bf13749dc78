"""Is this candidate a codable event? A model learned from hand-coded news decides.

The rules (:func:`rasd.assemble.propose_events`) propose one candidate per (trigger, place) with its
fields, and say when they doubt it (a modality such as a plan or a denial, a generic word with no day or
toll of its own). This model looks at the candidate as a whole: its trigger and sub-event type, the words
of its sentence and around its trigger, the doubt, how its place was found, its date, toll and actors,
and where it stands in the article; and gives the probability that a careful coder would code an event
of that type in that governorate. It is trained on ``../shared/eval/train.jsonl`` (never on the dev sets)
by :func:`train`, cross-validated one outlet group at a time.

Labels: a candidate is positive when the article's gold events hold an event of its event type in its
admin1 (the scorer's pairing condition, :mod:`rasd.evaluate`). Tellings of the same incident are all
positive (they merge), candidates of the wrong type or province negative.
"""
from __future__ import annotations

import copy
import datetime as dt
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ..event import SUB_EVENT_TYPES
from .linear import LinearModel, feature_index, fit_logistic, index_array, index_set

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_FILE = "event_decision.npz"
CARD_FILE = "event_decision.md"
_PREFIXES = ("وال", "بال", "فال", "لل", "كال", "ال", "و", "ف", "ب", "ل")
WINDOW = 4
SPAN = 40  # words either side of the trigger read as its sentence
NONE = "NONE"
# the decision thresholds tried on the out-of-fold decisions of train
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
PLATEAU = 0.003  # out-of-fold F1 differences smaller than this are noise (see train)
BITS = 17


def _stem(word: str) -> str:
    """The word less its first proclitic (article, conjunction, preposition) where at least three letters
    remain; a number by its shape (:func:`number_shape`)."""
    stem = _STEMS.get(word)
    if stem is None:
        stem = word
        if word.isdigit():
            stem = number_shape(word)
        else:
            for prefix in _PREFIXES:
                if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                    stem = word[len(prefix):]
                    break
        if len(_STEMS) < 200_000:  # words repeat across articles: a bounded cache
            _STEMS[word] = stem
    return stem


_STEMS: dict[str, str] = {}


def number_shape(word: str) -> str:
    """A number as the model reads it: ``#`` for a count (one to three digits: "قتل 12 شخصا" and "قتل ٧
    أشخاص" share the pair ``قتل_#``, which a toll in any other count also teaches), ``####`` for a longer
    one (a year, a large figure). The digits themselves are too many and too rare to learn from one by one."""
    return "#" if len(word) < 4 else "####"


def _stems(doc) -> list[str]:
    """The light stem of every token of the document, computed once (every candidate reads its sentence's)."""
    stems = doc.user_data.get("_stems")
    if stems is None or len(stems) != len(doc.tokens):
        texts = doc.token_texts()
        try:  # words repeat across articles: most documents' words are all in the cache, read at C speed
            stems = list(map(_STEMS.__getitem__, texts))
        except KeyError:
            stems = [_stem(text) for text in texts]
        doc.user_data["_stems"] = stems
    return stems


def _stems_between(doc, first: int, last: int) -> list[str]:
    """``_stems(doc)[first:last]``, made from those tokens alone: the decision reads the stems of its
    candidates' windows only (a few sentences of the article), so the stems of the other sentences are
    never made (tests/test_speed_propose_decide.py holds it to the slice of the whole list)."""
    texts = doc.token_texts()[first:last]
    try:  # words repeat across articles: most windows' words are all in the cache, read at C speed
        return list(map(_STEMS.__getitem__, texts))
    except KeyError:
        return [_stem(text) for text in texts]


def _bucket(value: float, edges: Iterable[float]) -> int:
    """The first of the (ascending) ``edges`` that ``value`` does not exceed (``len(edges)`` past the last):
    how many edges lie below it, by bisection."""
    return bisect_left(edges, value)


def article_context(candidates) -> dict[str, Any]:
    """What the whole article says about each candidate: how many candidates tell an event of its type in
    its governorate (an incident told again and again is news), with no doubt of the rules, and which
    governorates the article speaks of most."""
    from collections import Counter
    told, sure, where = Counter(), Counter(), Counter()
    for event, info in candidates:
        told[(event.event_type, event.admin1)] += 1
        sure[(event.event_type, event.admin1)] += not info.get("doubt")
        where[event.admin1] += 1
    ranks = {a1: rank for rank, (a1, _) in enumerate(where.most_common())}
    return {"told": told, "sure": sure, "rank": ranks, "n": len(candidates)}


def candidate_features(doc, event, info: dict[str, Any], context: dict[str, Any] | None = None) -> list[str]:
    """The bag of features of one candidate (see the module's docstring)."""
    f, (first, last), tail_key = _feature_parts(doc, event, info, context)
    f.extend(_window_features(doc, first, last))
    f.extend(_trigger_features(doc, *tail_key))
    return f


def _window_features(doc, first: int, last: int) -> list[str]:
    """The words (``w=``) and word pairs (``b=``) of the trigger's window of its sentence: the same for
    every candidate of the trigger (and of any trigger with the same window)."""
    stems = _stems(doc)[first:last]
    return ["w=" + s for s in stems] + ["b=" + a + "_" + b for a, b in zip(stems, stems[1:])]


def _window_index_set(doc, first: int, last: int, bits: int) -> set[int]:
    """``index_set(_window_features(doc, first, last), bits)`` without making the feature strings: the
    index of ``"w=" + stem`` is kept per stem and that of ``"b=" + a + "_" + b`` per pair ``(a, b)``
    (strings already made, whose hashes Python keeps), computed with :func:`feature_index` at first
    sight. The same indices: each is the CRC of the same string."""
    stems = _stems_between(doc, first, last)
    words, pairs = _window_caches(bits)
    try:
        out = set(map(words.__getitem__, stems))
    except KeyError:
        out = {_cached_index(words, s, "w=" + s, bits) for s in stems}
    keys = list(zip(stems, stems[1:]))
    try:
        out.update(map(pairs.__getitem__, keys))
    except KeyError:
        out.update(_cached_index(pairs, key, "b=" + key[0] + "_" + key[1], bits) for key in keys)
    return out


_WINDOW_CACHES: dict[int, tuple[dict, dict]] = {}


def _window_caches(bits: int) -> tuple[dict, dict]:
    caches = _WINDOW_CACHES.get(bits)
    if caches is None:
        caches = _WINDOW_CACHES[bits] = ({}, {})
    return caches


def _cached_index(cache: dict, key, feature: str, bits: int) -> int:
    index = cache.get(key)
    if index is None:
        index = feature_index(feature, bits)
        if len(cache) < 500_000:  # bounded, as linear's cache of feature hashes
            cache[key] = index
    return index


def _trigger_index_set(doc, first: int, last: int, at: int, after: int, sub: str, bits: int) -> set[int]:
    """``index_set(_trigger_features(doc, first, last, at, after, sub), bits)``, looked up by what those
    features are made of: the (up to) four stems before the trigger (the last is the ``L1=`` feature; how
    many there are tells ``trigger_first``), the four after it, the trigger's own and the sub-event type.
    The strings are made and hashed at the first sight of a key only: a trigger word with the same words
    around it, in another sentence or another article, is looked up. Only the stems of the window's tokens
    from the fourth before the trigger to the fourth after it are made (:func:`_stems_between`): ``near[k]``
    is the window's stem ``lo + k``."""
    n = max(0, min(last, len(doc.tokens)) - first)  # len(_stems(doc)[first:last])
    lo = max(0, at - WINDOW)
    near = _stems_between(doc, first + lo, first + min(n, max(after, at + 1) + WINDOW))
    if after > at:
        own = tuple(near[at - lo:after - lo])  # the window's stems at..after, as far as the window goes
        if after > n:
            own += ("",) * (after - max(at, n))
    else:
        own = (near[at - lo] if at < n else "",)
    key = (tuple(near[:at - lo]), tuple(near[after - lo:after - lo + WINDOW]), own, sub)
    cache = _TRIGGER_CACHES.get(bits)
    if cache is None:
        cache = _TRIGGER_CACHES[bits] = {}
    found = cache.get(key)
    if found is None:
        found = frozenset(index_set(_trigger_features(doc, first, last, at, after, sub), bits))
        if len(cache) < 100_000:  # bounded, as linear's cache of feature hashes
            cache[key] = found
    return found


_TRIGGER_CACHES: dict[int, dict[tuple, frozenset[int]]] = {}


def _trigger_features(doc, first: int, last: int, at: int, after: int, sub: str) -> list[str]:
    """The words either side of the trigger and the trigger's own (with the sub-event type)."""
    stems = _stems(doc)[first:last]
    n = len(stems)
    f = []
    for i in range(max(0, at - WINDOW), at):
        f.append(f"L={stems[i]}")
        f.append(f"L|sub={stems[i]}|{sub}")
    for i in range(after, min(n, after + WINDOW)):
        f.append(f"R={stems[i]}")
        f.append(f"R|sub={stems[i]}|{sub}")
    for i in range(at, max(at + 1, after)):  # the trigger's own words, as written here, and their letters
        word = stems[i] if i < n else ""
        f.append(f"T={word}")
        padded = f"<{word}>"
        f.extend(f"tc={padded[k:k + 3]}" for k in range(len(padded) - 2))
    if at > 0:
        f.append(f"L1={stems[at - 1]}")
    if at < 3:
        f.append("trigger_first")
    return f


# The candidate's own features, in groups: each group's features are fixed names filled with a few values
# (its templates, ``str.format`` fields as the f-strings they stand for), so that at run time the indices of
# a group are looked up by the tuple of its values (:func:`_own_index_set`), the strings made and hashed only
# at first sight. A key compares its values with ``==``: a value must keep one type in its place (``True`` and
# ``1`` are equal keys but write "True" and "1"); every place holds a str, None, a bool or an int of its own.
_OWN_TEMPLATES: tuple[tuple[str, ...], ...] = (
    # (sub, type, doubt, cue)
    ("bias", "sub={0}", "type={1}", "doubt={2}", "cue={3}", "cue|sub={3}|{0}", "doubt|sub={2}|{0}"),
    # the trigger's, the place's and the date's flags
    ("generic={0}", "contextual={1}", "vague={2}", "role={3}", "tbg={4}", "prec={5}", "rel={6}", "home={7}",
     "insent={8}", "dated={9}", "tp={10}", "bg={11}", "inherited={12}", "plup={13}"),
    ("preason={0}", "dreason={1}"),
    ("country={0}", "a1={1}", "a2={2}", "a1|sub={1}|{3}", "pair|sub={4}|{3}"),
    ("nplaces={0}", "pindex={1}", "toll={2}", "sent={3}", "par={4}"),
    # the article's context (when given)
    ("told={0}", "sure={1}", "rank={2}", "told|doubt={0}|{3}"),
    ("age={0}",),
)


def _feature_parts(doc, event, info: dict[str, Any], context: dict[str, Any] | None):
    """The candidate's own features; its window ``(first, last)`` (token indices); the key
    ``(first, last, at, after, sub)`` of its trigger's features (:func:`_trigger_features`)."""
    groups, window, tail_key = _own_parts(doc, event, info, context)
    f = [template.format(*values) for group, values in groups for template in _OWN_TEMPLATES[group]]
    return f, window, tail_key


def _own_index_set(groups, bits: int) -> set[int]:
    """``index_set`` of the features of ``groups`` (:func:`_own_parts`): the indices of each group looked up
    by its values, computed with :func:`feature_index` from the same strings at first sight."""
    caches = _OWN_CACHES.get(bits)
    if caches is None:
        caches = _OWN_CACHES[bits] = tuple({} for _ in _OWN_TEMPLATES)
    out: set[int] = set()
    for group, values in groups:
        cache = caches[group]
        found = cache.get(values)
        if found is None:
            found = tuple(feature_index(template.format(*values), bits) for template in _OWN_TEMPLATES[group])
            if len(cache) < 100_000:  # bounded, as linear's cache of feature hashes
                cache[values] = found
        out.update(found)
    return out


_OWN_CACHES: dict[int, tuple[dict, ...]] = {}


def _own_parts(doc, event, info: dict[str, Any], context: dict[str, Any] | None):
    """The values of the candidate's own feature groups, as ``(group, values)`` pairs (:data:`_OWN_TEMPLATES`);
    its window; its trigger's key."""
    trigger = info["trigger"]
    mention = info["mention"]
    edate = info["date"]
    sentence = doc.sentences[trigger.sentence]
    sub = event.sub_event_type
    doubt = info.get("doubt")
    groups = [
        (0, (sub, event.event_type, doubt, trigger.cue)),
        (1, (trigger.generic, trigger.contextual, trigger.vague, trigger.role, trigger.background,
             mention.precision, mention.relation, event.country == doc.country,
             sentence.start <= mention.start < sentence.end, info.get("dated"), event.time_precision,
             event.background, getattr(edate, "inherited", False), info.get("pluperfect"))),
        (2, (str(mention.reason).split(":")[0].split("(")[0].strip()[:40], str(edate.reason).split(":")[0][:30])),
        (3, (event.country, event.inter1, event.inter2, sub, "+".join(sorted(str(x) for x in (event.inter1, event.inter2))))),
        (4, (_bucket(info.get("places", 1), (1, 2, 4)), min(info.get("index", 0), 3),
             _bucket(info.get("toll") or 0, (0, 3, 10, 50, 200)), _bucket(trigger.sentence, (0, 1, 2, 4, 8)),
             _bucket(sentence.paragraph, (0, 1, 3)))),
    ]
    if context is not None:
        key = (event.event_type, event.admin1)
        told = _bucket(context["told"][key], (1, 2, 4))
        groups.append((5, (told, _bucket(context["sure"][key], (0, 1, 3)), min(context["rank"].get(event.admin1, 9), 3),
                           doubt)))
    if doc.published and event.event_date:
        try:
            days = (doc.published - dt.date.fromisoformat(event.event_date)).days
            groups.append((6, (_bucket(days, (-1, 0, 1, 3, 8, 31, 365)),)))
        except ValueError:
            pass
    # the sentence's words within SPAN tokens of the trigger (all of an ordinary sentence; a bounded
    # share of a pathological one, so that a sentence of thousands of triggers stays linear)
    starts = doc._token_starts()
    first = max(sentence.first, bisect_right(starts, trigger.start) - 1 - SPAN)
    last = min(sentence.last + 1, bisect_left(starts, trigger.end) + SPAN)
    n = max(0, min(last, len(doc.tokens)) - first)  # len(doc.tokens[first:last])
    at = max(0, bisect_right(starts, trigger.start) - 1 - first)
    if at < n and doc.tokens[first + at].end <= trigger.start:
        at += 1
    after = max(at, bisect_left(starts, trigger.end) - first)
    return groups, (first, last), (first, last, at, after, sub)


def _fold(value):
    from ..evaluate import fold
    return fold(value)


def label_candidates(candidates, gold_events: list[dict], aliases: dict[str, str]) -> list[str]:
    """The sub-event type a careful coder gave the incident this candidate tells, or ``NONE``.

    Among the gold events in the candidate's admin1 (the scorer's pairing condition), the one whose
    evidence or trigger words lie in the candidate's sentence gives its sub-event type (so a candidate
    typed wrongly by the rules learns the right type); else one of the candidate's own event type
    there; else the candidate tells no codable event."""
    from ..evaluate import canonical, fold
    out = []
    for event, info in candidates:
        a1 = canonical("admin1", event.admin1, aliases)
        here = [g for g in gold_events if not g.get("admin1") or canonical("admin1", g.get("admin1"), aliases) == a1]
        sentence = fold(event.notes or "") or ""  # before merging: the sentence that tells it
        told = [g for g in here if sentence and (
            (g.get("trigger_ar") and fold(g["trigger_ar"]) in sentence)
            or (g.get("evidence") and sentence[:40] in (fold(g["evidence"]) or "")))]
        told.sort(key=lambda g: g.get("event_type") != event.event_type)
        same = [g for g in here if g.get("event_type") == event.event_type]
        best = told[0] if told else same[0] if same else None
        out.append(best["sub_event_type"] if best and best.get("sub_event_type") else NONE)
    return out


# -- run time ---------------------------------------------------------------------------------------
@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LinearModel | None:
    """The shipped decision model, or None where none is shipped (the rules then decide alone)."""
    file = Path(path) if path else MODEL_DIR / MODEL_FILE
    if not file.exists():
        return None
    return LinearModel.load(file)


def decide(doc, candidates, model: LinearModel) -> None:
    """For each candidate: the probability that it tells a codable event, ``keep`` by the model's threshold,
    and the sub-event type the model reads (``model_sub``), which replaces the rules' type where the model
    is surer of it by the model's margin."""
    threshold = float(model.meta.get("threshold", 0.5))
    margin = float(model.meta.get("margin", 1.0))
    rescue = float(model.meta.get("rescue", 1.01))
    vetoes = tuple(model.meta.get("vetoes", ()))
    doc.user_data["keep_threshold"] = threshold  # what the merge asks of a candidate that places a kept one
    context = article_context(candidates)
    bits = model.bits
    shared: dict[tuple, set[int]] = {}  # the hashed window features, once per window
    for event, info in candidates:
        # the indices of candidate_features(doc, event, info, context), with the features that candidates
        # share hashed once: the same set of indices, sorted, so the same sums
        groups, window, tail_key = _own_parts(doc, event, info, context)
        idx = _own_index_set(groups, bits)
        part = shared.get(window)
        if part is None:
            part = shared[window] = _window_index_set(doc, *window, bits)
        idx |= part
        idx |= _trigger_index_set(doc, *tail_key, bits)
        dist = model.distribution_of(index_array(idx))
        p_none = dist.get(NONE, 0.0)
        info["p_event"] = 1.0 - p_none
        info["keep"] = keeps(info, 1.0 - p_none, threshold, rescue, vetoes)
        best = model_type(event.sub_event_type, dist, margin)
        if best != event.sub_event_type:
            info["model_sub"] = best


def model_type(own: str, dist: dict[str, float], margin: float) -> str:
    """The sub-event type to code: the model's reading where it is surer of it than of the rules' type
    by ``margin``. Between battles the rules decide (a clash that changes who holds a place is the
    territorial change, settled when the tellings merge), so a battle is never re-typed as another battle;
    nor a riot as a peaceful protest (the violence the rules read is what makes it a riot); nor a type the
    model never saw coded in train (Grenade): it has no reading of it to weigh against. A shooting or a
    clash that the model reads as told of a crowd (forces firing on protesters, youths fighting soldiers)
    takes the crowd's type whenever the model is surer of it, with no margin: the rules read the violence
    of the sentence, the crowd is often told only by the article around it (the Gaza border marches)."""
    if own not in dist:
        return own
    best = max((c for c in dist if c != NONE), key=dist.__getitem__)
    if best == own:
        return own
    gap = dist[best] - dist.get(own, 0.0)
    if SUB_EVENT_TYPES.get(own) in _VIOLENT and SUB_EVENT_TYPES.get(best) in _CROWD and gap > 0.0:
        return best
    if gap < margin:
        return own
    if SUB_EVENT_TYPES.get(best) == "Battles" and SUB_EVENT_TYPES.get(own) == "Battles":
        return own
    if SUB_EVENT_TYPES.get(own) == "Riots" and SUB_EVENT_TYPES.get(best) == "Protests":
        return own  # protesters who storm, burn or stone are rioters (spec section 5), whatever else is said
    if own in _INTERVENED and (best == "Peaceful protest" or SUB_EVENT_TYPES.get(best) == "Riots"):
        return own  # a force that dispersed or fired on the crowd, read by the rules, is not undone by the words,
        # nor made the crowd's violence (a riot needs the rules to read the crowd's own violence)
    return best


_INTERVENED = ("Protest with intervention", "Excessive force against protesters")
_VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence")  # event types the rules read from violence
_CROWD = ("Protests", "Riots")  # event types of a crowd


# -- training ---------------------------------------------------------------------------------------
SAUDI = "saudi"


def outlet_group(source: str) -> str:
    """Cross-validation groups: the five 2018 outlets one by one, the 2015 Saudi papers together."""
    return source if source in {"BBC", "CNN", "alarabia", "france24", "skynews"} else SAUDI


def _fresh(candidates):
    """Copies that merging may change without touching the originals."""
    out = []
    for event, info in candidates:
        e = copy.copy(event)
        e.evidence = list(event.evidence)
        i = dict(info)
        i["deaths"] = dict(info["deaths"])
        i["sentences"] = set(info["sentences"])
        i.pop("evidence_keys", None)
        out.append((e, i))
    return out


def read_articles(path: Path) -> list[dict]:
    from . import read_records
    return list(read_records(path))


def propose_all(articles: list[dict]):
    """Run the pipeline up to the candidates on every article: [(article, doc, candidates)]."""
    from . import documents
    return [(article, doc, doc.user_data.get("candidates", [])) for article, doc in documents(articles)]


def kept_events(proposed, decision, p_event=None, threshold: float = 0.0) -> dict[str, list[dict]]:
    """The event records of each article (by id) when ``decision(article_index, j)`` gives, for each
    candidate, the sub-event type to keep it with, or None to drop it; ``p_event(article_index, j)`` the
    model's probability (None: the rules decide, no probability, as ``RASD_DECIDER=rules``) and
    ``threshold`` its keep threshold. The kept candidates go through the merge stage itself
    (:func:`rasd.assemble.merge_events`, with its placing rule), so that what is scored is what ships."""
    from ..assemble import merge_events, retype
    from . import incidents as same_incident
    pred = {}
    for a, (article, doc, candidates) in enumerate(proposed):
        fresh = _fresh(candidates)
        for j, (event, info) in enumerate(fresh):
            sub = decision(a, j)
            info["keep"] = sub is not None
            if p_event is not None:
                info["p_event"] = p_event(a, j)
            if sub is not None and sub != event.sub_event_type:
                retype(doc, event, info, sub)
        saved = doc.user_data.get("candidates"), doc.user_data.get("keep_threshold"), doc.events
        doc.user_data["candidates"] = fresh
        doc.user_data["keep_threshold"] = threshold if p_event is not None else 0.0
        try:
            with same_incident.rules_merge():  # the shipped incident model saw these articles (see there)
                merge_events(doc)
            pred[article["id"]] = [e.to_record() for e in doc.events]
        finally:
            doc.user_data["candidates"], doc.events = saved[0], saved[2]
            if saved[1] is None:
                doc.user_data.pop("keep_threshold", None)
            else:
                doc.user_data["keep_threshold"] = saved[1]
    return pred


def score_kept(proposed, decision, p_event=None, threshold: float = 0.0) -> dict:
    """Event-level scores (the shared scorer's) of :func:`kept_events`."""
    from ..evaluate import score
    gold = {article["id"]: article.get("events") or [] for article, _doc, _candidates in proposed}
    return score(gold, kept_events(proposed, decision, p_event, threshold))


def _rules(proposed):
    return lambda a, j: None if proposed[a][2][j][1].get("doubt") else proposed[a][2][j][0].sub_event_type


# Doubts of the rules that no model overrides: what is told as denied, threatened, planned, condemned,
# charged, called for, asked or supposed, or told as a general state of things ("شبه يومي"), is not an
# incident however eventful its words. The model may still keep a generic word with no day of its own
# (``unanchored``, ``vague``).
VETOES = ("plan", "denial", "threat", "condemnation", "charge", "forced", "grievance", "call", "negation",
          "hypothetical", "question", "statement", "generic", "background")


def vetoed(info: dict[str, Any], vetoes) -> bool:
    return info.get("doubt") in vetoes


def keeps(info: dict[str, Any], p_event: float, threshold: float, rescue: float, vetoes) -> bool:
    """A candidate the rules do not doubt is kept unless the model finds it unlikely (``threshold``); one
    they doubt softly (a generic word with no day of its own) only when the model is sure (``rescue``);
    a vetoed one never."""
    if vetoed(info, vetoes):
        return False
    return p_event >= (rescue if info.get("doubt") else threshold)


def _by_model(proposed, dists, threshold: float, margin: float, rescue: float, vetoes=VETOES):
    def decision(a, j):
        dist = dists.get((a, j))
        if dist is None or not keeps(proposed[a][2][j][1], 1.0 - dist.get(NONE, 0.0), threshold, rescue, vetoes):
            return None
        return model_type(proposed[a][2][j][0].sub_event_type, dist, margin)
    return decision


def score_model(proposed, dists, threshold: float, margin: float, rescue: float, vetoes=VETOES) -> dict:
    """:func:`score_kept` of the model's decisions ``dists`` (see :func:`out_of_fold`) at one setting."""
    def p_event(a, j):
        dist = dists.get((a, j))
        return 0.0 if dist is None else 1.0 - dist.get(NONE, 0.0)
    return score_kept(proposed, _by_model(proposed, dists, threshold, margin, rescue, vetoes), p_event, threshold)


def _figures(result: dict) -> dict:
    return {k: round(result[k], 3) for k in ("precision", "recall", "event_f1", "sub_event_type_acc")}


def out_of_fold(proposed, seed: int = 0, *, c: float = 0.5):
    """The candidates' features, labels and outlet groups, and each candidate's out-of-fold distribution
    ``{(article index, candidate index): {sub-event type or NONE: probability}}`` from a model trained on the
    other outlet groups (used by :func:`train`, and by ``scripts/event_recall.py`` to see what the model drops
    on text it has not seen)."""
    from ..evaluate import admin1_aliases
    aliases = admin1_aliases()
    rows, labels, groups, where = [], [], [], []
    for a, (article, doc, candidates) in enumerate(proposed):
        ys = label_candidates(candidates, article.get("events") or [], aliases)
        context = article_context(candidates)
        for j, ((event, info), y) in enumerate(zip(candidates, ys)):
            rows.append(candidate_features(doc, event, info, context))
            labels.append(y)
            groups.append(outlet_group(article.get("source") or ""))
            where.append((a, j))
    dists: dict[tuple[int, int], dict[str, float]] = {}
    for group in sorted(set(groups)):
        train_idx = [i for i, g in enumerate(groups) if g != group]
        model = fit_logistic([rows[i] for i in train_idx], [labels[i] for i in train_idx], c=c, seed=seed,
                             bits=BITS)
        for i, g in enumerate(groups):
            if g == group:
                dists[where[i]] = model.distribution(rows[i])
    return rows, labels, groups, dists


MARGINS = (1.0, 0.3)
RESCUES = (0.3, 0.4, 0.5, 0.6, 0.8, 1.01)
SETTINGS = [(t, margin, rescue) for margin in MARGINS for t in THRESHOLDS for rescue in RESCUES]


def choose_setting(grid: dict[tuple[float, float, float], dict], prefer: str = "recall") -> tuple[float, float, float]:
    """The (threshold, margin, rescue) to ship, from each setting's out-of-fold scores (see :func:`train`):
    each setting's F1 averaged with its two neighbouring thresholds'; of those within PLATEAU of the best,
    the one with the highest ``prefer`` figure ("precision" or "recall"; "f1" takes the best average)."""
    smoothed = {}
    for (t, margin, rescue) in grid:
        k = THRESHOLDS.index(t)
        if 0 < k < len(THRESHOLDS) - 1:
            smoothed[t, margin, rescue] = sum(grid[u, margin, rescue]["event_f1"] for u in THRESHOLDS[k - 1:k + 2]) / 3
    top = max(smoothed.values())
    if prefer == "f1":
        return max(smoothed, key=lambda key: smoothed[key])
    # an exact tie of both figures goes to the most conservative setting (the higher threshold, the higher
    # rescue threshold, the larger re-typing margin), not to the grid's order (rasd/learn/select.py)
    return max((key for key, value in smoothed.items() if value >= top - PLATEAU),
               key=lambda key: (grid[key][prefer], smoothed[key], key[0], key[2], key[1]))


def train(train_path: Path, out_dir: Path, seed: int = 0, *, c: float = 0.5) -> dict:
    """Train the decision model on ``train_path``, write it to ``out_dir``, return its cross-validated
    figures (one outlet group held out at a time) beside those of the rules alone on the same articles.
    The threshold and the re-typing margin are chosen on the out-of-fold decisions of train itself."""
    proposed = propose_all(read_articles(train_path))
    rows, labels, groups, dists = out_of_fold(proposed, seed=seed, c=c)
    rules = score_kept(proposed, _rules(proposed))
    # The out-of-fold F1 is flat over a wide range of thresholds (within 0.003 from 0.15 to 0.35): its highest
    # point moves with every small change of the candidates, and the decisions on new text with it. Each
    # setting is scored by its F1 averaged with its two neighbouring thresholds' (the first and last
    # threshold tried, with one neighbour, are not candidates); of the settings within PLATEAU of the best
    # such score, the one with the highest recall is taken: a monitor reviews what rasd finds, and misses what
    # it drops. scripts/threshold_selection.py compares the ways of choosing by nested cross-validation
    # (choose on five outlet groups, score on the sixth): highest recall 0.567, highest precision 0.571, best
    # smoothed F1 0.568, a difference inside the noise; the most precise setting (threshold 0.3-0.35, doubted
    # candidates never rescued) drops plain one-sentence reports that the model reads at P(event) 0.22-0.24
    # ("وفي بغداد، انفجرت عبوة ناسفة قرب سوق شعبي", tests/test_incidents.py), so recall stays preferred.
    grid = {key: score_model(proposed, dists, *key) for key in SETTINGS}
    chosen = choose_setting(grid)
    threshold, margin, rescue = chosen
    cv = grid[chosen]
    unvetoed = score_model(proposed, dists, threshold, margin, rescue, vetoes=())
    by_group = {}
    for group in sorted(set(groups)):
        subset = [x for x in range(len(proposed)) if outlet_group(proposed[x][0].get("source") or "") == group]
        sub_proposed = [proposed[x] for x in subset]
        position = {a: k for k, a in enumerate(subset)}
        sub_dists = {(position[a], j): d for (a, j), d in dists.items() if a in position}
        by_group[group] = {"articles": len(subset), "rules": _figures(score_kept(sub_proposed, _rules(sub_proposed))),
                           "model": _figures(score_model(sub_proposed, sub_dists, threshold, margin, rescue))}
    report = {"candidates": len(rows), "labels": {k: labels.count(k) for k in sorted(set(labels))},
              "threshold": threshold, "rescue": rescue, "margin": margin, "c": c, "seed": seed,
              "rules_train": _figures(rules), "cv_train": _figures(cv),
              "cv_train_without_vetoes": _figures(unvetoed), "cv_by_outlet_group": by_group}
    model = fit_logistic(rows, labels, c=c, seed=seed, bits=BITS,
                         meta={"threshold": threshold, "rescue": rescue, "margin": margin, "vetoes": list(VETOES),
                               "trained_on": "train.jsonl",
                               "report": report})
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(out_dir / MODEL_FILE)
    (out_dir / CARD_FILE).write_text(model_card(report), encoding="utf-8")
    return report


def model_card(report: dict) -> str:
    """The model card, written from the training report (so it always tells the shipped model's figures)."""
    def row(name, r):
        return (f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | **{r['event_f1']:.3f}** | "
                f"{r['sub_event_type_acc']:.3f} |")
    groups = report["cv_by_outlet_group"]
    lines = [
        "# Model card: the event decision (`event_decision.npz`)",
        "",
        "Written by `rasd train` (rasd/learn/events.py) together with the weights; do not edit by hand.",
        "",
        "**What it decides.** For each candidate the rules propose (one per trigger and place, with its date, "
        "toll, actors and the rules' doubts), whether a careful coder would code an event there and of which "
        "ACLED sub-event type (or `NONE`). A candidate the rules do not doubt is kept when P(event) >= "
        f"{report['threshold']}; one they doubt softly (a generic word with no day of its own) when P(event) >= "
        f"{report['rescue']}; a hard doubt (denial, plan, threat, condemnation, charge, call, question, "
        "hypothetical, negation, an earlier incident dated by its year alone) is never kept. The model's type replaces the rules' where it is surer of it "
        f"by {report['margin']} (never one battle sub-type for another: the merge settles those).",
        "",
        "**Data.** `../shared/eval/train.jsonl` only (991 hand-coded articles: 741 of 2018 from BBC, CNN, "
        "Al Arabiya, France 24 and Sky News Arabia; 250 of 2015 from Saudi papers). The dev sets are never "
        f"read. {report['candidates']} candidates; labels (the sub-event type of the gold event of the "
        "candidate's event type and governorate that its sentence tells, else `NONE`): "
        + ", ".join(f"{k} {v}" for k, v in report["labels"].items()) + ".",
        "",
        "**Features** (hashed, CRC-32, 2^17 weights a class): the trigger phrase and its sub-event type, the "
        "rules' doubt, the trigger's flags (generic, contextual, vague, role), how the place was found and its "
        "precision, whether it is the article's country, the date's reason and age, the toll's size, the "
        "actors' categories, the sentence's and paragraph's position, how often the article tells an event "
        "of that type in that governorate, the words (light stems; a number by its shape, a count `#` or a "
        "year-long `####`) and word pairs of the sentence, and the "
        "four words either side of the trigger (also paired with the sub-event type).",
        "",
        f"**Model.** One-vs-rest logistic regression (scikit-learn liblinear, C={report['c']}, seed "
        f"{report['seed']}); at run time a sum of weights and a logistic, numpy only. Only the weights of "
        "features seen in training are stored (float16).",
        "",
        "**Cross-validated figures** (event level, the shared scorer's pairing; each outlet group held out "
        "in turn, the model trained on the others; threshold, rescue and margin chosen on these out-of-fold "
        "decisions of train: each setting's F1 averaged with its neighbouring thresholds', and of the settings "
        f"within {PLATEAU} of the best the one with the highest recall):",
        "",
        "| held out | articles | rules P / R / F1 | model P | model R | model F1 | model sub-type |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for name, g in groups.items():
        r, m = g["rules"], g["model"]
        lines.append(f"| {name} | {g['articles']} | {r['precision']:.3f} / {r['recall']:.3f} / {r['event_f1']:.3f} "
                     f"| {m['precision']:.3f} | {m['recall']:.3f} | **{m['event_f1']:.3f}** | "
                     f"{m['sub_event_type_acc']:.3f} |")
    lines += ["", "| all of train, out of fold | precision | recall | event F1 | sub-type |", "|---|---:|---:|---:|---:|",
              row("rules alone", report["rules_train"]), row("model", report["cv_train"]),
              row("model without the vetoes", report["cv_train_without_vetoes"]), "",
              "**Limits.** The candidates bound what it can find: an incident no trigger word proposes, or "
              "whose place the gazetteer does not know, is never coded. Single sentences out of context get "
              "lower probabilities than the same words inside an article. The gazetteer includes "
              "`train_places.tsv`, built from this same train.jsonl's gold places, and the figures above read "
              "every held-out outlet with it, so they count places that outlet lent the table: "
              "`scripts/event_recall.py --oof --places-per-outlet DIR` (with the held-out tables of "
              "`scripts/train_places_loso.py`) gives the figure without that help.", ""]
    return "\n".join(lines)
