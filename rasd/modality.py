"""Stage 5: modality. A trigger inside a denial, condemnation, threat, warning, plan, call, question,
hypothetical, negation or a generic statement about attacks in general is not an event.

The cues and their scopes are data (``rasd/data/modality.tsv``). A cue applies to a trigger of its own
sentence when it stands within its scope (``before:N`` words before the trigger, ``after:N`` words after,
``around:N`` either, or anywhere in the ``sentence``). A sentence that ends in a question mark is a question throughout.
A cue of kind ``tally`` (a death word) applies only when a toll in the thousands stands right beside it
(``مقتل أكثر من 2927``، ``1592 قتيلا``): a count over a war or a campaign, not one incident; it reads as generic.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

from .doc import Document
from .lexicon import PhraseMatcher, read_tsv
from .words import word_lists

DATA = Path(__file__).parent / "data"
# the word lists of this module besides its cues (rasd/data/modality_words.tsv: curated, normalised; see rasd.words)
_LISTS = word_lists(DATA / "modality_words.tsv")
# Sub-event types whose verbal noun after the purpose lam (لـ) says what a force set out to do, not what it did.
PURPOSE_TYPES = {"Government regains territory", "Non-state actor overtakes territory"}


@lru_cache(maxsize=1)
def modality_matcher() -> PhraseMatcher[tuple[str, str, int]]:
    matcher: PhraseMatcher[tuple[str, str, int]] = PhraseMatcher()
    for row in read_tsv(DATA / "modality.tsv"):
        scope = row["scope"]
        if scope == "sentence":
            matcher.add(row["phrase"], (row["kind"], "sentence", 0))
        else:
            where, _, n = scope.partition(":")
            matcher.add(row["phrase"], (row["kind"], where, int(n)))
    return matcher


@lru_cache(maxsize=1)
def _reach() -> int:
    """How many words away from a trigger a cue can start and still apply: the widest scope plus the
    longest cue phrase."""
    rows = read_tsv(DATA / "modality.tsv")
    widest = max((int(r["scope"].partition(":")[2]) for r in rows if r["scope"] != "sentence"), default=0)
    return widest + max((len(r["phrase"].split()) for r in rows), default=1)


_OPERATIONS = set(_LISTS["operations"])


def _purpose(doc: Document, trig) -> bool:
    """The trigger word carries the lam of purpose: ``لتحرير``, ``للسيطرة``, ``ولاستعادة`` (the match
    starts after the proclitics, so read the clitics its token has before it)."""
    starts = doc._token_starts()
    i = bisect_right(starts, trig.start) - 1
    if i < 0:
        return False
    token = doc.tokens[i]
    clitics = token.text[:trig.start - token.start]
    if clitics.lstrip("وف") in ("ل", "لل"):
        return True
    # "عمليات تحرير الفلوجة"، "معركة استعادة الموصل": an operation under way, not a place taken
    return not clitics and i > 0 and doc.tokens[i - 1].text.lstrip("وفب") in _OPERATIONS


_SECOND_PERSON = ("كم", "كما", "كن")

# What may stand between a death word and its toll ("مقتل ما لا يقل عن 2927", "قتل أكثر من 1600"), normalised.
_HEDGES = set(_LISTS["hedges"])
TALLY_TOLL = 1000  # one incident seldom kills a thousand: a toll this big sums up a war or a campaign


def _toll(text: str) -> int:
    digits = text.replace(",", "").replace("٬", "")
    return int(digits) if digits.isdigit() else 0


def _tally(texts: list[str], first: int, last: int) -> bool:
    """A toll in the thousands right after the death word at ``first..last`` (past hedges only) or right
    before it: ``مقتل أكثر من 1600 شخص``، ``سقوط 1592 قتيلا``."""
    for k in range(last + 1, min(len(texts), last + 6)):
        if _toll(texts[k]) >= TALLY_TOLL:
            return True
        if texts[k] not in _HEDGES:
            break
    return first > 0 and _toll(texts[first - 1]) >= TALLY_TOLL


def _addressed(text: str, trig) -> bool:
    """The trigger word carries a second-person pronoun (ذبحكم، قتلكم، استهدافكم): reported speech addressed
    to someone, which news never uses to report an event."""
    written = text[trig.start:trig.end]
    return written.endswith(_SECOND_PERSON) and not trig.cue.rstrip("*").endswith(_SECOND_PERSON)


def _sentence_cues(matcher: PhraseMatcher, doc: Document, sentences: list) -> list[list]:
    """The cues of each sentence, longest first, by position: what ``matcher.find_longest`` of each sentence's
    tokens finds, found by one search over the tokens of all these sentences put together (in the order
    of the text) and shared out to them (:meth:`PhraseMatcher.find_longest_in`: a match running past its
    sentence's last token is not the sentence's), instead of a search per sentence."""
    if len(sentences) < 2:
        return [matcher.find_longest(doc.tokens[s.first: s.last + 1], doc.token_texts()[s.first: s.last + 1])
                for s in sentences]
    all_tokens, all_texts = doc.tokens, doc.token_texts()
    tokens: list = []
    texts: list[str] = []
    for s in sorted(sentences, key=lambda s: s.first):
        tokens += all_tokens[s.first: s.last + 1]
        texts += all_texts[s.first: s.last + 1]
    return matcher.find_longest_in(tokens, texts, [(s.first, s.last) for s in sentences])


def mark_modality(doc: Document) -> None:
    if not doc.triggers:
        return
    matcher = modality_matcher()
    reach = _reach()
    by_sentence: dict[int, list] = {}
    for trig in doc.triggers:
        by_sentence.setdefault(trig.sentence, []).append(trig)
    text = doc.norm.text
    searched: list[tuple] = []  # (sentence, its triggers) of the sentences whose cues are read
    for si, triggers in by_sentence.items():
        sentence = doc.sentences[si]
        for trig in triggers:
            if trig.sub_event_type in PURPOSE_TYPES and _purpose(doc, trig):
                trig.modality = "plan"  # "لتحرير الفلوجة", "للسيطرة على": what a force sets out to do
            elif _addressed(text, trig):
                trig.modality = "threat"  # "نجد اللذة في ذبحكم": words said to someone, not a report
        if text[sentence.start:sentence.end].rstrip().endswith("?"):
            for trig in triggers:
                trig.modality = "question"
            continue
        searched.append((sentence, triggers))
    cues_of = _sentence_cues(matcher, doc, [sentence for sentence, _ in searched])
    for (sentence, triggers), cues in zip(searched, cues_of):
        if not cues:
            continue
        tokens = doc.tokens[sentence.first: sentence.last + 1]
        if any(c.value[0] == "tally" for c in cues):
            texts = doc.token_texts()[sentence.first: sentence.last + 1]
            cues = [c for c in cues if c.value[0] != "tally"
                    or _tally(texts, c.first - sentence.first, c.last - sentence.first)]
            if not cues:
                continue
        token_starts = [t.start for t in tokens]
        token_ends = [t.end for t in tokens]
        cue_firsts = [c.first for c in cues]
        everywhere = [c for c in cues if c.value[1] == "sentence"]
        for trig in triggers:
            i = bisect_right(token_ends, trig.start)
            trig_first = tokens[i].index if i < len(tokens) else sentence.last
            j = bisect_left(token_starts, trig.end) - 1
            trig_last = tokens[j].index if j >= 0 else trig_first
            # only cues within reach of the trigger can apply, and the sentence-wide ones
            nearby = cues[bisect_left(cue_firsts, trig_first - reach): bisect_right(cue_firsts, trig_last + reach)]
            if everywhere:
                nearby = sorted({id(c): c for c in nearby + everywhere}.values(), key=lambda c: c.start)
            for cue in nearby:
                kind, where, n = cue.value
                if where == "sentence":
                    hit = True
                elif kind == "tally":
                    # the death word itself ("مقتل 2927"), what follows it ("... جراء الغارات"), or what
                    # leads up to it in the same clause ("أدى القصف إلى مقتل 1600"), not an incident told
                    # before a comma ("قتل 15 في انفجار، وسجلت المنظمة سقوط 1592 قتيلا")
                    hit = trig_first <= cue.last + n and (
                        cue.first <= trig_last
                        or (cue.first - trig_last <= n and not any(p in text[trig.end:cue.start] for p in "،,;؛")))
                elif where == "before":
                    hit = 0 < trig_first - cue.last <= n
                elif where == "around":
                    hit = 0 < trig_first - cue.last <= n or 0 < cue.first - trig_last <= n
                else:
                    hit = 0 < cue.first - trig_last <= n
                if hit:
                    trig.modality = "generic" if kind == "tally" else kind
                    break
    # a generic word folded into a specific one that turned out to be no report stands on its own again:
    # "وحدة الصواريخ التابعة للجيش قصفت مقراً" (the rocket unit is a name; قصفت is the shelling)
    for trig in doc.triggers:
        if trig.absorbed and trig.absorbed_by is not None and trig.absorbed_by.modality and not trig.modality:
            trig.absorbed = False
            trig.absorbed_by = None
