"""Stage 6 (actors): who did what to whom, named the way conflict researchers name them.

Recognition (:func:`find_actors`): the actor dictionary ``rasd/data/actors.yaml`` (canonical ACLED-style
English names, ACLED categories, every Arabic spelling) through the clitic-tolerant phrase matcher.

* Named actors (داعش، الحشد الشعبي، قسد، التحالف الدولي ...) give their canonical name. An entry or an
  alias group may be limited to some countries (التحالف is the Global Coalition in Iraq and Syria, the
  Saudi-led Coalition in Yemen) and to a window of dates (جبهة النصرة is Hayat Tahrir al-Sham from 2017).
* People who lead a force stand for it only while they hold the post, judged against the article's
  publication date (``doc.published``): أبو مهدي المهندس is the PMF until 3 January 2020, nobody after.
* Anaphors (التنظيم، الحزب، الحركة، الجماعة) stand for the last actor named that they can refer to.
* Generic mentions (مسلحون مجهولون، متظاهرون، مدنيون، الجيش، الشرطة) are named by the event's country,
  or by a nationality written after them: ``Unidentified Armed Group (Iraq)``, ``Protesters (Iraq)``,
  ``Civilians (Iraq)``, ``Military Forces of Iraq``; جنود أتراك -> ``Military Forces of Turkey``.
* Reporting bodies (خلية الإعلام الأمني، المرصد السوري، news agencies) are sources, never participants.

Roles (:func:`roles_for`) come from the Arabic argument structure around each mention in the trigger's
sentence, each with a reason:

* the speaker of a statement (قال/ذكرت/أعلنت/أفاد X، بيان X، حسب X، مصدر في X) is a source, not a
  participant, unless it speaks of itself (أعلنت القوات أنها استعادت) or claims the attack;
* doers: the subject after an event verb (استهدف مسلحون رتلاً، شن الطيران التركي غارات), the subject at
  the head of a clause before its verb (قوات النظام قصفت، قال ناشطون إن قوات النظام خرقت), the noun in
  construct after a strike noun (غارات التحالف، قصف القوات الحكومية), agent phrases (من قبل، على يد،
  بنيران، برصاص، نفذه), claims (تبنى، أعلن مسؤوليته) and attributions (اتهم X Y بالوقوف وراء -> Y);
* the hit: after ضد/على/مع (with مواقع، مقرات، عناصر ...), after a victim noun (استهداف، مقتل، إصابة،
  اعتقال), the subject of a passive or unaccusative verb (استُهدف، تعرض رتل ... إلى انفجار، قُتل), and
  the owner of the target (رتل تابع للتحالف -> the coalition is actor2);
* ``بين X و Y``: X acts, Y is hit; ``X و Y``, ``X، بينها Y``, ``X بدعم من Y``: Y is X's associated actor;
* when the sentence leaves a side unnamed, ACLED's defaults and the article: an air strike is the air
  force the article names, a fight's other side is the opponent the article names most (``allies`` in
  the data file say who is on one side), an explosion or an attack on civilians with no doer is an
  ``Unidentified Armed Group (COUNTRY)``, an attack's victims with no name are ``Civilians (COUNTRY)``,
  arrests with no one named are the country's police.

Categories are ACLED's, with its rule that a state's forces acting outside their own country are
``External/Other forces``; inter1/inter2 carry them and the event's interaction code follows from them.

Rule for contractors and drivers (see :data:`CONTRACTOR_RULE`): civilians who drive or carry a foreign
force's equipment are not the target of an attack on that force's convoy; the force that owns the
convoy is actor2 and the civilian drivers/contractors are its associated actor
(``assoc_actor_2 = Civilians (COUNTRY)``); civilian_targeting stays false. Where no force is named as the
owner, the civilians themselves are actor2.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from pathlib import Path
from typing import Any, Iterable

import yaml

from .doc import Document, starting_in
from .lexicon import PhraseMatcher, first_readings
from .text import norm, strip_article
from .words import word_lists

DATA = Path(__file__).parent / "data"
# The cue words of the role rules, in rasd/data/actor_words.tsv (rasd.words): each list is the constant named in
# the file's comment above its rows (a verb list: its past stems and its present stems, read by _verbs).
_LISTS = word_lists(DATA / "actor_words.tsv")
CATEGORIES = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
              "Civilians", "External/Other forces")
ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
CONTRACTOR_RULE = (
    "Contractors and drivers: civilians who drive or carry a foreign force's equipment are coded as that "
    "force's associates, not as the target: an attack on a convoy owned by a force (رتل تابع للتحالف) has "
    "the force as actor2 and the civilian drivers or contractors as assoc_actor_2 (Civilians (COUNTRY)); "
    "civilian_targeting stays false. Where no force is named as the convoy's owner, the civilians are actor2.")

# Country names as they read inside an actor name ("Military Forces of the United States").
_THE = {"United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines"}


@dataclass(slots=True)
class Actor:
    """An actor as coded: treated as immutable (hashable by value); not ``frozen`` because a frozen
    dataclass takes five times as long to build, and every candidate event reads its mentions anew."""

    name: str
    category: str
    country: str | None

    def __hash__(self) -> int:
        return hash((self.name, self.category, self.country))


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    category: str
    country: str | None
    generic: bool = False
    kind: str = "actor"  # actor | person | anaphor | source
    countries: frozenset[str] | None = None  # events where this reading holds (None: anywhere)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str = ""

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)

    def holds_in(self, country: str | None) -> bool:
        return self.countries is None or country in self.countries


@dataclass(slots=True)
class ActorMention:
    start: int  # offsets into doc.norm.text
    end: int
    text: str
    actor: Actor  # read with the article's country; roles_for re-reads it with the event's country
    generic: bool = False
    first: int = -1  # token indices (inclusive)
    last: int = -1
    kind: str = "actor"  # actor | person | anaphor | source
    entries: tuple[_Entry, ...] = ()
    country: str | None = None  # a nationality written after a generic mention
    cue_first: int = -1  # the token whose left context tells the role (an owned or member noun before)
    note: str = ""


@dataclass(slots=True)
class Roles:
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter1: str | None = None
    inter2: str | None = None
    civilian_targeting: bool = False
    # the sub-event type the actors show when it is not the trigger's (a force shooting at a protest:
    # Excessive force against protesters); the roles above are already those of this type
    sub_event_type: str | None = None
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    # why each role went to its actor (role -> (actor, the reason as in ``reasons``)): the type rules ask what an
    # actor was read from (a side found only as the owner of the target, a doer named by no one)
    grounds: dict[str, tuple[str, str]] = field(default_factory=dict)


# -- the dictionary -------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Lexicon:
    matcher: PhraseMatcher[_Entry]
    categories: dict[str, str]
    homes: dict[str, str | None]
    allies: dict[str, set[str]]
    nationalities: dict[str, str]  # normalised word -> country
    size: dict[str, int]
    generic: dict[str, _Entry] = field(default_factory=dict)  # category -> the generic entry
    armies: dict[str, str] = field(default_factory=dict)  # a place with no army -> the state whose army acts there
    air_forces: dict[str, str] = field(default_factory=dict)  # a country -> who flies its air strikes, when not its own
    armed_opposition: dict[str, str] = field(default_factory=dict)  # a country -> who its generic armed men are
    insurgents: dict[str, frozenset[str]] = field(default_factory=dict)  # a country -> who fights its government


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    with open(DATA / "actors.yaml", encoding="utf-8") as handle:
        # libyaml's parser where PyYAML was built with it (the same safe constructor: the same data), seven
        # times faster than the pure-Python one (54 -> 8 ms of every process's start-up)
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    matcher: PhraseMatcher[_Entry] = PhraseMatcher()
    categories: dict[str, str] = {}
    homes: dict[str, str | None] = {}
    anaphora: list[tuple[str, str]] = []
    spellings = 0

    def check(name: str, category: str) -> None:
        if category not in CATEGORIES:
            raise ValueError(f"actors.yaml: unknown category {category!r} for {name!r}")

    for row in data.get("actors") or []:
        name, category = row["name"], row["category"]
        check(name, category)
        categories[name], homes[name] = category, row.get("country")
        groups = [row] + list(row.get("aliases") or [])
        for group in groups:
            countries = group.get("countries") or (row.get("countries") if group is not row else None)
            entry = _Entry(name, category, row.get("country"), countries=frozenset(countries) if countries else None,
                           valid_from=_date(group.get("valid_from", row.get("valid_from"))),
                           valid_to=_date(group.get("valid_to", row.get("valid_to"))))
            for phrase in group.get("ar") or []:
                matcher.add(phrase, entry)
                spellings += 1
        for word in row.get("anaphora") or []:
            anaphora.append((word, name))
    for row in data.get("people") or []:
        name = row["actor"]
        if name not in categories:
            raise ValueError(f"actors.yaml: person {row['ar'][0]!r} leads unknown actor {name!r}")
        entry = _Entry(name, categories[name], homes[name], kind="person", valid_from=_date(row.get("valid_from")),
                       valid_to=_date(row.get("valid_to")), note=f"{row['ar'][0]}, {row.get('role', 'leader')}")
        for phrase in row["ar"]:
            matcher.add(phrase, entry)
            spellings += 1
    for row in data.get("sources") or []:
        entry = _Entry(row["name"], "Civilians", None, kind="source")
        for phrase in row["ar"]:
            matcher.add(phrase, entry)
            spellings += 1
    by_word: dict[str, list[str]] = {}
    for word, name in anaphora:
        by_word.setdefault(word, []).append(name)
    for word, names in by_word.items():
        matcher.add(word, _Entry("|".join(names), "", None, kind="anaphor", note=word))
    generic: dict[str, _Entry] = {}
    for row in data.get("generic") or []:
        check(row["name"], row["category"])
        entry = _Entry(row["name"], row["category"], None, generic=True)
        generic.setdefault(row["name"].split(" ")[0], entry)
        for phrase in row.get("ar") or []:
            matcher.add(phrase, entry)
            spellings += 1
    allies: dict[str, set[str]] = {}
    for group in data.get("allies") or []:
        for name in group:
            if name not in categories:
                raise ValueError(f"actors.yaml: unknown actor {name!r} in allies")
            allies.setdefault(name, set()).update(n for n in group if n != name)
    nationalities = {norm(w): country for country, words in (data.get("nationalities") or {}).items() for w in words}
    size = {"actors": len(categories), "people": len(data.get("people") or []),
            "generic": len(data.get("generic") or []), "sources": len(data.get("sources") or []),
            "spellings": spellings}
    armies = {str(k): str(v) for k, v in (data.get("armies") or {}).items()}
    air_forces = {str(k): str(v) for k, v in (data.get("air_forces") or {}).items()}
    armed_opposition = {str(k): str(v) for k, v in (data.get("armed_opposition") or {}).items()}
    insurgents = {str(k): frozenset(map(str, v)) for k, v in (data.get("insurgents") or {}).items()}
    for table, names in (("air_forces", air_forces.values()), ("armed_opposition", armed_opposition.values()),
                         ("insurgents", [n for group in insurgents.values() for n in group])):
        for name in names:
            if name not in categories:
                raise ValueError(f"actors.yaml: unknown actor {name!r} in {table}")
    return _Lexicon(matcher, categories, homes, allies, nationalities, size, generic, armies, air_forces,
                    armed_opposition, insurgents)


def dictionary() -> tuple[PhraseMatcher[_Entry], dict[str, str]]:
    """The actor matcher and a name -> category table (named actors only)."""
    lex = lexicon()
    return lex.matcher, lex.categories


def actor_category(name: str) -> str | None:
    """The ACLED category of an actor name (named or generic with its country)."""
    lex = lexicon()
    if name in lex.categories:
        return lex.categories[name]
    for prefix, category in (("Unidentified Armed Group", "Political militia"), ("Protesters", "Protesters"),
                             ("Rioters", "Rioters"), ("Civilians", "Civilians"),
                             ("Military Forces of", "State forces"), ("Police Forces of", "State forces")):
        if name.startswith(prefix):
            return category
    return None


def allied(a: str | None, b: str | None) -> bool:
    """Whether two actors fight on one side (the ``allies`` of the data file; same-country state forces)."""
    if not a or not b:
        return False
    if a == b:
        return True
    lex = lexicon()
    if b in lex.allies.get(a, ()):
        return True
    for prefix in ("Military Forces of ", "Police Forces of "):
        a = a.replace(prefix, "State of ")
        b = b.replace(prefix, "State of ")
    return a == b and a.startswith("State of ")


def _country_name(country: str | None, inside: bool = True) -> str:
    if not country:
        return "Unknown"
    return f"the {country}" if inside and country in _THE else country


@lru_cache(maxsize=4096)
def _generic_name(template: str, country: str | None) -> str:
    """A generic entry's name for ``country`` (cached: few templates and countries, and every reading of a
    generic mention asks, in the actors stage and again for each event)."""
    if "({country})" in template:
        return template.format(country=_country_name(country, inside=False))
    return template.format(country=_country_name(country))


def _inter(category: str, home: str | None, country: str | None) -> str:
    """ACLED: state forces acting outside their own country are External/Other forces."""
    if category == "State forces" and home and country and home != country:
        return "External/Other forces"
    return category


# -- recognition ----------------------------------------------------------------------------------------
def find_actors(doc: Document) -> None:
    """Stage: set ``doc.actors`` (sorted by start)."""
    lex = lexicon()
    day = doc.published or dt.date.today()
    spans: dict[tuple[int, int], list] = {}
    texts = doc.token_texts()
    for m in lex.matcher.find(doc.tokens, texts):
        value = m.value
        if (value.valid_from is not None or value.valid_to is not None) and value.kind != "anaphor" \
                and not value.valid_on(day):
            continue
        if _needs_article(m.phrase) and not _article_kept(m.phrase, texts[m.first]):
            continue
        slot = spans.get((m.first, m.last))
        if slot is None:
            spans[(m.first, m.last)] = [m, [value]]
        elif value not in slot[1]:
            slot[1].append(value)
    chosen = []
    taken: set[int] = set()
    for (first, last), (m, entries) in sorted(spans.items(), key=_widest_first):
        if not taken.isdisjoint(range(first, last + 1)):
            continue
        taken.update(range(first, last + 1))
        if len(entries) > 1:  # most mentions have one reading: nothing to order
            entries.sort(key=_entry_order)
        chosen.append((m, tuple(entries)))
    chosen.sort(key=lambda c: c[0].start)
    mentions: list[ActorMention] = []
    tokens = doc.tokens
    for m, entries in chosen:
        head = entries[0]
        start, end, last = m.start, m.end, m.last
        country = None
        kind = head.kind
        note = head.note
        # (one reading, most mentions: it is the head, so no other reading to weigh: the tests below read
        # ``len(entries) > 1`` first)
        if kind != "anaphor" and len(entries) > 1 and doc.country is not None \
                and any(e.kind == "anaphor" for e in entries) and not any(
                e.kind != "anaphor" and e.holds_in(doc.country) for e in entries):
            # a word that is an anaphor and, in some countries only, a name (الميليشيات: the Houthis in Yemen's
            # war news), in an article of another country: only the anaphor (an article of no known country
            # keeps the name, read again with each event's country)
            head = next(e for e in entries if e.kind == "anaphor")
            kind, note = "anaphor", head.note
        if kind == "anaphor":
            names = set(head.name.split("|"))
            antecedent = next((a for a in reversed(mentions) if a.kind in ("actor", "person") and not a.generic
                               and a.entries[0].name in names), None)
            if antecedent is None:
                continue
            entries = antecedent.entries
            note = f"{head.note} refers to {antecedent.entries[0].name} ({antecedent.text})"
        if (head.generic or (len(entries) > 1 or entries[0] is not head) and any(e.generic for e in entries)) \
                and last + 1 < len(tokens) \
                and tokens[last + 1].start - end <= 2:
            nationality = _nationality(lex, tokens[last + 1].text)
            if nationality:
                country, last, end = nationality, last + 1, tokens[last + 1].end
                # a nationality written after it names the state (الطيران الحربي الإسرائيلي in Syria is
                # Israel's, not the reading الطيران الحربي has there): the generic reading first
                entries = tuple(sorted(entries, key=lambda e: not e.generic))
                head = entries[0]
        if kind == "actor" and m.first == m.last and head.category == "State forces" and not head.generic \
                and _state_as_place(doc, m.first, start, end):
            continue  # جنوب إسرائيل، في تركيا: a state's name where something happened is a place, not its forces
        if head.generic and head.category == "Civilians" and _unharmed(texts, m.first):
            continue  # دون وقوع إصابات في صفوف المدنيين، لم تسفر عن مقتل أي مدنيين: nobody of them was hit
        actor = _actor(entries, doc.country, country)
        if actor is None and kind != "source":
            actor = Actor(_generic_name(head.name, doc.country) if head.generic else head.name, head.category,
                          head.country)
        mentions.append(ActorMention(start, end, doc.original_text(start, end),
                                     actor or Actor(head.name, "Civilians", None), head.generic, m.first, last,
                                     "actor" if kind == "anaphor" else kind, entries, country, m.first, note))
    mentions.extend(_national(doc, lex, taken))
    mentions.sort(key=lambda m: m.start)
    doc.actors = _members(doc, mentions)


# civilians said to be unharmed: a negation, then a word of harm (or أي) before them, within six words
UNHARMED_NEGATION = frozenset(_LISTS["unharmed_negation"])
HARM_NOUNS = frozenset(_LISTS["harm_nouns"])


def _unharmed(texts: list[str], first: int) -> bool:
    """The civilians at token ``first`` are said not to be harmed (دون وقوع إصابات في صفوف المواطنين، لم تسفر
    الضربة عن مقتل أي مدنيين): a negation within the six words before them and a word of harm after it."""
    lo = max(0, first - 6)
    for j in range(first - 1, lo - 1, -1):
        if texts[j] in UNHARMED_NEGATION:
            return any(texts[x] in HARM_NOUNS or not _forms(texts[x]).isdisjoint(HARM_NOUNS) for x in range(j + 1, first))
        if texts[j] in (".", "،", ","):
            return False
    return False


# words before a state's name that make it the place where something happened (جنوب إسرائيل، في تركيا، داخل
# الأراضي السورية), not the state acting: its forces are not an actor there
PLACE_BEFORE = frozenset(_LISTS["place_before"])


def _state_as_place(doc: Document, first: int, start: int, end: int) -> bool:
    """The one-word mention at token ``first`` is a state's name that the gazetteer reads as a place (the
    country, or a region of it: جنوب إسرائيل), written after a word of place (:data:`PLACE_BEFORE`)."""
    if first == 0 or doc.tokens[first - 1].text not in PLACE_BEFORE:
        return False
    return any(p.start < end and start < p.end and p.place.country is not None
               for p in starting_in(doc, "places", max(0, start - 16), end))


def _entry_order(entry: _Entry) -> tuple[bool, bool]:
    """The order of a mention's readings: names before generic readings, a reading of some countries first."""
    return entry.generic, entry.countries is None


def _widest_first(item) -> tuple[int, int, int]:
    """The order in which overlapping matches take their tokens: most words, then most characters, then first."""
    (first, last), (m, _) = item
    return first - last, m.start - m.end, first


def _national(doc: Document, lex: _Lexicon, taken: set[int]) -> list[ActorMention]:
    """Nationality words that name an actor by themselves: after a strike noun they are that state's
    forces (قصف تركي، غارات أميركية -> Military Forces of X); as people counted or hit they are its
    civilians (مقتل ثلاثة عراقيين -> Civilians (Iraq))."""
    tokens = doc.tokens
    out = []
    # the country each word names, read for all the words at once from the per-word cache (at C speed:
    # this runs over every word of the article); a word not seen before reads _UNSEEN and is looked up
    known = _nationality_cache(lex)
    countries = list(map(known.get, doc.token_texts(), repeat(_UNSEEN)))
    for i in compress(range(len(tokens)), countries):  # nationality words and words not seen before
        tok = tokens[i]
        country = countries[i]
        if country is _UNSEEN:
            country = _nationality(lex, tok.text)
        if country is None or tok.index in taken or tok.index == 0:
            continue
        j = tok.index - 1
        while j > 0 and (tokens[j].text in AIR_WORDS or _has(tokens[j], AIR_WORDS)) and tok.index - j < 3:
            j -= 1
        prev = tokens[j]
        before = _forms(prev.text)
        if not before.isdisjoint(AGENT_NOUNS) or prev.text in AGENT_NOUNS or prev.text in FIRE_NOUNS:
            entry = lex.generic.get("Military")
            how = "a strike noun with a nationality: that state's forces"
        elif not before.isdisjoint(_OWNED_BY_FORCES):
            entry = lex.generic.get("Military")
            how = "a patrol, convoy or base with a nationality: that state's forces own it"
        elif (prev.text.isdigit() or prev.text in _COUNT_WORDS or not before.isdisjoint(PATIENT_NOUNS)) and (
                tok.text.endswith(("ين", "ون", "يان")) or tok.text in _LISTS["broken_plural_nationalities"]
                or prev.text.isdigit() and tok.text.endswith("يا")):  # 21 فلسطينيا: the counted singular
            entry = lex.generic.get("Civilians")
            how = "people of a nationality, counted or hit: its civilians"
        else:
            continue
        if entry is None:
            continue
        start, end, first = tok.start, tok.end, tok.index
        actor = _actor((entry,), doc.country, country)
        out.append(ActorMention(start, end, doc.original_text(start, end), actor, True, first, tok.index, "actor",
                                (entry,), country, first, how))
    return out


def _article_kept(phrase: str, written: str) -> bool:
    """A one-word name written with the article needs it in the text: القاعدة is Al Qaeda, قاعدة a base."""
    if not _needs_article(phrase):
        return True
    if written[:1] in ("و", "ف") and len(written) > 4:
        written = written[1:]
    if written.startswith("لل"):
        return True
    if written[:1] in ("ب", "ك", "ل") and not written.startswith("ال"):
        written = written[1:]
    return written.startswith("ال")


@lru_cache(maxsize=65_536)
def _needs_article(phrase: str) -> bool:
    """A lexicon phrase of one word written with the article (read once per phrase: every match asks)."""
    return " " not in phrase.strip() and norm(phrase).startswith("ال")


_NATIONALITY_CACHE: dict[int, dict[str, str | None]] = {}  # id(lexicon) -> word -> country or None
_UNSEEN = object()


def _nationality_cache(lex: _Lexicon) -> dict[str, str | None]:
    known = _NATIONALITY_CACHE.get(id(lex))
    if known is None:
        known = _NATIONALITY_CACHE[id(lex)] = {}
    return known


def _nationality(lex: _Lexicon, word: str) -> str | None:
    """The country a nationality word names (تركي، الأميركية، عراقيين), cached per word."""
    known = _nationality_cache(lex)
    found = known.get(word, _UNSEEN)
    if found is not _UNSEEN:
        return found
    found = None
    for form in (word, strip_article(word), word[:-2] if word.endswith("ان") else word,
                 word[:-1] if word.endswith("ا") else word,
                 # the dual's other case (جنديين تركيين، الجنديين الكنديين): the singular's ي and the ending ين
                 word[:-2] if word.endswith("يين") else word):
        if form in lex.nationalities:
            found = lex.nationalities[form]
            break
    if len(known) > 200_000:
        known.clear()
    known[word] = found
    return found


_MEMBER_LINK = set(_LISTS["member_link"])
_ARMED_MEN_OF = set(_LISTS["armed_men_of"])  # construct forms: "the armed men of"
_PERSON_NOUNS = set(_LISTS["person_nouns"])


def _members(doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """``ناشطين في حركة حماس``، ``ستة من مقاتلي المعارضة``: the members are the organisation; the
    organisation takes the role its members' position gives (its cue_first moves to them)."""
    tokens = doc.tokens
    out: list[ActorMention] = []
    skip: set[int] = set()
    for i, m in enumerate(mentions):
        if i in skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (m.generic and nxt is not None and nxt.kind in ("actor", "person") and nxt.first == m.last + 2
                and tokens[m.last + 1].text in _MEMBER_LINK and (not nxt.generic or m.actor.category != "Civilians")):
            nxt.cue_first = m.cue_first
            continue
        # armed men in construct with a named armed group (مسلحو المقاومة الشعبية، مسلحي التنظيم): the group
        if (m.generic and nxt is not None and nxt.kind == "actor" and not nxt.generic and nxt.first == m.last + 1
                and tokens[m.last].text in _ARMED_MEN_OF and nxt.actor.category in ARMED and not _lam(doc, nxt)):
            nxt.cue_first = m.cue_first
            continue
        # a generic post or patrol owned by a named force: the force (نقطة تفتيش للحشد الشعبي)
        if (m.generic and m.actor.category == "State forces" and nxt is not None and not nxt.generic
                and nxt.first == m.last + 1 and _lam(doc, nxt)):
            nxt.cue_first = m.cue_first
            continue
        # "الانتحاري" after تفجير/هجوم is an adjective, not a second actor
        if (m.generic and m.actor.category == "Political militia" and m.first > 0 and "نتحار" in tokens[m.first].text
                and _has(tokens[m.first - 1], AGENT_NOUNS | _words(_LISTS["suicide_adjective_after"]))):
            continue
        out.append(m)
    # "عناصر من X" written with a member noun that is not itself an actor: X's cues start at the noun
    for m in out:
        k = m.first
        if k >= 2 and tokens[k - 1].text in _MEMBER_LINK and _forms(tokens[k - 2].text) & _PERSON_NOUNS:
            m.cue_first = min(m.cue_first, k - 2)
        elif k >= 1 and not m.generic and _forms(tokens[k - 1].text) & _PERSON_NOUNS and not _lam(doc, m):
            m.cue_first = min(m.cue_first, k - 1)  # عناصر تنظيم داعش
    return out


def _lam(doc: Document, mention: ActorMention) -> bool:
    """The mention is written with the preposition ل (للتحالف، لداعش، لحزب الله)."""
    tok = doc.tokens[mention.first]
    written = doc.norm.text[tok.start:mention.start]
    if written[:1] in ("و", "ف"):
        written = written[1:]
    return written.startswith("ل")


def _actor(entries: Iterable[_Entry], country: str | None, nationality: str | None = None) -> Actor | None:
    """The reading of a mention for an event in ``country`` (None when no reading holds there)."""
    if country is None and nationality is None and len(entries) > 1 and entries[-1].generic:
        # no country known: a country's own name for its force (طيران الجيش in Iraq) over "of Unknown"
        named = next((e for e in entries if not e.generic and e.kind == "actor" and e.countries), None)
        if named is not None:
            return Actor(named.name, named.category, named.country)
    for entry in entries:
        if entry.kind == "source":
            return None
        if entry.kind == "anaphor" or not entry.holds_in(country):  # an anaphor is read as its antecedent
            continue
        if entry.generic:
            where = nationality or country
            if entry.name.startswith("Military Forces of") and where in (armies := lexicon().armies):
                if nationality:  # صواريخ فلسطينية: armed men of a place with no army
                    return _unidentified_group(where)
                where = armies[where]  # الجيش in Gaza: the army that operates there
            return Actor(_generic_name(entry.name, where), entry.category, where)
        return Actor(entry.name, entry.category, entry.country)
    return None


# -- cue words ------------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _words(text: str | tuple[str, ...]) -> frozenset[str]:
    """A cue list, a list of rasd/data/actor_words.tsv or words written in the code: its words, normalised (cached:
    some lists are built in loops)."""
    return frozenset(norm(w) for w in (text.split() if isinstance(text, str) else text))


@lru_cache(maxsize=200_000)
def _forms(word: str) -> frozenset[str]:
    """Readings of a token: with proclitics and endings removed (``وقالت`` -> قالت، قال)."""
    return frozenset(form for form, _, _ in first_readings(word))


_FORMS_SEEN: dict[str, frozenset[str]] = {}  # word -> _forms(word), for :func:`_forms_of`


def _forms_of(words: list[str]) -> list[frozenset[str]]:
    """``[_forms(w) for w in words]`` (a sentence's words and its margins, :func:`_sentence_rules`): read in one
    C-level pass of plain dictionary probes, which cost less than as many calls of the LRU cache; the words
    not seen before are read by :func:`_forms` and kept (the dictionary starts again past 200,000 words, as
    the cache's bound; each word's forms are taken as they are read, so that another thread starting it again
    meanwhile loses nothing)."""
    seen = _FORMS_SEEN
    try:
        return list(map(seen.__getitem__, words))
    except KeyError:
        if len(seen) > 200_000:
            seen.clear()
        out = []
        for word in words:
            found = seen.get(word)
            if found is None:
                found = seen[word] = _forms(word)
            out.append(found)
        return out


def _verbs(past: str | tuple[str, ...], present: str | tuple[str, ...] = "") -> frozenset[str]:
    """Third-person forms of verbs from their past stems (and present stems without the prefix), each a list of
    rasd/data/actor_words.tsv or words written in the code."""
    out = set()
    for stem in (norm(s) for s in (past.split() if isinstance(past, str) else past)):
        out.add(stem)
        if stem.endswith("ي"):  # ألقى -> ألقت، ألقوا
            out.update({stem[:-1] + "ت", stem[:-1] + "وا", stem + "ا", stem[:-1] + "تا"})
        else:
            out.update({stem + "ت", stem + "وا", stem + "ا", stem + "تا"})
    for stem in (norm(s) for s in (present.split() if isinstance(present, str) else present)):
        for prefix in ("ي", "ت"):
            out.update({prefix + stem, prefix + stem + "ون", prefix + stem + "ان"})
    return frozenset(out)


SPEECH = _verbs(_LISTS["speech_past"], _LISTS["speech_present"]) - frozenset(_LISTS["speech_except"])
SOURCE_NOUNS = _words(_LISTS["source_nouns"])
SOURCE_LINKS = _words(_LISTS["source_links"])
CLAIM = _verbs(_LISTS["claim_past"], _LISTS["claim_present"])
RESPONSIBILITY = _words(_LISTS["responsibility"])
ACCUSE = _verbs(_LISTS["accuse_past"], _LISTS["accuse_present"])
ACCUSED_OF = _words(_LISTS["accused_of"])
BEHIND = _words(_LISTS["behind"])
DESCRIBE = _verbs(_LISTS["describe_past"]) | _words(_LISTS["describe_words"])  # وصفته الشرطة بأنه متعمد: بأنه is the event's
SELF_DENIED = _words(_LISTS["self_denied"])  # أعلنت الشرطة أنها لم تعثر على ...: not what it did
SELF = _words(_LISTS["self"])
# An attack repelled (صد/تصدى/أحبط/أفشل ... هجوم/محاولة تسلل X): in a fight, the one whose attack was stopped
# is the attacker (actor1), the one who stopped it the side attacked (actor2). Read in train on every outlet
# that reports fronts (skynews, alarabia, alwatan, sabq: the Houthis' "محاولة تسلل" the resistance repels)
REPEL = _verbs(_LISTS["repel_past"], _LISTS["repel_present"]) | _words(_LISTS["repel_words"])
ATTACK_TRIED = _words(_LISTS["attack_tried"])
AMONG_COUNTED = _words(_LISTS["among_counted"])
MEMBERS_AMONG_WHY = "its men among the people hit (بينهم ... من X)"
REPELLED_WHY = "its attack was repelled (صد/تصدى/أحبط ... هجوم/تسلل)"
REPELLER_WHY = "repelled the attack (صد/تصدى/أحبط ... هجوم/تسلل): the side attacked"
# Verbs whose unvoweled past reads active or passive (قتل = qatala or qutila): active with a named force or
# a definite body of men as the subject (اعتقلت القوات الأمنية), passive with people counted (قتل جنديان).
AMBIGUOUS = frozenset(_LISTS["ambiguous"])
MASDAR_BEFORE = _words(_LISTS["masdar_before"])
AGENT_PHRASES = (("من", "قبل"), ("على", "يد"), ("علي", "يد"), ("من", "جانب"))
AGENT_PREPS = _words(_LISTS["agent_preps"])
AGENT_OBJECT_VERBS = _words(_LISTS["agent_object_verbs"])
VERBS = _verbs(_LISTS["verbs_past"], _LISTS["verbs_present"]) - frozenset(_LISTS["verbs_except"])
PATIENT_VERBS = (_verbs(_LISTS["patient_verbs_past"], _LISTS["patient_verbs_present"])
                 | _words(_LISTS["patient_verbs_words"]))
HEAD_OPENERS = _words(_LISTS["head_openers"])
TIME_WORDS = _words(_LISTS["time_words"])
AGENT_NOUNS = _words(_LISTS["agent_nouns"])
AIR_WORDS = _words(_LISTS["air_words"])
PATIENT_NOUNS = _words(_LISTS["patient_nouns"])
CASUALTY_AFTER = _words(_LISTS["casualty_after"])
TARGET_PREPS = _words(_LISTS["target_preps"])
HOSTS = _words(_LISTS["hosts"])
_COUNT_WORDS = _words(_LISTS["count_words"])
ON = _words(_LISTS["on"])
WITH = _words(_LISTS["with"])
BETWEEN = _words(_LISTS["between"])
AND_BETWEEN = _words(_LISTS["and_between"])
OBJ_NOUNS = _words(_LISTS["obj_nouns"])
OWNED = _words(_LISTS["owned"])
OWNERSHIP = _words(_LISTS["ownership"])
SUPPORT = _words(_LISTS["support"])
AMONG = _words(_LISTS["among"])
CONTRACT = _words(_LISTS["contract"])
COUNTED = _words(_LISTS["counted"])
TARGET_OBJECTS = _words(_LISTS["target_objects"])
FAR = _words(_LISTS["far"])
LOST_HOLD = _words(_LISTS["lost_hold"])
ARREST_NOUNS = _words(_LISTS["arrest_nouns"])
RESPONSE = _words(_LISTS["response"])
# X ردّ (عليها) بإطلاق/بقصف ...: X answered with the event told by the ب-noun, X is its doer (ردت عليها فصائل
# مسلحة بإطلاق صواريخ، ورد الحوثيون بقصف نجران)
ANSWER_VERBS = _verbs(_LISTS["answer_verbs_past"], _LISTS["answer_verbs_present"])
ANSWER_OBJECTS = _words(_LISTS["answer_objects"])
ANSWER_NOUNS = _words(_LISTS["answer_nouns"])
ANSWERED_WHY = "answered with the event (ردت X بإطلاق/بقصف)"
ANSWERED_BEFORE_WHY = "named before the answer (X ... فردت Y بقصف): not its doer, nor its other side by default"
# The police or army of the country where an attack on people happened, named as the ones who caught its doer,
# found its victims or shot the attacker (ألقت الشرطة القبض على منفذه، اعتقلته الشرطة، عثرت الشرطة على جثتين،
# قتل المهاجم برصاص قوات الأمن): they responded to the attack; they did not do it. Read in train on BBC, Sky
# News, France 24, CNN and the Saudi papers (lone attackers in Europe and the Americas, cells in the Gulf).
CAUGHT = _verbs(_LISTS["caught_past"], _LISTS["caught_present"]) | _words(_LISTS["caught_words"])
PERPETRATORS = _words(_LISTS["perpetrators"])
SHOT_DOWN = _verbs(_LISTS["shot_down_past"], _LISTS["shot_down_present"]) | _words(_LISTS["shot_down_words"])
POST_WHY = "a post or patrol: the thing hit"
OWNED_POST_WHY = "a post or patrol of the force named after it (نقطة تفتيش للشرطة): that force is the one hit"
ATTACKER_WHY = "the attacker the police or army caught or shot (المهاجم، منفذ الهجوم): the doer"
CAUGHT_WHY = "caught or shot the attacker, or found the victims (ألقت القبض على منفذه، عثرت على): responded"
# the speaker's own men or aircraft as the subject of what it reports (قال الجيش إن جنوده أطلقوا النار، أعلن
# الجيش أن مقاتلاته قصفت): it did it (its forces and units are in SELF)
OWN_FORCES = _words(_LISTS["own_forces"])
OWN_MEN = _words(_LISTS["own_men"])
FIRE_NOUNS = _words(_LISTS["fire_nouns"])  # إطلاق نار فلسطيني: gunfire of that nationality
# what a nationality word after it makes a state's own (دورية تركية، قاعدة روسية): its forces
_OWNED_BY_FORCES = TARGET_OBJECTS | _words(_LISTS["owned_by_forces"])
# Unions of the lists above that the rules test tokens against, built once here: a union of hundreds of
# words rebuilt for every token it tests cost more than the test itself.
ANY_VERBS = VERBS | PATIENT_VERBS
ACTIVE_VERBS = VERBS - PATIENT_VERBS
PATIENT_NOUNS_ONLY = PATIENT_NOUNS - PATIENT_VERBS
EVENT_NOUNS = AGENT_NOUNS | PATIENT_NOUNS
AIR_OR_AGENT_NOUNS = AIR_WORDS | AGENT_NOUNS
# The grounds the type rules ask about (rasd.assemble._adjust_type): a side read only as the owner of what was
# hit (مواقع تابعة ل، مقر لـ), a doer that no word of the article names
OWNS_TARGET_WHY = "owns the target (رتل تابع ل/مواقع ل)"
NO_DOER_WHY = "no doer named: an unidentified armed group (ACLED)"
NOT_OWNED_AFTER = AGENT_NOUNS | VERBS | SPEECH | SOURCE_NOUNS | AIR_WORDS | PATIENT_NOUNS  # no "a noun + ل + the force"


def _has(tok, words: frozenset[str]) -> bool:
    return not _forms(tok.text).isdisjoint(words)


@lru_cache(maxsize=100_000)
def _verb_forms(word: str) -> frozenset[str]:
    """Readings of a token as a verb: only و/ف (and ل before a present form) in front, an object pronoun
    behind (وقصفتها -> قصفت); never the article (الشرعية is not شرع)."""
    out = {word}
    if word[:1] in ("و", "ف") and len(word) > 3:
        out.add(word[1:])
    for w in list(out):
        if w[:1] == "ل" and w[1:2] in ("ي", "ت") and len(w) > 4:
            out.add(w[1:])
    for w in list(out):
        for suffix in ("هما", "هم", "ها", "ه"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                out.add(w[: -len(suffix)])
    return frozenset(out)


def _verb(tok, verbs: frozenset[str]) -> bool:
    return not _verb_forms(tok.text).isdisjoint(verbs)


@lru_cache(maxsize=10_000)
def _object_attached(word: str) -> bool:
    """A verb written with its object pronoun (تنفذها، واستهدفتهم): the noun after it is its subject
    (تنفذها أربع طائرات), not its object."""
    if word[:1] in ("و", "ف") and len(word) > 4:
        word = word[1:]
    return word not in VERBS and any(word.endswith(suffix) and word[: -len(suffix)] in VERBS
                                     for suffix in ("هما", "هم", "ها", "ه"))


# -- roles ----------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Cand:
    mention: ActorMention
    actor: Actor
    agent: float = 0.0
    target: float = 0.0
    source: bool = False
    owner: bool = False
    between: bool = False
    far: bool = False
    speaker_party: bool = False  # an armed side that reports a fight it is in
    launcher: bool = False  # named as the one who fired (أطلقه X، بنيران X)
    responder: bool = False  # acts in response to the event (X شن ضربات ردا على الهجوم): not its doer
    catcher: bool = False  # the country's police or army that caught or shot the attacker (CAUGHT): not the doer
    bystander: bool = False  # owns a thing near the event that is not its object (issue 17): no side by default
    rule_target: float | None = None  # the rules' target points before the role model added its own
    why: list[str] = field(default_factory=list)

    def add(self, role: str, points: float, why: str) -> None:
        if role == "agent":
            self.agent += points
        else:
            self.target += points
        self.why.append(why)


def _token_index(doc: Document, pos: int) -> int:
    return bisect_left(doc._token_starts(), pos)


def _token_holding(doc: Document, pos: int) -> int:
    """The token a position falls in (واشتبكت for the event word اشتبكت after its و)."""
    return max(0, bisect_right(doc._token_starts(), pos) - 1)


def _trigger_tokens(doc: Document, trigger) -> tuple[int, int]:
    first = _token_index(doc, trigger.start)
    last = max(first, _token_index(doc, trigger.end) - 1)
    return first, last


def _passive(doc: Document, tok) -> bool:
    """A verb written with a damma on its first letters (استُهدف، قُتل) reads as a passive."""
    s, e = doc.original_span(tok.start, tok.end)
    return "\u064f" in doc.text[s:min(e, s + 6)]


def _head_of_clause(doc: Document, k: int, floor: int) -> bool:
    """Token ``k`` opens a clause: the sentence's start, after a conjunction/complementizer, or after ``:``/quote."""
    tokens = doc.tokens
    j = k - 1
    while j >= floor and tokens[j].text in TIME_WORDS:
        j -= 1
    if j < floor:
        return True
    gap = doc.norm.text[tokens[j].end:tokens[k].start]
    if any(ch in gap for ch in ':"\'(«'):
        return True
    word = tokens[j].text
    return word in HEAD_OPENERS or word in ("و", "ف") or _has(tokens[j], SPEECH) and word.startswith(("و", "ف"))


# Cue lists the rules of _analyse test together, built once (a union or a list written in a rule, built
# again for every token it tested, cost more than the test)
SPEECH_OR_SOURCE = SPEECH | SOURCE_NOUNS
ANNOUNCE = _verbs(_LISTS["announce_past"], _LISTS["announce_present"])
NOT_ANNOUNCED = CASUALTY_AFTER | _words(_LISTS["not_announced"])
STAND_BEHIND = _words(_LISTS["stand_behind"])
AGENT_PHRASE_WORDS = tuple((_words(p), _words(q)) for p, q in AGENT_PHRASES)
AGENT_PHRASE_FIRST = frozenset().union(*(p for p, _ in AGENT_PHRASE_WORDS))  # a quick test before the pairs
SUBJECTED = _words(_LISTS["subjected"])
DIED_OWN = _words(_LISTS["died_own"])
MET = _words(_LISTS["met"])
FAR_WORDS = FAR | frozenset(_LISTS["far_words_also"])
SPOKE = _LISTS["spoke"]
_EVENT_OR_VERB = EVENT_NOUNS | VERBS | PATIENT_VERBS


def _owns_speaker(texts: list[str], forms: list[frozenset[str]], base: int, k: int, lo: int, cands: list[_Cand]) -> bool:
    """The mention at ``k`` after an ownership word (التابع ل) owns the subject of a statement: a speech verb or
    a source noun, then one to three words that name what is owned (no actor, no event word), then the
    ownership word (``قال مركز اعلام الغوطة التابع للمعارضة``، ``أعلن تلفزيون المسيرة التابع للحوثيين``), or a
    reporting body right before it (``وكالة سبأ التابعة للحوثيين``)."""
    covered = None
    for steps, j in enumerate(range(k - 2, max(lo, k - 5) - 1, -1)):
        w = texts[j]
        if w in SPOKE:
            return False
        if steps and (w in SOURCE_NOUNS or not forms[j - base].isdisjoint(SPEECH_OR_SOURCE)):
            return True
        if not forms[j - base].isdisjoint(_EVENT_OR_VERB):
            return False
        if covered is None:
            covered = {i: o.mention.kind for o in cands for i in range(o.mention.first, o.mention.last + 1)}
        if j in covered:
            return covered[j] == "source"  # وكالة سبأ التابعة للحوثيين: a reporting body it owns
    return False


BETWEEN_FIRST = "the first party of بين ... و"
BETWEEN_SECOND = "the second party of بين ... وبين"
BETWEEN_WHY = (BETWEEN_FIRST, BETWEEN_SECOND)
OWNS_DOER_WHY = "owns the doer (مسلحون تابعون ل/عناصر يتبعون + the verb before them): the doer's side"
# issue 17: what a force owns is the event's target only when it is the event word's object: named after the
# event word in its clause, a few words on (استهدف رتلا تابعا ل، هجوم على مقر تابع ل، انفجرت عبوة برتل تابع
# ل), or the subject of a verb of suffering right before it (رتل تابع للتحالف تعرض لهجوم); a thing owned some
# way off or in another clause (فيما ... منشآت تابعة لحماس، قرب أحد مراكز الشرطة) gives its owner no role
OWNS_OTHER_WHY = "owns something that is not the event's object (issue 17): no role from it"
OWNED_OBJECT_SPAN = 4  # the most words from the event word's last to the owned noun
# the doer's men, units or fighters, named with their owner (قام مسلحون تابعون للحوثيين بـ، تمكنت الفرق
# الهندسية التابعة لقوات المقاومة): the owner is the doer's side, not the one hit
DOER_MEN = _words(_LISTS["doer_men"])
CARRIER_WAS = _words(_LISTS["carrier_was"])
OBJECT_PREPS = TARGET_PREPS | ON | _words(_LISTS["object_preps"])
OWNED_OR_MEN = OWNED | OBJ_NOUNS - OWNERSHIP - _words(_LISTS["owned_or_men"]) | DOER_MEN


@dataclass(slots=True)
class _MentionRules:
    """What the rules of :func:`_analyse` read around one candidate mention that does not depend on the event
    word: read once per article, sentence and readings (:func:`_sentence_rules`) and applied again for every
    event word of the sentence (issue 15), the event word's own tests made each time, in the rules' order.

    ``ops`` are the effects of the rules after the statement's ones, in their order: ``(index, role, points,
    why)`` adds points to the candidate at ``index`` of the sentence's candidates (the accused of an
    accusation is another one); role ``"source"`` makes it a source with that reason. ``stop``: the rules end
    there for this mention (an accuser, the owner of a speaker)."""

    k: int  # the token whose left context tells the role (cue_first, else first)
    body: bool = False  # a reporting body: a source, nothing else read
    spoken: tuple[str, float, str] | None = None  # a statement's speaker who did it/lost men/claims: its points
    speaker: bool = False  # a statement's speaker (spoken says how, else the event word decides)
    announces: bool = False  # أعلن before it: the event word right after may be its own action
    party: bool = False  # an armed named side: a speaker reporting a fight is a party of it
    ops: list = field(default_factory=list)
    stop: bool = False
    launcher: bool = False
    between: bool = False
    owner: bool = False
    owned_at: int = -1  # the owned noun (رتل of رتل تابع ل، مقر of مقر ل)
    subject_from: int = -1  # the word the walk back to the verb stops at, the event word apart
    counted: bool = False  # a number or count word passed on that walk
    subjects: dict = field(default_factory=dict)  # (the verb's token, counted) -> the subject rule's effect
    head: tuple[str, float, str] | None = None  # the subject at the head of a clause: its effect
    heads: bool = False  # opens a clause with no verb after it (the event word's place decides)
    strike: bool = False  # a strike noun with its nationality
    post: bool = False  # a post or patrol: the thing hit


@dataclass(slots=True)
class _SentenceRules:
    base: int  # forms[j - base] is _forms(texts[j]) for the sentence's words and a margin
    forms: list
    mentions: list  # a _MentionRules per candidate, in the candidates' order


def _sentence_rules(doc: Document, sentence, cands: list[_Cand]) -> _SentenceRules:
    """The trigger-free reading of the candidates of ``sentence`` (:class:`_MentionRules`), kept per article
    (``doc.user_data``, while ``doc.actors`` is the same list) under the sentence and its mentions with their
    categories (an event in another country may read a mention as another actor)."""
    lo, hi = sentence.first, sentence.last
    data = getattr(doc, "user_data", None)
    key = (lo, hi, tuple([(id(c.mention), c.actor.category) for c in cands]))
    memo = None
    if data is not None:
        memo = data.get("_actors_rules")
        if memo is None or memo[0] is not doc.actors:
            memo = data["_actors_rules"] = (doc.actors, {})
        found = memo[1].get(key)
        if found is not None:
            return found
    texts = doc.token_texts()
    firsts = [c.mention.cue_first if c.mention.cue_first >= 0 else c.mention.first for c in cands]
    base = max(0, min(lo, *firsts) - 8)
    forms = _forms_of(texts[base:min(len(texts), max(hi, *(c.mention.last for c in cands)) + 9)])
    found = _SentenceRules(base, forms, [_mention_rules(doc, sentence, cands, i, k, texts, forms, base)
                                          for i, k in enumerate(firsts)])
    if memo is not None:
        memo[1][key] = found
    return found


def _owned_noun(texts: list[str], forms: list, base: int, i1: int, lo: int, w1: str, f1: frozenset) -> int:
    """The owned noun of an ownership before a mention at ``i1 + 1``: the word before the ownership word
    (تابع/التابعة/يتبعون): the nearest owned thing or men up to four words before it (الفرق الهندسية التابعة
    ل، مواقع يشتبه في أنها تابعة ل), else the word before it; without one, the word before the mention
    itself (مقر لكتائب، رتل ل). What a carrier carries stands for the carrier (رتل ينقل معدات ل: رتل)."""
    j = i1
    if w1 in OWNERSHIP or not f1.isdisjoint(OWNERSHIP):
        j = next((j for j in range(i1 - 1, max(lo, i1 - 4) - 1, -1)
                  if texts[j] in OWNED_OR_MEN or not forms[j - base].isdisjoint(OWNED_OR_MEN)),
                 i1 - 1 if i1 - 1 >= lo else i1)
    # what a convoy or vehicle carries: the carrier is the thing hit (رتل كان ينقل معدات التحالف، رتل ينقل
    # معدات للقوات الأميركية)
    h = j - 1
    if h >= lo and texts[h] in HOSTS:
        h -= 1
        if h >= lo and texts[h] in CARRIER_WAS:
            h -= 1
        if h >= lo:
            return h
    return j


def _owned_doer(texts: list[str], forms: list, base: int, owned: int, lo: int) -> bool:
    """The owned noun is the doer's men or units (DOER_MEN) and the subject of a verb of doing right before
    it (قام مسلحون تابعون ل، تمكنت الفرق الهندسية التابعة ل، تنفذها قوات النخبة التابعة ل): the owner is
    the doer's side. A verb of suffering (قتل، أصيب، اعتقل) or a preposition before it leaves it the one hit."""
    if owned < lo or not (texts[owned] in DOER_MEN or not forms[owned - base].isdisjoint(DOER_MEN)):
        return False
    j = owned - 1
    if j >= lo and texts[j] in TIME_WORDS:
        j -= 1
    if j < lo:
        return False
    verb = _verb_forms(texts[j])
    return not verb.isdisjoint(VERBS) and verb.isdisjoint(PATIENT_VERBS)


def _event_word(texts: list[str], forms: list, base: int, j: int) -> bool:
    """The word at ``j`` tells an attack or what was suffered: a verb (هاجم، استهدفت، قصفتها، تعرض) or a noun
    (غارة، قصف، استهداف، مقتل)."""
    return not _verb_forms(texts[j]).isdisjoint(ANY_VERBS) or texts[j] in EVENT_NOUNS \
        or not forms[j - base].isdisjoint(EVENT_NOUNS)


def _owned_is_object(texts: list[str], forms: list, base: int, owned: int, last: int, t_first: int,
                     t_last: int, lo: int, hi: int) -> bool:
    """What a mention's owner owns (the noun at ``owned``, the mention ending at ``last``) is the object or
    target of the event word's clause (issue 17), no FAR word (فيما، بينما) between them, and:

    * named after the event word, at most OWNED_OBJECT_SPAN words on (استهدف انفجار رتلا تابعا ل، هجوم على
      مقر تابع ل، انفجرت عبوة ناسفة برتل تابع ل), or as near after its preposition (هجوما واسع النطاق ضد
      أهداف عسكرية لحماس) or another attack word of the clause (حيث حصلت الغارة: إن مروحيتين هاجمتا حاجزا
      للجيش);
    * or named before it, its owner at most two words before it (رتل تابع للتحالف تعرض لهجوم، رتل ينقل
      معدات للقوات الأميركية بعبوة ناسفة), or as the subject of a verb a few words on (مواقع عسكرية للنظام في
      حماة قد استهدفت بصواريخ).

    A thing owned near the event word but not hit by it (حشدا من المارة قرب أحد مراكز الشرطة) or in another
    clause (فيما قصفت ... منشآت تابعة لحماس) is not."""
    if owned < 0 or t_first <= owned <= t_last or t_first <= last < t_last:
        return True
    x, y = (t_last, owned) if owned > t_last else (last, t_first)
    if not FAR_WORDS.isdisjoint(texts[x + 1:y]):
        return False
    if t_last < owned <= t_last + OWNED_OBJECT_SPAN or last < t_first <= last + 3:
        return True
    if owned > t_last and any(texts[j] in OBJECT_PREPS for j in range(max(t_last + 1, owned - 3),
                                                                   min(owned, t_last + OWNED_OBJECT_SPAN + 1))):
        return True  # the object of the event word's preposition (هجوما واسع النطاق ضد أهداف عسكرية لحماس)
    if any(_event_word(texts, forms, base, j) for j in range(max(lo, owned - OWNED_OBJECT_SPAN), owned)):
        return True
    return owned < t_first and any(not _verb_forms(texts[j]).isdisjoint(ANY_VERBS)
                                   for j in range(last + 1, min(hi, last + 10, t_first) + 1))


# the words the rules of _mention_rules from the accusation to "between X and Y" look for: those read up to
# five words before the mention or in the two after it (_FAR_CUES), and those read only in the two words
# before it (_NEAR_CUES: the agent prepositions, the second word of من قبل/على يد, a lost hold, بين);
# with none of them there, none of those rules can apply to the mention
_FAR_CUES = ACCUSE | ACCUSED_OF | BEHIND | CLAIM | ATTACK_TRIED | AMONG_COUNTED
_NEAR_CUES = (AGENT_PREPS | AGENT_OBJECT_VERBS | LOST_HOLD | AND_BETWEEN | frozenset(_LISTS["near_cues"])
              | frozenset().union(*(q for _, q in AGENT_PHRASE_WORDS)))


def _mention_rules(doc: Document, sentence, cands: list[_Cand], index: int, k: int, texts: list[str],
                   forms: list, base: int) -> _MentionRules:
    """The rules of :func:`_analyse` for the candidate at ``index`` that do not read the event word."""
    c = cands[index]
    m = c.mention
    out = _MentionRules(k)
    if m.kind == "source":
        out.body = True
        return out
    ops = out.ops
    lo, hi = sentence.first, sentence.last
    last = m.last
    i1 = k - 1 if k - 1 >= lo else -1  # the word before (b1), -1: none
    i2 = k - 2 if k - 2 >= lo else -1  # the one before it (b2)
    w1 = texts[i1] if i1 >= 0 else None
    w2 = texts[i2] if i2 >= 0 else None
    f1 = forms[i1 - base] if i1 >= 0 else frozenset()
    f2 = forms[i2 - base] if i2 >= 0 else frozenset()
    two_after = range(last + 1, min(hi, last + 2) + 1)  # after[:2]
    two_before = range(max(lo, k - 2), k)  # before[-2:]
    # the two words after and before, their texts and their readings together: ``not fa2.isdisjoint(X)``
    # is ``any(not forms[j - base].isdisjoint(X) for j in two_after)``, ``not X.isdisjoint(ta2)`` is
    # ``any(texts[j] in X for j in two_after)`` (X a frozenset), each read once for the tests below
    ta2, tb2 = texts[two_after.start:two_after.stop], texts[two_before.start:two_before.stop]
    fa2 = frozenset().union(*forms[two_after.start - base:two_after.stop - base]) if ta2 else frozenset()
    fb2 = frozenset().union(*forms[two_before.start - base:two_before.stop - base]) if tb2 else frozenset()
    # --- statements: the speaker is a source -------------------------------------------------
    spoken_before = described = False
    for j in range(k - 1, max(lo, k - 3) - 1, -1):
        w = texts[j]
        if w in SPOKE or w in SELF:
            break
        if w in SOURCE_NOUNS or not forms[j - base].isdisjoint(SPEECH_OR_SOURCE):
            spoken_before = True
            described = not forms[j - base].isdisjoint(DESCRIBE)
            break
        if w in SOURCE_LINKS or w in TIME_WORDS:
            continue
        break
    spoken_after = not fa2.isdisjoint(SPEECH) and not (
        last + 1 <= hi and not _verb_forms(texts[last + 1]).isdisjoint(VERBS))
    if spoken_before or spoken_after:
        out.speaker = True
        rest_end = min(hi, last + 6)
        self_at = next((j for j in range(last + 1, min(rest_end, last + 5) + 1) if texts[j] in SELF), None)
        if self_at is not None and not described and (self_at == hi or texts[self_at + 1] not in SELF_DENIED):
            out.spoken = ("agent", 3.0, "the speaker says it did it itself (أنها/أنه)")
        elif any(not forms[j - base].isdisjoint(VICTIMS) for j in range(last + 1, min(rest_end, last + 3) + 1)) \
                and not OWN_MEN.isdisjoint(texts[last + 1:min(rest_end, last + 5) + 1]) \
                and c.actor.category in ARMED:
            out.spoken = ("target", 2.5, "reports its own men killed or wounded (أعلن الجيش مقتل أحد جنوده)")
        elif any(texts[j] in RESPONSIBILITY or not forms[j - base].isdisjoint(RESPONSIBILITY)
                 for j in range(last + 1, min(rest_end, last + 4) + 1)) or not fb2.isdisjoint(CLAIM):
            out.spoken = ("agent", 3.5, "claims the attack (أعلن مسؤوليته/تبنى)")
        elif any(texts[j] in OWN_FORCES and texts[j - 1] in SPOKE and (j == hi or forms[j + 1 - base].isdisjoint(VICTIMS))
                 for j in range(last + 2, min(rest_end, last + 5) + 1)):
            out.spoken = ("agent", 3.0, "the speaker says it did it through its men (إن جنوده/أن مقاتلاته)")
        else:
            out.announces = not fb2.isdisjoint(ANNOUNCE)
            out.party = c.actor.category in ARMED and not m.generic and m.kind != "source"
            if not out.announces:
                return out  # a source whatever the event word: the rules after are not read
    # the rules from here to "between X and Y" each need a word of _NEAR_CUES among the two words before the
    # mention or one of _FAR_CUES among the five before it and the two after it (their texts or readings):
    # half the mentions have none, and these tests pass them all over
    before5 = max(lo, k - 5)
    if not (_NEAR_CUES.isdisjoint(fb2) and _NEAR_CUES.isdisjoint(tb2) and _FAR_CUES.isdisjoint(fa2)
            and _FAR_CUES.isdisjoint(ta2) and _FAR_CUES.isdisjoint(texts[before5:k])
            and all(map(_FAR_CUES.isdisjoint, forms[before5 - base:k - base]))):
        # --- attributions: اتهم X Y بالوقوف وراء ----------------------------------------------------
        # (the three words before: two_before, and k - 3 when inside the sentence; most mentions have none)
        accuse = None if fb2.isdisjoint(ACCUSE) and (k - 3 < lo or forms[k - 3 - base].isdisjoint(ACCUSE)) else \
            next((j for j in range(k - 1, max(lo, k - 3) - 1, -1) if not forms[j - base].isdisjoint(ACCUSE)), None)
        if accuse is not None and not any(accuse < o.mention.first < m.first for o in cands):
            later = [i for i, o in enumerate(cands)
                     if o is not c and 0 < o.mention.first - last <= 4 and o.actor.category in ARMED]
            if later:
                ops.append((index, "source", 0.0, "the accuser: a source"))
                ops.append((later[0], "agent", 3.0, "accused of the attack (اتهم ... ب)"))
                out.stop = True
                return out
        if not ACCUSED_OF.isdisjoint(ta2) or not fa2.isdisjoint(ACCUSED_OF) or not BEHIND.isdisjoint(ta2) \
                and not fa2.isdisjoint(STAND_BEHIND):
            ops.append((index, "agent", 3.0, "named as the one behind it (بالوقوف وراء/بتنفيذ)"))
        # --- claims ---------------------------------------------------------------------------------
        if not fb2.isdisjoint(CLAIM) or not fa2.isdisjoint(CLAIM):
            ops.append((index, "agent", 3.5, "claims it (تبنى)"))
        # --- agent phrases --------------------------------------------------------------------------
        if i2 >= 0 and not f2.isdisjoint(AGENT_PHRASE_FIRST) and any(
                not f2.isdisjoint(p) and not f1.isdisjoint(q) for p, q in AGENT_PHRASE_WORDS):
            ops.append((index, "agent", 3.0, "after من قبل/على يد"))
        elif i1 >= 0 and (w1 in AGENT_PREPS or w1 in AGENT_OBJECT_VERBS):
            ops.append((index, "agent", 3.0, f"after {w1}"))
            out.launcher = True
        elif i2 >= 0 and w2 in AGENT_PREPS and w1 in AIR_OR_AGENT_NOUNS:
            ops.append((index, "agent", 2.5, f"after {w2} {w1}"))
        # --- an attack repelled: X in صد/تصدى/أحبط ... هجوم/محاولة تسلل X (battles only: _analyse) -------------
        attack = next((j for j in range(k - 1, max(lo, k - 4) - 1, -1)
                       if texts[j] in ATTACK_TRIED or not forms[j - base].isdisjoint(ATTACK_TRIED)), None)
        if attack is not None:
            repel = next((r for r in range(attack - 1, max(lo, attack - 4) - 1, -1)
                          if texts[r] in REPEL or not _verb_forms(texts[r]).isdisjoint(REPEL)
                          or not forms[r - base].isdisjoint(REPEL)), None)
            if repel is not None and not any(attack < o.mention.first < m.first for o in cands):
                ops.append((index, "repelled", 3.0, REPELLED_WHY))
                # who stopped it: named just before the repel word (its subject, the first of X و Y) or between it
                # and the attack (أحبطت ألوية العمالقة محاولة ...)
                stopped = [(o.mention.first, i) for i, o in enumerate(cands)
                           if o is not c and o.actor.category in ARMED and o.mention.kind != "source"
                           and o.mention.last >= repel - 6 and o.mention.last < attack]
                if stopped:
                    ops.append((min(stopped)[1], "repeller", 3.0, REPELLER_WHY))
        # --- people counted, among them men of X (قتل ١٢ شخصا بينهم قياديان من فيلق الرحمن): X is the one hit ---------
        if c.actor.category in ARMED and not m.generic:
            among = next((j for j in range(k - 1, max(lo, k - 5) - 1, -1) if texts[j] in AMONG_COUNTED), None)
            if among is not None and _verb_forms(texts[among + 1]).isdisjoint(ANY_VERBS):
                counted_civilians = [i for i, o in enumerate(cands) if o.actor.category == "Civilians" and o.mention.generic
                                     and 0 < among - o.mention.last <= 3]
                if counted_civilians and not any(among < o.mention.first < m.first for o in cands):
                    ops.append((index, "target", 3.0, MEMBERS_AMONG_WHY))
                    ops.append((counted_civilians[-1], "members", 0.5, "counted with the men of an armed group among "
                                "them (بينهم ... من X): the group is the one hit"))
        # --- the one who lost the place: من سيطرة/من قبضة/من أيدي X; the one who held it: تحت سيطرة X --------
        if i2 >= 0 and w2 in ("من", "ومن") and not f1.isdisjoint(LOST_HOLD):
            ops.append((index, "target", 3.0, f"lost the place (من {w1})"))
        elif i2 >= 0 and (w2 == "تحت" or not f2.isdisjoint(SUBJECTED)) and not f1.isdisjoint(LOST_HOLD):
            ops.append((index, "target", 2.0, f"held the place that was hit ({w2} {w1})"))
        # --- between X and Y ------------------------------------------------------------------------
        if i1 >= 0 and w1 in ("بين", "فبين") and c.actor.category != "Civilians":
            ops.append((index, "agent", 2.5, BETWEEN_FIRST))
            out.between = True
        elif i1 >= 0 and w1 in AND_BETWEEN:
            ops.append((index, "target", 2.5, BETWEEN_SECOND))
    # --- owner of the target --------------------------------------------------------------------
    owner = False
    if i1 >= 0 and (w1 in OWNERSHIP or not f1.isdisjoint(OWNERSHIP)):
        if _owns_speaker(texts, forms, base, k, lo, cands):
            # قال مركز إعلام الغوطة التابع للمعارضة إن ...: what it owns speaks; it is a source
            ops.append((index, "source", 0.0,
                        "owns the one who speaks (قال مركز ... التابع ل): a source, not a participant"))
            out.stop = True
            return out
        owner = True
    elif i1 >= 0 and not f1.isdisjoint(OWNED):
        owner = not (w1.startswith("ب") and not f1.isdisjoint(AGENT_NOUNS))
    elif (i1 >= 0 and m.cue_first == m.first and _lam(doc, m) and not w1.isdigit()
          and f1.isdisjoint(NOT_OWNED_AFTER) and w1 not in TIME_WORDS and not w1.startswith("و")):
        owner = True  # a noun + ل + the force: مخبأ لخلية، مقر لكتائب حزب الله
    if owner:
        out.owner = True
        owned = out.owned_at = _owned_noun(texts, forms, base, i1, lo, w1, f1)
        if last + 1 <= hi and not _verb_forms(texts[last + 1]).isdisjoint(VERBS) \
                and _verb_forms(texts[last + 1]).isdisjoint(PATIENT_VERBS):
            ops.append((index, "agent", 2.0, "owns the subject of the verb (التابعة ل ... + verb)"))
        elif _owned_doer(texts, forms, base, owned, lo):
            ops.append((index, "agent", 2.0, OWNS_DOER_WHY))
        else:
            ops.append((index, "target", 2.5, OWNS_TARGET_WHY))
    # --- targets --------------------------------------------------------------------------------
    lead = -1  # the nearest word before that is no object noun, number or count (-1: none)
    for j in range(k - 1, max(lo, k - 6) - 1, -1):
        w = texts[j]
        if not (w in OBJ_NOUNS or not forms[j - base].isdisjoint(OBJ_NOUNS) or w.isdigit() or w in _COUNT_WORDS):
            lead = j
            break
    if not owner and i1 >= 0:
        # the last two words of the window (two_before)
        lw = texts[lead] if lead >= 0 else None
        if not HOSTS.isdisjoint(tb2):
            ops.append((index, "target", 2.5, "in the place that was hit (يضم/تتمركز)"))
        elif not TARGET_PREPS.isdisjoint(tb2) or not fb2.isdisjoint(TARGET_PREPS) or \
                (lead >= 0 and lw in TARGET_PREPS):
            ops.append((index, "target", 2.5, "after ضد/نحو"))
        elif lead >= 0 and lw in ON:
            ops.append((index, "target", 2.0, "after على"))
        elif lead >= 0 and lw in WITH and lead >= k - 3:
            ops.append((index, "with", 0.0, "after مع"))  # 2 points in a fight, else 1 (the event word's type)
        elif lead >= 0 and (not forms[lead - base].isdisjoint(PATIENT_NOUNS) or lw in PATIENT_NOUNS):
            if not forms[lead - base].isdisjoint(ARREST_NOUNS) and any(
                    o.mention.first == last + 1 and texts[o.mention.first].startswith("ل") for o in cands):
                ops.append((index, "agent", 2.5, "the subject of an arrest noun (اعتقال X ل Y)"))
            else:
                ops.append((index, "target", 2.5, f"after {lw}"))
    if not CASUALTY_AFTER.isdisjoint(texts[last + 1:min(hi, last + 3) + 1]) or not all(
            map(DIED_OWN.isdisjoint, forms[last + 1 - base:min(hi, last + 3) + 1 - base])):
        ops.append((index, "target", 2.0, "its men were killed or wounded"))
    if i1 >= 0 and not f1.isdisjoint(MET):
        ops.append((index, "target", 2.5, "after لقي"))
    # --- subject of a verb: the walk back over time words, numbers and person nouns (the event word's own
    # tokens stop it too: _analyse) -------------------------------------------------------------------------
    j = k - 1
    counted = False
    while j >= lo and k - j <= 4 and (
            texts[j] in TIME_WORDS or texts[j].isdigit() or texts[j] in _COUNT_WORDS
            or texts[j] == "من" or not forms[j - base].isdisjoint(_PERSON_NOUNS)):
        counted = counted or texts[j].isdigit() or texts[j] in _COUNT_WORDS
        j -= 1
    out.subject_from, out.counted = j, counted
    if _head_of_clause(doc, k, lo):
        verb_after = next((j for j in range(last + 1, min(hi, last + 6) + 1)
                           if not _verb_forms(texts[j]).isdisjoint(ANY_VERBS) and texts[j] != "قد"), None)
        if verb_after is not None and not _verb_forms(texts[verb_after]).isdisjoint(PATIENT_VERBS) \
                and _verb_forms(texts[verb_after]).isdisjoint(ACTIVE_VERBS):
            out.head = ("target", 2.5, f"the subject of {texts[verb_after]}")
        elif verb_after is not None:
            out.head = ("agent", 2.5, f"the subject at the head of the clause ({texts[verb_after]})")
        else:
            out.heads = True
    # --- categories -----------------------------------------------------------------------------
    out.strike = m.generic and m.note.startswith("a strike noun")
    out.post = m.generic and not forms[m.first - base].isdisjoint(TARGET_OBJECTS)
    return out


def _subject_rule(doc: Document, sentence, c: _Cand, k: int, j: int, counted: bool, texts: list[str],
                  forms: list, base: int) -> tuple[str, float, str] | None:
    """The rule of the subject of a verb for the mention at ``k`` whose walk back stopped at the word ``j``."""
    lo = sentence.first
    m = c.mention
    if not (j >= lo and k - j <= 4 and not c.owner):
        return None
    pw = texts[j]
    pf = forms[j - base]
    pv = _verb_forms(pw)
    masdar = j - 1 >= lo and (texts[j - 1] in MASDAR_BEFORE or pw.startswith("ال"))
    if not pv.isdisjoint(AMBIGUOUS) and not masdar:
        counted = m.generic and k - j > 1 or not forms[m.first - base].isdisjoint(COUNTED)
        if _passive(doc, doc.tokens[j]) or counted or c.actor.category == "Civilians":
            return "target", 2.5, f"the subject of the passive {pw}"
        return "agent", 2.5, f"the subject after the verb ({pw})"
    if masdar:
        return None
    verb = not pv.isdisjoint(VERBS)
    if not pv.isdisjoint(PATIENT_VERBS) and pf.isdisjoint(AGENT_NOUNS) and pw not in PATIENT_NOUNS_ONLY \
            or (verb and _passive(doc, doc.tokens[j])):
        return "target", 2.5, f"the subject of a passive/unaccusative verb ({pw})"
    if verb and pf.isdisjoint(SPEECH) and pw not in PATIENT_NOUNS and not pw.startswith("ب") \
            and counted and not _object_attached(pw):
        return "target", 2.0, f"counted after the verb: its object ({pw})"
    if verb and pf.isdisjoint(SPEECH) and pw not in PATIENT_NOUNS and not pw.startswith("ب"):
        return "agent", 2.5, f"the subject after the verb ({pw})"
    if (pw in AGENT_NOUNS or not pf.isdisjoint(AGENT_NOUNS)) and not pw.startswith("ب"):
        return "agent", 2.5, f"in construct after {pw}"
    if not pf.isdisjoint(AIR_WORDS) and j - 1 >= lo and not forms[j - 1 - base].isdisjoint(AGENT_NOUNS):
        return "agent", 2.5, f"in construct after {texts[j - 1]} {pw}"
    return None


def _analyse(doc: Document, trigger, sentence, cands: list[_Cand]) -> None:
    """Give each candidate its agent and target points from the Arabic around it: the rules that do not read
    the event word as :func:`_sentence_rules` keeps them for the sentence, the event word's own tests here."""
    if not cands:
        return
    texts = doc.token_texts()
    lo, hi = sentence.first, sentence.last
    t_first, t_last = _trigger_tokens(doc, trigger)
    read = _sentence_rules(doc, sentence, cands)
    forms, base = read.forms, read.base
    t_forms = _forms(texts[t_first]) if t_first < len(texts) else frozenset()
    verbal = (not _verb_forms(texts[t_first]).isdisjoint(VERBS) and t_forms.isdisjoint(EVENT_NOUNS)) \
        if lo <= t_first <= hi else False
    battle = trigger.event_type == "Battles"
    between_party = None
    for c, r in zip(cands, read.mentions):
        m = c.mention
        last = m.last
        k = r.k
        # report-clauses apart (فيما، بينما، وذلك): weaker
        x, y = (k, t_first) if k <= t_first else (t_first, k)
        c.far = not FAR_WORDS.isdisjoint(texts[x + 1:y])
        if r.body:
            c.source = True
            c.why.append("a reporting body: a source")
            continue
        # --- statements: the speaker is a source -------------------------------------------------
        if r.speaker:
            if r.spoken is not None:
                c.add(*r.spoken)
            elif (r.announces and t_first > last
                  and t_first - last <= 3 and not any(texts[j] in ("ان", "بان") for j in range(last + 1, t_first))
                  and t_forms.isdisjoint(NOT_ANNOUNCED)):
                c.add("agent", 2.5, "announces its own action (أعلن + the event)")
            else:
                c.source = True
                c.why.append("the speaker of a statement: a source, not a participant")
                if battle and r.party:
                    c.speaker_party = True
                continue
        # بين X و Y names the sides of an event word told before it (اشتباكات بين X و Y), not of one told after
        # in another clause (... بين الحوثيين والمقاومة. وأكد مصدر أن «المقاومة سيطرت»)
        sides_after = t_first < k
        owns_other = False  # what the mention's owner owns is not the event's object (issue 17)
        for i, role, points, why in r.ops:
            if not sides_after and why in BETWEEN_WHY:
                continue
            if why is OWNS_TARGET_WHY and not _owned_is_object(texts, forms, base, r.owned_at, last, t_first,
                                                                t_last, lo, hi):
                c.why.append(OWNS_OTHER_WHY)
                owns_other = c.bystander = True
                continue
            o = cands[i]
            if role == "source":
                o.source = True
                o.why.append(why)
            elif role == "with":
                o.add("target", 2.0 if battle else 1.0, why)
            elif role == "members":  # people counted whose men of a named group the group stands for
                o.target = min(o.target, points)
                o.why.append(why)
            elif role == "repelled" or role == "repeller":
                if battle:  # a fight: the attacker acts, who repelled it is hit
                    o.add("agent" if role == "repelled" else "target", points, why)
            else:
                o.add(role, points, why)
        if r.launcher:
            c.launcher = True
        if r.between and sides_after:
            c.between = True
            between_party = c
        if r.owner and not owns_other:
            c.owner = True
        if r.stop:
            continue
        # --- subject of a verb ------------------------------------------------------------------------
        j, counted = r.subject_from, r.counted
        if t_first <= k - 1 and t_last >= max(j, lo, k - 4):
            # the event word's tokens among the words walked back over: the walk stops at its last one
            stop = min(k - 1, t_last)
            if stop >= max(j, lo, k - 4):
                j = stop
                counted = any(texts[x].isdigit() or texts[x] in _COUNT_WORDS for x in range(j + 1, k))
        effect = r.subjects.get((j, counted), False)
        if effect is False:
            effect = r.subjects[(j, counted)] = _subject_rule(doc, sentence, c, k, j, counted, texts, forms, base)
        if effect is not None:
            c.add(*effect)
        if r.head is not None:
            c.add(*r.head)
        elif r.heads and k < t_first:
            c.add("agent", 1.0, "at the head of the clause")
        # --- categories -----------------------------------------------------------------------------
        if r.strike and c.agent < 2.5:
            c.add("agent", 2.5 - c.agent, "a strike noun with its nationality (الضربات الجوية التركية)")
        if r.post:
            c.add("target", 2.0, POST_WHY)
        if c.actor.category == "Civilians":
            c.target += 1.0
            c.agent -= 1.0
            if battle:  # civilians are not a party to a fight
                c.target *= 0.3
        elif c.actor.category == "Protesters" and trigger.event_type not in ("Protests", "Riots"):
            c.target += 0.5
        if c.far:
            c.agent *= 0.5
            c.target *= 0.5
    # ردا على/انتقاما ل + the event: those who act before it respond to it; they did not do it
    if not all(map(RESPONSE.isdisjoint, map(_forms, texts[max(lo, t_first - 3):t_first]))):
        for c in cands:
            if c.mention.last < t_first and not c.source and c.actor.category in ARMED:
                c.agent, c.responder = 0.0, True
                c.why.append("responds to the event (ردا على): not its doer")
    # X ردت (عليها) بإطلاق ...: the answerer did the event the ب-noun tells; those named before the answer
    # (the side whose strike it answers) did not
    answer = _answerer(doc, texts, lo, t_first, cands)
    if answer is not None:
        c, r = answer
        c.agent, c.responder = max(c.agent, 0.0) + 3.0, False
        c.why.append(ANSWERED_WHY)
        for o in cands:
            if o is not c and o.mention.last < r and o.actor.category in ARMED:
                o.agent, o.responder = 0.0, True
                o.why.append(ANSWERED_BEFORE_WHY)
    # a post or patrol with its owner named right after it (نقطة تفتيش للشرطة): the owner is the one hit, the
    # post is no second target (its generic reading, the country's army, is not the force that held it)
    for c in cands:
        if c.owner and c.target > c.agent:
            for o in cands:
                if o is not c and o.mention.generic and POST_WHY in o.why and \
                        0 < c.mention.first - o.mention.last <= 2:
                    o.target = 0.0
                    o.why.append(OWNED_POST_WHY)
    # the country's police or army that caught the attacker, shot him or found the victims: not the doer
    if trigger.event_type in ("Violence against civilians", "Explosions/Remote violence") and \
            trigger.sub_event_type not in NOT_CAUGHT:
        _catchers(doc, sentence, cands, texts)
    # a missile or drone shot down: who fired it is the side whose weapon was stopped (actor2)
    if trigger.sub_event_type == "Disrupted weapons use":
        for c in cands:
            if c.launcher:
                c.target, c.agent = c.target + c.agent, 0.0
                c.why.append("fired the weapon that was intercepted: the side whose attack was stopped")
    # the object of a verb after its subject (استهدف مسلحون رتلاً، هاجم مستوطنون مزارعين)
    subjects = [c for c in cands if c.agent > c.target and any(w.startswith("the subject") for w in c.why)]
    for c in sorted(cands, key=lambda c: c.mention.first):
        if c.source or c.why:
            continue
        k = c.mention.cue_first if c.mention.cue_first >= 0 else c.mention.first
        if any(0 < c.mention.first - s.mention.last <= 4 and not s.far for s in subjects):
            c.add("target", 1.5, "the object after the subject")
        elif verbal and not subjects and t_last < k <= t_last + 3:
            c.add("agent", 1.5, "follows the event verb")
            subjects.append(c)
    # بين X و Y: Y (joined to X by و) is hit, unless a later وبين names the other side
    if between_party is not None:
        second = any("بين ... وبين" in " ".join(o.why) for o in cands)
        joined = _joined(doc, between_party, cands)
        for o in joined:
            if second:
                o.add("agent", 1.5, "joined by و to the first party")
            else:
                o.add("target", 2.5, "the second party of بين ... و")


def _answerer(doc: Document, texts: list[str], lo: int, t_first: int, cands: list[_Cand]) -> tuple[_Cand, int] | None:
    """The candidate X of ``رد/ردت [عليها] X ب<event noun>`` whose ب-noun is the event word or just before it
    (بإطلاق صواريخ: the word صواريخ; at most four words before it), and the index of the verb; None when the sentence has no such answer."""
    for p in range(max(lo, t_first - 4), min(t_first + 1, len(texts))):
        w = texts[p]
        if len(w) < 4 or w[0] != "ب" or w[1:] not in ANSWER_NOUNS:
            continue
        for c in cands:
            if c.source or not 0 < p - c.mention.last <= 2:
                continue
            r = c.mention.first - 1
            while r >= lo and r > c.mention.first - 4 and texts[r] in ANSWER_OBJECTS:
                r -= 1
            # ورد/فرد: three letters, that _verb_forms keeps whole (ورد is also "was told")
            if r >= lo and (not _verb_forms(texts[r]).isdisjoint(ANSWER_VERBS)
                            or texts[r][:1] in ("و", "ف") and texts[r][1:] in ANSWER_VERBS):
                return c, r
    return None


# events where a state's forces that arrest or shoot are the doers themselves, or where nobody is caught
NOT_CAUGHT = ("Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use",
              "Abduction/forced disappearance", "Arrests", "Chemical weapon")


def _catchers(doc: Document, sentence, cands: list[_Cand], texts: list[str]) -> None:
    """Mark the home police or army that caught or shot the attacker or found the victims (:data:`CAUGHT`):
    an arrest or find verb within three words of the force, or a kill word (برصاص، تقتله) beside it in a
    sentence that names the attacker (المهاجم، منفذ، الجاني). Such a force is no doer of the attack."""
    lo, hi = sentence.first, sentence.last
    attacker = None
    for c in cands:
        if c.source or c.actor.category != "State forces" or not c.actor.name.startswith(
                ("Police Forces of", "Military Forces of")):
            continue
        first, last = c.mention.first, c.mention.last
        beside = [texts[j] for j in range(max(lo, first - 3), min(hi, last + 3) + 1) if not first <= j <= last]
        caught = _any_form(beside, CAUGHT)
        if not caught:
            if attacker is None:
                attacker = _any_noun(texts[lo:hi + 1], PERPETRATORS)
            caught = attacker and _any_form(beside, SHOT_DOWN)
        if caught:
            c.agent, c.catcher = 0.0, True
            c.why.append(CAUGHT_WHY)
    if any(c.catcher for c in cands):
        # the attacker they caught or shot (قتل المهاجم برصاص قوات الأمن) did the attack: not the one it hit
        for c in cands:
            if c.mention.generic and not c.source and c.actor.name.startswith("Unidentified Armed Group") and \
                    _any_noun(texts[c.mention.first:c.mention.last + 1], PERPETRATORS):
                c.agent, c.target, c.catcher = max(c.agent, c.target, 2.5), 0.0, False
                c.why.append(ATTACKER_WHY)


def _any_noun(words: list[str], nouns: frozenset) -> bool:
    """Whether one of ``words`` reads (with its clitics) as one of ``nouns``."""
    return any(not _forms(w).isdisjoint(nouns) for w in words)


def _any_form(words: list[str], forms: frozenset) -> bool:
    """Whether one of ``words`` reads as one of ``forms``, as a verb or as a noun."""
    return any(not _verb_forms(w).isdisjoint(forms) or not _forms(w).isdisjoint(forms) for w in words)


def _joined(doc: Document, head: _Cand, cands: list[_Cand]) -> list[_Cand]:
    """Candidates coordinated with ``head`` right after it: ``X و Y``، ``X ومقاتلين من Y``."""
    tokens = doc.tokens
    out = []
    end = head.mention.last
    for o in sorted(cands, key=lambda o: o.mention.first):
        f = o.mention.first
        if f <= end:
            continue
        gap = tokens[end + 1:f]
        if (f == end + 1 and tokens[f].text.startswith("و")) or (
                len(gap) <= 2 and gap and gap[0].text.startswith("و") and all(
                    _forms(t.text) & (_PERSON_NOUNS | {"من", "مقاتلين", "عناصر"}) for t in gap)):
            out.append(o)
            end = o.mention.last
        else:
            break
    return out


def _associates(doc: Document, head: _Cand, cands: list[_Cand], exclude: set[str]) -> list[_Cand]:
    """Actors acting alongside ``head``: joined by و, ``بينها``, ``بدعم من`` right after it."""
    if len(cands) == 1 and cands[0] is head:
        return []  # nobody else named in the sentence
    tokens = doc.tokens
    out = [o for o in _joined(doc, head, cands) if not o.source]
    end = max([head.mention.last] + [o.mention.last for o in out])
    for o in sorted(cands, key=lambda o: o.mention.first):
        f = o.mention.first
        if f <= end or o in out or o.source:
            continue
        gap = tokens[end + 1:f]
        if 0 < len(gap) <= 3 and any(t.text in AMONG or t.text in SUPPORT or _has(t, SUPPORT) for t in gap):
            out.append(o)
            end = o.mention.last
        elif f > end + 4:
            break
    return [o for o in out if o.actor.name not in exclude and o.actor.category not in ("Civilians", "Protesters")]


def _prefer(scored: list[_Cand], role: str) -> _Cand | None:
    best = None
    for c in scored:
        margin = (c.agent - c.target) if role == "agent" else (c.target - c.agent)
        strength = c.agent if role == "agent" else c.target
        if c.source or strength < 1.0 or margin <= 0:
            continue
        if role == "agent" and c.actor.category == "Civilians":
            continue  # civilians are never the ones acting in political violence (ACLED)
        key = (margin, strength, -c.mention.start)
        if best is None or key > best[0]:
            best = (key, c)
    return best[1] if best else None


def _resolve(doc: Document, mention: ActorMention, country: str | None) -> Actor | None:
    return _actor(mention.entries, country, mention.country)


def _article_counts(doc: Document, country: str | None, before: int | None = None) -> Counter:
    """How often the article names each armed actor (read for ``country``; only before ``before`` when
    given). Counted once per article, country and cut-off (``doc.user_data``): every candidate with a
    side missing asks; callers read the counts and never change them."""
    memo = doc.user_data.get("_article_counts")
    if memo is None or memo[0] is not doc.actors:
        memo = doc.user_data["_article_counts"] = (doc.actors, {})
    counts = memo[1].get((country, before))
    if counts is None:
        counts = memo[1][(country, before)] = _count_armed(doc, country, before)
    return counts


def _count_armed(doc: Document, country: str | None, before: int | None) -> Counter:
    counts: Counter = Counter()
    for m in doc.actors:
        if m.kind in ("source", "person") or m.generic or (before is not None and m.start >= before):
            continue  # a leader named in passing (a tweet, a visit) is not a side of the fighting
        actor = _resolve(doc, m, country)
        if actor is not None and actor.category in ARMED and not actor.name.startswith("Government of"):
            counts[actor] += 1  # governments and their embassies do not fight
    return counts


def _opponent(doc: Document, of: str, country: str | None, exclude: set[str], ground: bool = False) -> Actor | None:
    """The armed actor the article names most that is not on ``of``'s side; for a fight on the ground
    (``ground``) the forces of the country come before foreign ones, which strike from the air (a coalition,
    Russia's air force)."""
    counts = _article_counts(doc, country)
    ranked = [a for a, _ in counts.most_common() if a.name not in exclude and not allied(a.name, of)]
    if ground:
        ranked.sort(key=lambda a: _foreign(a, country))  # stable: the counts' order within each group
    return ranked[0] if ranked else None


def _foreign(actor: Actor, country: str | None) -> bool:
    home = actor.country if actor.country else lexicon().homes.get(actor.name)
    return _inter(actor.category, home, country) == "External/Other forces"


def _carried(doc: Document, trigger, country: str | None, step: int = -1) -> Actor | None:
    """The doer of the sentence before (``قوات النظام حاولت التقدم ... . وأضافت إن التقدم تم وسط قصف``), or
    of the sentence after when it tells the same kind of event in more detail (a lead, then its detail:
    ``مقتل 18 من البيشمركة بقصف ... . وقال المصدر إن عناصر داعش أطلقوا الصواريخ``)."""
    index = trigger.sentence + step
    if not 0 <= index < len(doc.sentences):
        return None
    sentence = doc.sentences[index]
    others = [t for t in _triggers_in(doc, index) if not t.modality and (step < 0 or t.event_type == trigger.event_type)]
    if not others:
        return None
    first = others[0]
    # Every event word of a sentence with no doer asks about the sentences around it: the answer is kept
    # per article, under what _analyse reads of the event word there (assembling may retype a word).
    key = (index, country, id(first), first.start, first.end, first.event_type, first.sub_event_type)
    memo = doc.user_data.setdefault("_carried", {})
    if key not in memo:
        memo[key] = _doer_of(doc, first, sentence, country)
    return memo[key]


def _triggers_in(doc: Document, index: int) -> list:
    """``[t for t in doc.triggers if t.sentence == index]``: the triggers grouped by sentence once per article
    (``doc.user_data``, while ``doc.triggers`` is the same list), not scanned for every event word."""
    memo = doc.user_data.get("_actors_triggers_in")
    if memo is None or memo[0] is not doc.triggers or memo[1] != len(doc.triggers):
        groups: dict[int, list] = {}
        for t in doc.triggers:
            groups.setdefault(t.sentence, []).append(t)
        memo = doc.user_data["_actors_triggers_in"] = (doc.triggers, len(doc.triggers), groups)
    return memo[2].get(index, [])


def _doer_of(doc: Document, trigger, sentence, country: str | None) -> Actor | None:
    """The armed actor the rules read as the doer of ``trigger`` in ``sentence`` (None: none clearly)."""
    cands = [_Cand(m, actor) for m, actor in _readings(doc, sentence, country)]
    if not cands:
        return None
    _analyse(doc, trigger, sentence, cands)
    best = _prefer(cands, "agent")
    if best is not None and best.agent >= 2.0 and best.actor.category in ARMED:
        return best.actor
    return None


def _mentions_in(doc: Document, span) -> list[ActorMention]:
    """``[m for m in doc.actors if span.start <= m.start < span.end]``, without reading every mention of
    the article (:func:`rasd.doc.starting_in`)."""
    return [m for m in starting_in(doc, "actors", span.start, span.end) if span.start <= m.start < span.end]


def _readings(doc: Document, sentence, country: str | None) -> list[tuple[ActorMention, Actor]]:
    """The actor mentions of ``sentence`` with their readings for an event in ``country`` (sources as
    themselves, mentions with no reading there left out): read once per article, sentence and country
    (``doc.user_data``, while ``doc.actors`` is the same list), for each event word of the sentence asks."""
    memo = doc.user_data.get("_actors_readings")
    if memo is None or memo[0] is not doc.actors:
        memo = doc.user_data["_actors_readings"] = (doc.actors, {})
    key = (sentence.start, sentence.end, country)
    found = memo[1].get(key)
    if found is None:
        found = memo[1][key] = []
        for m in _mentions_in(doc, sentence):
            if m.kind == "source":
                found.append((m, Actor(m.entries[0].name, "Civilians", None)))
            elif (actor := _resolve(doc, m, country)) is not None:
                found.append((m, actor))
    return found


def candidates(doc: Document, trigger, sentence, country: str | None, analyse: bool = True) -> list[_Cand]:
    """The actor mentions of ``sentence`` read for an event in ``country``, each scored by the rules as a doer
    (``agent``) or the one hit (``target``) of ``trigger`` (the role model's input)."""
    cands = [_Cand(m, actor) for m, actor in _readings(doc, sentence, country)]
    if analyse and cands:
        _analyse(doc, trigger, sentence, cands)
    return cands


USE_MODEL = True  # the learned role model (rasd/data/models/actor_roles.*) decides when its weights ship
_ROLE_MODELS: list = []  # rasd.learn.actor_roles, imported at the first event (numpy only), not on every one


def _role_model():
    """The shipped role model (None: absent weights, the rules alone)."""
    if not _ROLE_MODELS:
        from .learn import actor_roles

        _ROLE_MODELS.append(actor_roles)
    return _ROLE_MODELS[0].model()


def roles_for(doc: Document, trigger, sentence, country: str | None, use_model: bool | None = None,
              sub_event_type: str | None = None) -> Roles:
    """The actors of the event that ``trigger`` reports in ``sentence``, for an event in ``country``.

    ``use_model`` (default :data:`USE_MODEL`): let the learned role model choose actor1/actor2 among the
    sentence's mentions, the rules having scored them; the defaults for sides nobody names stay rules.
    ``sub_event_type``: the roles for the event read as that type rather than the trigger's (a candidate
    the decision stage re-types: a protest read as excessive force puts the force first)."""
    use_model = USE_MODEL if use_model is None else use_model
    if sub_event_type and sub_event_type != trigger.sub_event_type:
        from dataclasses import replace

        from .event import SUB_EVENT_TYPES

        if sub_event_type in SUB_EVENT_TYPES:
            trigger = replace(trigger, sub_event_type=sub_event_type, event_type=SUB_EVENT_TYPES[sub_event_type])
    roles = Roles()
    country = country or doc.country
    event_type, sub = trigger.event_type, trigger.sub_event_type
    lex = lexicon()
    if country is None:
        # no place in a known country: the home of the group the sentence names (Boko Haram: Nigeria), so
        # that its victims are not "Civilians (Unknown)"
        country = next((lex.homes.get(m.entries[0].name) for m in _mentions_in(doc, sentence)
                        if m.kind == "actor" and not m.generic
                        and m.entries and m.entries[0].countries is None and lex.homes.get(m.entries[0].name)
                        and m.entries[0].category in ("Rebel group", "Political militia", "Identity militia")), None)
    cands = candidates(doc, trigger, sentence, country, analyse=False)

    def inter(actor: Actor) -> str:
        home = actor.country if actor.country else lex.homes.get(actor.name)
        return _inter(actor.category, home, country)

    def set_role(role: str, actor: Actor, why: str, mention: ActorMention | None = None) -> None:
        if role == "actor1" and actor.category == "Protesters" and event_type not in ("Protests",):
            actor = Actor(actor.name.replace("Protesters", "Rioters"), "Rioters", actor.country)
            why += "; protesters who use violence are rioters (ACLED)"
        setattr(roles, role, actor.name)
        setattr(roles, "inter" + role[-1], inter(actor))
        roles.reasons.append(f"{role} {actor.name}: {why}")
        roles.grounds[role] = (actor.name, why)
        if mention is not None:
            roles.spans.append((role, mention.start, mention.end))

    if event_type in ("Protests", "Riots"):
        _crowd_roles(doc, trigger, cands, country, roles, set_role)
        return roles

    _analyse(doc, trigger, sentence, cands)
    if cands and 0 <= trigger.sentence < len(doc.sentences) and sentence is doc.sentences[trigger.sentence]:
        # what _doer_of would answer for this event word (the same readings, read by the same rules): kept
        # for the event words of the sentences around, which ask it of their neighbour (_carried)
        key = (trigger.sentence, country, id(trigger), trigger.start, trigger.end, trigger.event_type,
               trigger.sub_event_type)
        memo = doc.user_data.setdefault("_carried", {})
        if key not in memo:
            best = _prefer(cands, "agent")
            memo[key] = best.actor if best is not None and best.agent >= 2.0 and best.actor.category in ARMED \
                else None
    if use_model:
        learned = _role_model()
        if learned is not None:
            learned.rescore(doc, trigger, sentence, cands)
            for c in cands:
                if c.catcher:  # a force that caught the attacker stays no doer whatever the model adds
                    c.agent = 0.0
    for c in cands:
        if c.source:
            roles.reasons.append(f"source: {c.mention.text} ({'; '.join(c.why)})")
        elif c.catcher:
            roles.reasons.append(f"responder, not the doer: {c.mention.text} ({CAUGHT_WHY})")
    first = _prefer(cands, "agent")
    if first is None and event_type == "Battles":
        # a fight reported by one of its sides (المتحدث باسم قوات المقاومة ... أن القتال مستمر)
        party = next((c for c in cands if c.speaker_party and c.target <= 0), None)
        if party is not None:
            party.source, party.agent = False, 1.0
            party.why.append("an armed side reporting the fight it is in")
            first = party
    actor1 = first.actor if first else None
    rest = [c for c in cands if c is not first and (actor1 is None or c.actor.name != actor1.name)]
    # an ally is not the target unless a strong cue says so
    rest = [c for c in rest if actor1 is None or not allied(c.actor.name, actor1.name)
            or (c.target if c.rule_target is None else c.rule_target) >= 2.5]
    if first is not None:  # one named with actor1 (X، بينها Y; X و Y; X بدعم من Y) acts with it, unless hit
        joined = {id(o) for o in _associates(doc, first, cands, set())}
        rest = [c for c in rest if id(c) not in joined or c.rule_target is None and c.target - c.agent >= 2.5]
    if sub in ("Government regains territory", "Non-state actor overtakes territory", "Agreement",
               "Disrupted weapons use", "Non-violent transfer of territory"):
        # a place is taken from an armed side, an agreement is made between armed sides, a missile fired by
        # one is shot down: the people living there (hurt by its debris) are neither the side that lost it,
        # nor a party, nor the side that fired
        rest = [c for c in rest if c.actor.category != "Civilians"]
    second = _prefer(rest, "target")
    # contractors: the force that owns the convoy is hit; the civilians who drive it are its associates
    drivers = None
    if second is not None and second.actor.category == "Civilians":
        owner = next((c for c in rest if c.owner and c.actor.category in ARMED and c.target > c.agent), None)
        if owner is not None:
            drivers, second = second, owner
    if first is not None:
        set_role("actor1", first.actor, "; ".join(first.why) or "named in the sentence", first.mention)
    if second is not None:
        set_role("actor2", second.actor, "; ".join(second.why) or "named in the sentence", second.mention)
    # one side found: another armed actor named in the sentence, not on that side, is the other
    violent = event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
    if violent and (first is None) != (second is None):
        known = first or second
        other = [c for c in cands if c is not known and not c.source and c.actor.category in ARMED
                 and c.actor.name != known.actor.name and not allied(c.actor.name, known.actor.name) and not c.responder
                 and not c.catcher and not c.bystander
                 and not (c.mention.generic and c.actor.name.startswith("Unidentified") and not known.mention.generic)
                 and c.mention.start not in {s for _, s, _ in roles.spans}]
        other = [c for c in other if not c.far]
        other.sort(key=lambda c: abs(c.mention.start - trigger.start))
        if other:
            if first is None and other[0].agent >= other[0].target:
                first = other[0]
                set_role("actor1", first.actor, "the other armed actor named in the sentence", first.mention)
            elif second is None and first is not None:
                second = other[0]
                set_role("actor2", second.actor, "the other armed actor named in the sentence", second.mention)
    if roles.actor1 is not None and violent and actor_category(roles.actor1) in CLAIMANTS and \
            not roles.actor1.startswith("Unidentified") and trigger.sentence in _denials(doc, country):
        # (the article's claims read last: only for a claimant, the tests before them are cheaper)
        # "ولم تعلن أي جهة مسؤوليتها عن التفجير، وتنشط حركة طالبان في المنطقة": the group the sentence names
        # beside the denied claim is suspected, not the doer
        set_role("actor1", _unidentified_group(country),
                 "its sentence says no group claimed it: the group named there is suspected")
    # nobody named as the doer
    if roles.actor1 is None:
        _default_actor1(doc, trigger, roles, country, set_role)
    elif roles.actor1.startswith("Unidentified Armed Group") and violent and sub not in (
            "Air/drone strike", "Chemical weapon"):
        # gunmen, unnamed in the sentence, whose attack a group claimed: the group (ACLED)
        claimant = _claimant(doc, trigger, country, roles.actor2)
        if claimant:
            set_role("actor1", claimant, "the attackers are unnamed here: the group that claimed the attack "
                     "(تبنى/أعلن مسؤوليته)")
    if roles.actor2 is None and roles.actor1 is not None and event_type == "Battles":
        # a fight reported by one of its sides (أعلن الجيش مقتل أحد جنوده في إطلاق نار): the other side
        party = next((c for c in cands if c.speaker_party and c.actor.name != roles.actor1
                      and not allied(c.actor.name, roles.actor1)), None)
        if party is not None:
            set_role("actor2", party.actor, "an armed side reporting the fight it is in", party.mention)
    shells_on_people = False
    if roles.actor2 is None and roles.actor1 is not None and sub in ("Air/drone strike",
                                                                     "Shelling/artillery/missile attack") \
            and _civilians_told(doc, trigger):
        # a strike whose sentence names no side hit, in a report that counts civilians among its dead or
        # wounded (غارات ... ما تسبب في سقوط عشرات القتلى، after a lead of 60 مدنيا): from the air, the civilians
        # (ACLED); shells and rockets fall on a town whose people the gold does not name as their side hit, nor
        # the armed side the article names most (train, in sample: 6 of 8 such shellings, in four outlets, have
        # no actor2; the air strikes 6 civilians, 2 none, 6 another side)
        if sub == "Air/drone strike":
            set_role("actor2", Actor(f"Civilians ({_country_name(country, False)})", "Civilians", country),
                     "a strike with no side hit named, in a report of civilian victims: civilians")
        else:
            shells_on_people = True
            roles.reasons.append("actor2 none: shells or rockets with no side hit named, in a report of civilian "
                                 "victims")
    if roles.actor2 is None and roles.actor1 is not None and not shells_on_people and (
            event_type == "Battles" or sub in ("Air/drone strike", "Shelling/artillery/missile attack")
            or sub in ("Government regains territory", "Disrupted weapons use", "Non-violent transfer of territory",
                       "Agreement")
    ) and not roles.actor1.startswith("Unidentified"):
        opponent = _opponent(doc, roles.actor1, country, {roles.actor1}, ground=event_type == "Battles")
        if opponent is not None:
            set_role("actor2", opponent, "not named in the sentence: the opponent the article names most")
    if roles.actor2 is None and roles.actor1 is not None and sub == "Disrupted weapons use":
        # a rocket or drone shot down, fired from another country (أُطلقت من قطاع غزة) by a side the article
        # does not name: an unidentified armed group of that country fired it
        origin = _launched_from(doc, trigger, country)
        if origin is not None:
            set_role("actor2", _unidentified_group(origin),
                     "what was shot down was fired from that land by a side not named")
    if roles.actor2 is None and roles.actor1 is not None and event_type == "Explosions/Remote violence" \
            and sub not in ("Air/drone strike", "Shelling/artillery/missile attack") and _victims_told(doc, sentence):
        # people killed and wounded by a bomb, and no armed side named among them: civilians (ACLED)
        set_role("actor2", Actor(f"Civilians ({_country_name(country, False)})", "Civilians", country),
                 "people killed or wounded by the blast and no armed side named among them: civilians")
    if sub == "Chemical weapon" and roles.actor2 is not None and actor_category(roles.actor2) != "Civilians":
        # a chemical attack strikes the people of the place, not the armed side that holds it (المعارضة المسلحة
        # named as who held Douma, the regime named as the accused): its victims are civilians (ACLED; train: the
        # gold names civilians or no one in all 29 chemical attacks)
        roles.reasons.append(f"no armed actor2 for a chemical attack ({roles.actor2} dropped): its victims")
        roles.actor2 = roles.inter2 = roles.assoc_actor_2 = None
        roles.spans = [s for s in roles.spans if s[0] != "actor2"]
    if roles.actor2 is None and (event_type == "Violence against civilians" or sub == "Chemical weapon"):
        set_role("actor2", Actor(f"Civilians ({_country_name(country, False)})", "Civilians", country),
                 "violence against civilians: the victims")
    elif roles.actor2 is None and roles.actor1 is not None and sub == "Looting/property destruction" \
            and actor_category(roles.actor1) != "Civilians":
        # a mosque set on fire, a hospital stormed, a convoy of medicine seized, with no owner named: the people
        # whose property it is, civilians (ACLED; train: the gold names civilians in 7 of 9 lootings)
        set_role("actor2", Actor(f"Civilians ({_country_name(country, False)})", "Civilians", country),
                 "property looted or destroyed, no owner named: civilians")
    if sub == "Arrests" and roles.actor1 is not None and actor_category(roles.actor1) not in CLAIMANTS and (
            roles.actor2 is None or actor_category(roles.actor2) == "Civilians"):
        # people arrested named only as persons (اعتقال 33 شخصا، القبض على رجل) in an article that ties them to
        # the one armed group it names (يشتبه بانتمائهم إلى داعش، مخطط إرهابي): that group (ACLED)
        group = _suspects_group(doc, country, roles.actor1)
        if group is not None:
            roles.spans = [s for s in roles.spans if s[0] != "actor2"]
            set_role("actor2", group, "arrested persons of a terror case: the one armed group the article names")
    # associated actors
    exclude = {n for n in (roles.actor1, roles.actor2) if n}
    if first is not None and roles.actor1 == first.actor.name:
        assoc = [o for o in _associates(doc, first, cands, exclude) if o is not second]
        if assoc:
            roles.assoc_actor_1 = "; ".join(dict.fromkeys(o.actor.name for o in assoc))
            roles.reasons.append(f"assoc_actor_1 {roles.assoc_actor_1}: named together with actor1")
            exclude |= {o.actor.name for o in assoc}
    if second is not None and roles.actor2 == second.actor.name:
        assoc = [o for o in _associates(doc, second, cands, exclude) if o is not first]
        if assoc:
            roles.assoc_actor_2 = "; ".join(dict.fromkeys(o.actor.name for o in assoc))
            roles.reasons.append(f"assoc_actor_2 {roles.assoc_actor_2}: named together with actor2")
    if drivers is None and roles.actor2 and actor_category(roles.actor2) != "Civilians" and second is not None \
            and second.owner:
        drivers = next((c for c in cands if c.actor.category == "Civilians" and not c.source and any(
            _has(doc.tokens[i], CONTRACT) for i in range(c.mention.first, c.mention.last + 1))), None)
    if drivers is not None and roles.assoc_actor_2 is None:
        roles.assoc_actor_2 = drivers.actor.name
        roles.reasons.append(f"assoc_actor_2 {drivers.actor.name}: civilian drivers/contractors of the force "
                             "whose convoy was hit (contractor rule)")
    if roles.actor1 and roles.actor1 == roles.actor2:
        roles.actor2 = roles.inter2 = None
    if sub in ONE_SIDED and roles.actor2 is not None:
        # a group's change of name or activity, a base set up: what one actor did alone (ACLED codes no actor2)
        roles.reasons.append(f"no actor2 for {sub.lower()}: one actor's own act ({roles.actor2} dropped)")
        roles.actor2 = roles.inter2 = roles.assoc_actor_2 = None
        roles.spans = [s for s in roles.spans if s[0] != "actor2"]
    if sub == "Chemical weapon" and roles.inter1 == "External/Other forces" and country \
            and not allied(roles.actor1, f"Military Forces of {_country_name(country)}"):
        # a foreign state named with a chemical attack (that condemns it, strikes back, is accused of lying about
        # it) is not its doer when the article names the state's own forces: they are (ACLED)
        home = next((a for a, _ in _article_counts(doc, country).most_common()
                     if a.name == f"Military Forces of {_country_name(country)}"), None)
        if home is not None:
            foreign = roles.actor1
            set_role("actor1", home, f"a chemical attack: the forces of the state where it struck, named in the "
                                     f"article, not a foreign state named with it ({foreign})")
            roles.spans = [s for s in roles.spans if s[0] != "actor1"]
            if roles.assoc_actor_1 and foreign in roles.assoc_actor_1.split("; "):
                roles.assoc_actor_1 = None
    if sub == "Non-violent transfer of territory" and _government_side(roles.actor2, country) \
            and (roles.actor1 is None or actor_category(roles.actor1) in CLAIMANTS):
        # fighters who hand a place over, leave it under a deal (انسحب مقاتلو X، سلم المسلحون أسلحتهم للجيش، تسليم
        # البلدة للقوات الحكومية): the government's side that takes it over is actor1, the group that gives it up
        # actor2
        _swap_sides(roles)
    if event_type == "Battles" and roles.actor1 is not None and roles.actor1 == lex.air_forces.get(country or ""):
        _ground_side(doc, cands, roles, country, lex)
    _opposition(roles, country, lex)
    if sub == "Suicide bomb" and roles.actor1 is not None and roles.inter1 in ("State forces", "External/Other forces"):
        # a state's forces named with a suicide bombing (استهدف التفجير الانتحاري رجال الأمن، الجيش التركي والتنظيم)
        # were hit by it, not its doers: the armed group on the other side did it, else the group that claimed it,
        # else armed men nobody names; the forces are the side hit (train: 6 of 7 such readings wrong)
        force = roles.actor1
        if roles.actor2 is not None and actor_category(roles.actor2) in CLAIMANTS:
            _swap_sides(roles, f"a suicide bombing: the armed group ({roles.actor2}) did it, the state's forces "
                               f"named with it ({force}) were hit")
        else:
            hit = roles.inter1
            roles.spans = [(("actor2" if role == "actor1" else role), a, b) for role, a, b in roles.spans
                           if role != "actor2"]
            roles.actor2, roles.inter2, roles.assoc_actor_2 = force, hit, roles.assoc_actor_1
            roles.assoc_actor_1 = None
            claimant = _claimant(doc, trigger, country, force)
            doer = claimant if isinstance(claimant, Actor) and claimant.category in CLAIMANTS else \
                _unidentified_group(country)
            set_role("actor1", doer, f"a suicide bombing: the state's forces named with it ({force}) were hit, "
                                     "not its doers")
    if sub == "Armed clash" and not (first is not None and roles.actor1 == first.actor.name
                                     and any(w.startswith("the subject ") for w in first.why)
                                     and _verb(doc.tokens[_token_holding(doc, trigger.start)], CLASHED)):
        # (the insurgents as the subject of the clash's own verb, اشتبك الحوثيون مع الجيش، keep their place)
        _government_first(doc, sentence, roles, country, lex)
    roles.civilian_targeting = roles.inter2 == "Civilians" and event_type in (
        "Violence against civilians", "Explosions/Remote violence")
    return roles


ONE_SIDED = ("Change to group/activity", "Headquarters or base established")


@lru_cache(maxsize=1)
def _suspect_links() -> frozenset[str]:
    """The words of ``suspect_links.tsv``, normalised."""
    from .lexicon import read_tsv

    return frozenset(norm(row["word"].strip()) for row in read_tsv(DATA / "suspect_links.tsv"))


def _suspects_group(doc: Document, country: str | None, arrester: str) -> Actor | None:
    """The non-state armed group an article about an arrest ties the people arrested to: the one such group the
    article names (not on the arresting side), when a word of ``suspect_links.tsv`` says the arrest is of its
    members or of a terror case; None when it names none, or more than one."""
    groups = {a.name: a for a in _article_counts(doc, country)
              if a.category in CLAIMANTS and not allied(a.name, arrester)}
    if len(groups) != 1:
        return None
    links = _suspect_links()
    if not any(_has(tok, links) for tok in doc.tokens):
        return None
    return next(iter(groups.values()))


def _unidentified_group(country: str | None) -> Actor:
    """ACLED's actor for armed men nobody names, of the country they act in or came from."""
    return Actor(f"Unidentified Armed Group ({_country_name(country, False)})", "Political militia", country)


def _swap_sides(roles: Roles, why: str | None = None) -> None:
    """actor1 and actor2 read the other way round (their categories, associates and evidence with them)."""
    roles.actor1, roles.actor2 = roles.actor2, roles.actor1
    roles.inter1, roles.inter2 = roles.inter2, roles.inter1
    roles.assoc_actor_1, roles.assoc_actor_2 = roles.assoc_actor_2, roles.assoc_actor_1
    flip = {"actor1": "actor2", "actor2": "actor1"}
    roles.spans = [(flip.get(role, role), start, end) for role, start, end in roles.spans]
    roles.grounds = {flip.get(role, role): why for role, why in roles.grounds.items()}
    roles.reasons.append(why or f"a handover of territory: the government's side that takes it over ({roles.actor1}) "
                         f"is actor1, the group that gives it up ({roles.actor2}) actor2")


CLASHED = _verbs(_LISTS["clashed_past"], _LISTS["clashed_present"])
# The insurgents' own attack told in the sentence (هاجم الحوثيون، محاولة تسلل، هجوم شنته الميليشيات): they may
# well be actor1 of the clash
INSURGENT_ATTACK = (ATTACK_TRIED | _verbs(_LISTS["insurgent_attack_past"], _LISTS["insurgent_attack_present"])
                    | _words(_LISTS["insurgent_attack_words"]))


def _government_first(doc: Document, sentence, roles: Roles, country: str | None, lex: _Lexicon) -> None:
    """A clash between a civil war's insurgents (``insurgents`` of the data file: the Houthis in Yemen, the
    rebels in Syria) read with the insurgents as actor1 (not as the subject of its verb) and the government's side
    as actor2, in a sentence that tells of no attack of theirs (مقتل قائد حوثي في مواجهات مع الجيش، اشتباكات بين
    الحوثيين والجيش): the government's side first, as the gold codes these wars' fronts (train: 82 of 106 Yemeni
    clashes between the two, 16 of 19 Syrian ones with the rebels or Jaysh al-Islam, on every outlet that reports
    the fronts)."""
    if roles.actor1 not in lex.insurgents.get(country or "", ()) or not _government_side(roles.actor2, country):
        return
    if any(_has(t, INSURGENT_ATTACK) or _verb(t, INSURGENT_ATTACK)
           for t in doc.tokens[sentence.first:sentence.last + 1]):
        return
    _swap_sides(roles, f"a clash of the government's side ({roles.actor2}) with the insurgents ({roles.actor1}), "
                       "no attack of theirs told: the government's side first (actors.yaml insurgents)")


def _ground_side(doc: Document, cands: list[_Cand], roles: Roles, country: str | None, lex: _Lexicon) -> None:
    """A fight on the ground read as fought by who flies the air strikes over the country (``air_forces``: the
    coalition in Yemen): the country's own side fights it, the air power backs it (ACLED: Military Forces of
    Yemen, with the coalition as its associate). The side is a government force of the country that the
    sentence names, else the country's military forces."""
    air = roles.actor1
    home = f"Military Forces of {_country_name(country)}"
    if not allied(air, home):
        return
    ground = next((c for c in sorted(cands, key=lambda c: c.mention.start) if not c.source and c.actor.name != air
                   and c.actor.category in ARMED and _government_side(c.actor.name, country)
                   and not _foreign(c.actor, country) and c.actor.name != roles.actor2), None)
    if ground is not None:
        actor = ground.actor
    else:
        # none named in the sentence: the government side's ground force the article names most (the joint
        # resistance forces of a Red Sea front report), else the country's military forces
        actor = next((a for a, _ in _article_counts(doc, country).most_common()
                      if a.name != air and a.name != roles.actor2 and _government_side(a.name, country)
                      and not _foreign(a, country)), None) or Actor(home, "State forces", country)
    roles.actor1, roles.inter1 = actor.name, _inter(actor.category, actor.country or lex.homes.get(actor.name), country)
    roles.assoc_actor_1 = "; ".join(dict.fromkeys(n for n in [air] + (roles.assoc_actor_1 or "").split("; ")
                                                  if n and n != actor.name))
    roles.spans = [s for s in roles.spans if s[0] != "actor1"]
    if ground is not None:
        roles.spans.append(("actor1", ground.mention.start, ground.mention.end))
    roles.reasons.append(f"actor1 {actor.name}: a fight on the ground, not the air power that backs it ({air}, "
                         "assoc_actor_1)")


def _opposition(roles: Roles, country: str | None, lex: _Lexicon) -> None:
    """Armed men named in the sentence (مسلحين) on the other side of the government's forces, in a country whose
    armed opposition the data file names (``armed_opposition``): that opposition, not an unidentified group."""
    rebels = lex.armed_opposition.get(country or "")
    if rebels is None:
        return
    unidentified = _unidentified_group(country).name
    named = {role for role, _, _ in roles.spans}
    for mine, other in (("actor1", "actor2"), ("actor2", "actor1")):
        if getattr(roles, mine) == unidentified and mine in named and _government_side(getattr(roles, other), country):
            setattr(roles, mine, rebels)
            setattr(roles, "inter" + mine[-1], lex.categories[rebels])
            roles.reasons.append(f"{mine} {rebels}: armed men fighting the government's side in {country} "
                                 "(actors.yaml armed_opposition)")


VICTIMS = _words(_LISTS["victims"])


def _victims_told(doc: Document, sentence) -> bool:
    """The sentence tells of people killed or wounded (read once per sentence: a sentence may hold
    thousands of event words)."""
    seen = doc.user_data.setdefault("_actors_victims", {})
    if sentence.start not in seen:
        seen[sentence.start] = any(_has(t, VICTIMS) for t in doc.tokens[sentence.first:sentence.last + 1])
    return seen[sentence.start]


def _civilians_told(doc: Document, trigger) -> bool:
    """The report of ``trigger`` counts civilians among its victims: a generic civilian mention (مدنيين،
    أطفال) in its sentence or the two sentences either side in its paragraph, or in the article's first
    two sentences (the lead that gives the toll), in a sentence that tells of people killed or wounded."""
    seen = doc.user_data.setdefault("_actors_civilians", {})
    if trigger.sentence not in seen:
        here = doc.sentences[trigger.sentence]
        near = [k for k in range(max(0, trigger.sentence - 2), min(len(doc.sentences), trigger.sentence + 3))
                if doc.sentences[k].paragraph == here.paragraph] + [0, 1]
        found = False
        for k in dict.fromkeys(near):
            if k >= len(doc.sentences):
                continue
            sentence = doc.sentences[k]
            if any(m.generic and m.kind == "actor" and m.actor.category == "Civilians"
                   for m in _mentions_in(doc, sentence)) and _victims_told(doc, sentence):
                found = True
                break
        seen[trigger.sentence] = found
    return seen[trigger.sentence]


def _fire_tokens(doc: Document, sentence) -> list[int]:
    """Tokens of shooting, killing or wounding in a sentence, not what a protest denounces nor the killing of
    one person the protest is about (once per sentence)."""
    return _fire_and_grievance(doc, sentence)[0]


def _grievance(doc: Document, sentence) -> tuple[tuple[int, int], ...]:
    """Token spans ``[lo, hi)`` of a sentence that tell of the killing or shooting of one person (مقتل الشاب
    برصاص شرطي، أطلقا النار على شاب أعزل، رجل قتل برصاصة، بقتل عقيد): the wrong a protest is about, not force
    used on the crowd; the force named in it (the shooter, the victim's army) is not the one that intervened."""
    return _fire_and_grievance(doc, sentence)[1]


def _one_person(tokens, j: int, hi: int) -> bool:
    """A singular person noun at ``j`` (شاب، رجل، عقيد), not a member of a force (رجل أمن، رجل شرطة)."""
    return _has(tokens[j], ONE_PERSON) and not (j + 1 < hi and _has(tokens[j + 1], FORCE_MEMBER_OF))


def _one_person_killed(tokens, i: int, lo: int, hi: int) -> bool:
    """The killing or shooting word at ``i`` has one person as its victim: a singular person noun (or على +
    a singular pronoun) right after it, or a singular person noun right before a passive killing word, and
    no protest it happened during (خلال المسيرة) told after it."""
    after = range(i + 1, min(hi, i + 4))
    before = range(max(lo, i - 3), i)
    one = any(_one_person(tokens, j, hi) or tokens[j].text in SHOT_AT_ONE for j in after) or (
        _has(tokens[i], KILLED_PASSIVE) and any(_one_person(tokens, j, hi) for j in before))
    if not one:
        return False
    end = min(hi, i + GRIEVANCE_SPAN + 4)
    return not any(_has(tokens[j], DURING) and any(_has(tokens[k], CROWD_EVENTS) for k in range(j + 1, min(end, j + 3)))
                   for j in range(i + 1, end))


def _fire_and_grievance(doc: Document, sentence) -> tuple[list[int], tuple[tuple[int, int], ...]]:
    seen = doc.user_data.setdefault("_actors_fire", {})
    if sentence.start not in seen:
        tokens = doc.tokens
        lo, hi = sentence.first, sentence.last + 1
        fire = [i for i in range(lo, hi) if _has(tokens[i], FIRE_ON_CROWD)
                and not any(_has(tokens[j], PROTESTED) for j in range(max(lo, i - 4), i))]
        spans = tuple((i, min(hi, i + GRIEVANCE_SPAN)) for i in fire if _one_person_killed(tokens, i, lo, hi))
        if spans:
            fire = [i for i in fire if not any(a <= i < b for a, b in spans)]
        seen[sentence.start] = (fire, spans)
    return seen[sentence.start]


def _government_side(name: str | None, country: str | None) -> bool:
    """Whether an actor fights on the side of the government of ``country`` (its forces or their allies)."""
    if not name or not country:
        return False
    gov = f"Military Forces of {_country_name(country)}"
    return name == gov or allied(name, gov) or name == f"Police Forces of {_country_name(country)}"


FIRE_ON_CROWD = _words(_LISTS["fire_on_crowd"])


PROTESTED = _words(_LISTS["protested"])
# one person killed or shot (the wrong a protest is about): singular person nouns, على + a singular pronoun, the
# passive killing words a victim named before may take (رجل أسود قُتل برصاصة), the words of a protest it may
# have happened during (خلال المسيرة: then it is force used on the crowd), and how far its phrase reaches (the
# shooter named after it: مقتل الشاب الأسود ... برصاص شرطي)
ONE_PERSON = _words(_LISTS["one_person"])
FORCE_MEMBER_OF = _words(_LISTS["force_member_of"])
SHOT_AT_ONE = _words(_LISTS["shot_at_one"])
KILLED_PASSIVE = _words(_LISTS["killed_passive"])
DURING = _words(_LISTS["during"])
CROWD_EVENTS = _words(_LISTS["crowd_events"])
GRIEVANCE_SPAN = 12


def _force_fires_on_crowd(doc: Document, trigger, cands: list[_Cand], country: str | None) -> _Cand | None:
    """The state force that shot, killed or wounded at a protest (قتل متظاهرون برصاص الجيش), told in the
    protest's sentence or in the next one of its paragraph (a protest, then its toll); None when there is none."""
    for index in (trigger.sentence, trigger.sentence + 1):
        if index >= len(doc.sentences) or doc.sentences[index].paragraph != doc.sentences[trigger.sentence].paragraph:
            break
        sentence = doc.sentences[index]
        here = cands if index == trigger.sentence else [
            _Cand(m, a) for m in _mentions_in(doc, sentence) if m.kind == "actor"
            and (a := _resolve(doc, m, country)) is not None]
        forces = [c for c in here if not c.source and c.actor.category in ("State forces", "External/Other forces")
                  and c.mention.kind == "actor" and not c.actor.name.startswith("Government of")]
        if not forces:
            continue
        fire = _fire_tokens(doc, sentence)
        if fire:
            return min(forces, key=lambda c: min(abs(c.mention.first - i) for i in fire))
    return None


def _crowd_roles(doc: Document, trigger, cands: list[_Cand], country: str | None, roles: Roles, set_role) -> None:
    """Protests and riots (spec section 5): the crowd is actor1 and the force that intervened actor2, except
    for ``Excessive force against protesters``, where the force is actor1 and the protesters actor2.
    Protesters who riot are ``Rioters (COUNTRY)``. A force the sentence does not name is the state force
    the article names most, else the country's police."""
    sub = trigger.sub_event_type
    crowd = "Protesters" if trigger.event_type == "Protests" else "Rioters"
    firing = None
    if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
        firing = _force_fires_on_crowd(doc, trigger, cands, country)
    if firing is not None and sub != "Excessive force against protesters":
        sub = roles.sub_event_type = "Excessive force against protesters"
        roles.reasons.append("a force shoots, kills or wounds at the protest: excessive force against protesters")
    named = [c for c in cands if not c.source and c.actor.category in ("Protesters", "Rioters")]
    if named:
        c = min(named, key=lambda c: abs(c.mention.start - trigger.start))
        where = c.actor.country or country
        crowd_actor = Actor(f"{crowd} ({_country_name(where, False)})", crowd, where)
        crowd_mention, crowd_why = c.mention, f"{trigger.event_type}: the crowd"
    else:
        crowd_actor = Actor(f"{crowd} ({_country_name(country, False)})", crowd, country)
        crowd_mention, crowd_why = None, f"{trigger.event_type}: the crowd, not named: the country's {crowd.lower()}"
    force = force_mention = None
    force_why = ""
    if sub in ("Protest with intervention", "Excessive force against protesters", "Mob violence",
               "Violent demonstration"):
        wrong = _grievance(doc, doc.sentences[trigger.sentence])
        armed = [c for c in cands if not c.source and c.actor.category in ARMED
                 and not c.actor.name.startswith("Government of")
                 and not any(a <= c.mention.first < b for a, b in wrong)]
        if firing is not None:
            force, force_mention, force_why = firing.actor, firing.mention, "the force that fired on the crowd"
        elif armed:
            c = min(armed, key=lambda c: (c.actor.category not in ("State forces", "External/Other forces"),
                                          abs(c.mention.start - trigger.start)))
            force, force_mention, force_why = c.actor, c.mention, "the force named with the crowd"
        elif sub in ("Protest with intervention", "Excessive force against protesters"):
            counts = _article_counts(doc, country)
            states = [a for a, _ in counts.most_common() if a.category in ("State forces", "External/Other forces")
                      and not a.name.startswith("Government of")]
            if states:
                force, force_why = states[0], "the force that intervened, not named here: the state force the article names"
            else:
                force = Actor(f"Police Forces of {_country_name(country)}", "State forces", country)
                force_why = "the force that intervened, not named: the country's police"
    if sub == "Excessive force against protesters" and force is not None:
        set_role("actor1", force, force_why + " (excessive force: the force is actor1)", force_mention)
        set_role("actor2", crowd_actor, crowd_why + " (excessive force: the protesters are actor2)", crowd_mention)
    else:
        set_role("actor1", crowd_actor, crowd_why + " is actor1", crowd_mention)
        if force is not None:
            set_role("actor2", force, force_why, force_mention)
    for c in cands:
        if c.source:
            roles.reasons.append(f"source: {c.mention.text} (reports, not a participant)")


# Claims of responsibility: تبنى/تبناه X، أعلن X مسؤوليته، X الذي أعلن مسؤوليته (with clitics), as written
_CLAIM_WORDS = CLAIM | RESPONSIBILITY | _words(_LISTS["claim_words"])
CLAIM_SURFACE = frozenset(p + w for p in ("", "و", "ف") for w in _CLAIM_WORDS)
CLAIM_DENIED = _words(_LISTS["claim_denied"])
CLAIMANTS = ("Rebel group", "Political militia", "Identity militia")
# a claim whose attack is one already told: the words right after the claim word (عن التفجير، عن هذه الهجمات،
# هذا الهجوم) and how many sentences back it reaches
CLAIM_OF_THIS = _words(_LISTS["claim_of_this"])
CLAIM_ANNOUNCE = ANNOUNCE | _words(_LISTS["claim_announce"])
CLAIM_BACK_SENTENCES = 6
CLAIM_THEN = _words(_LISTS["claim_then"])  # a claim of a past attack
# what a claim of attacks in general is of (أعلن داعش مسؤوليته عن الكثير من الهجمات، تبنى هجمات سابقة)
CLAIM_GENERAL = _words(_LISTS["claim_general"])


def _claims(doc: Document, country: str | None) -> list[tuple[int, Actor | None]]:
    """The claims of responsibility of the article: (sentence index, the group that claims), read once per
    article and country. A claim denied or said to be missing (لم تعلن أي جهة مسؤوليتها) gives None; the
    claimant is the named non-state armed group nearest the claim word in its sentence (within 8 words)."""
    memo = doc.user_data.setdefault("_actors_claims", {})
    if country in memo:
        return memo[country]
    out: list[tuple[int, Actor | None]] = []
    definite: set[int] = doc.user_data.setdefault("_actors_claims_back", {}).setdefault(country, set())
    texts = doc.token_texts()
    hits = list(compress(range(len(texts)), map(CLAIM_SURFACE.__contains__, texts)))
    if hits:
        tokens = doc.tokens
        for i in hits:
            sentence = next((k for k, s in enumerate(doc.sentences) if s.first <= i <= s.last), None)
            if sentence is None:
                continue
            if any(tokens[j].text in CLAIM_DENIED for j in range(max(0, i - 4), i)):
                out.append((sentence, None))  # nobody claimed it (so far): the attackers stay unidentified
                continue
            if any(tokens[j].text in CLAIM_GENERAL for j in range(i + 1, min(doc.sentences[sentence].last, i + 5) + 1)):
                continue  # a claim of attacks in general, not of this one
            s = doc.sentences[sentence]
            best = None
            for m in doc.actors:
                if m.kind not in ("actor", "person") or m.generic or not (s.first <= m.first <= s.last):
                    continue
                gap = m.first - i if m.first > i else i - m.last
                # the claimant after أعلن may be told well before its claim word (أعلن داعش، في بيان نشرته
                # مواقع موالية له بعد مقتل المهاجم، مسؤوليته)
                if gap > (12 if m.last < i and any(tokens[j].text in CLAIM_ANNOUNCE for j in range(max(s.first, m.first - 3), m.first)) else 8):
                    continue
                actor = _resolve(doc, m, country)
                if actor is None or actor.category not in CLAIMANTS:
                    continue
                if best is None or gap < best[0]:
                    best = (gap, actor)
            if best is not None:
                where = {p.place.country for p in doc.places if s.start <= p.start < s.end}
                if country and where and country not in where:
                    continue  # a claim of an attack in another country
                out.append((sentence, best[1]))
                if any(tokens[j].text in CLAIM_OF_THIS for j in range(i + 1, min(s.last, i + 3) + 1)) and not any(
                        tokens[j].text in CLAIM_THEN for j in range(max(s.first, i - 3), min(s.last, i + 5) + 1)):
                    definite.add(sentence)
    memo[country] = out
    return out


def _claimed_back(doc: Document, country: str | None) -> set[int]:
    """The sentences whose claim names its attack as one already told (مسؤوليته عن التفجير، عن هذه الهجمات،
    تبنت الحركة هذا الهجوم): the claim holds for the attacks of the sentences before it, however far."""
    _claims(doc, country)
    return doc.user_data.setdefault("_actors_claims_back", {}).get(country, set())


def _denials(doc: Document, country: str | None) -> set[int]:
    """The sentences that say no group claimed the attack (لم تعلن أي جهة مسؤوليتها)."""
    return {k for k, a in _claims(doc, country) if a is None}


def _claimant(doc: Document, trigger, country: str | None, target: str | None) -> Actor | None | bool:
    """The group that claimed the attack: the nearest claim of the event's paragraph (or within two
    sentences of it); never the target's side.
    False when the nearest word of a claim says that no one claimed it (لم تتبن أي جهة الهجوم)."""
    claims = [(k, a) for k, a in _claims(doc, country)
              if a is None or a.name != target and not allied(a.name, target)]
    if not claims:
        return None
    here = doc.sentences[trigger.sentence]
    back = _claimed_back(doc, country)
    near = [(abs(k - trigger.sentence), k < trigger.sentence, a is not None, a) for k, a in claims
            if doc.sentences[k].paragraph == here.paragraph or abs(k - trigger.sentence) <= 2
            or k in back and a is not None and 0 < k - trigger.sentence <= CLAIM_BACK_SENTENCES]
    if not near:
        return None  # a claim told elsewhere in the article may be of another attack
    found = min(near, key=lambda x: x[:3])[3]
    return False if found is None else found


def _launched_from(doc: Document, trigger, country: str | None) -> str | None:
    """The country a rocket or shell was fired from when the sentence says so (أطلقت من قطاع غزة على جنوب
    إسرائيل) and it is not the country where it struck: the unidentified group is of that country."""
    sentence = doc.sentences[trigger.sentence]
    tokens = doc.tokens
    for p in doc.places:
        if not (sentence.start <= p.start < sentence.end) or p.place.country in (None, country):
            continue
        k = _token_index(doc, p.start)
        before = [tokens[j].text for j in range(max(sentence.first, k - 2), k)]
        if before and (before[-1] == "من" or before[-2:] == ["من", "داخل"] or before[-1] in ("قطاع", "الاراضي")
                       and len(before) > 1 and before[-2] == "من"):
            return p.place.country
    # من (داخل) الأراضي اليمنية: the land named by its nationality, not by a place name
    lex = lexicon()
    for k in range(sentence.first + 1, sentence.last):
        if tokens[k].text in ("الاراضي", "اراضي") and (tokens[k - 1].text == "من" or tokens[k - 1].text == "داخل"
                                                       and k - 2 >= sentence.first and tokens[k - 2].text == "من"):
            where = _nationality(lex, tokens[k + 1].text)
            if where is not None and where != country:
                return where
    return None


def _default_actor1(doc: Document, trigger, roles: Roles, country: str | None, set_role) -> None:
    event_type, sub = trigger.event_type, trigger.sub_event_type
    target = roles.actor2
    if event_type in ("Explosions/Remote violence", "Violence against civilians") and sub not in (
            "Air/drone strike", "Chemical weapon") or event_type == "Battles" and target and sub == "Armed clash":
        claimant = _claimant(doc, trigger, country, target)
        if claimant is False:
            set_role("actor1", _unidentified_group(country),
                     "no doer named and no group claimed it: an unidentified armed group")
            return
        if claimant is not None:
            set_role("actor1", claimant, "no doer named in the sentence: the group that claimed it (تبنى/أعلن مسؤوليته)")
            return
    for step, where in ((-1, "before"), (1, "after, which tells it in detail")):
        carried = _carried(doc, trigger, country, step)
        if carried is not None and carried.name != target and not allied(carried.name, target):
            set_role("actor1", carried, f"not named in the sentence: the doer of the sentence {where}")
            return
    if sub == "Government regains territory" and not _government_side(target, country):
        # the word itself says the government took it (تحرير، استعادة): its side the article names most
        gov = f"Military Forces of {_country_name(country)}"
        counts = _article_counts(doc, country)
        side = next((a for a, _ in counts.most_common() if _government_side(a.name, country)), None)
        if side is not None:
            set_role("actor1", side, "territory regained, no taker named: the government side the article names")
        else:
            set_role("actor1", Actor(gov, "State forces", country),
                     "territory regained, no taker named: the country's military forces")
        return
    if sub == "Air/drone strike" and country in lexicon().air_forces:
        flier = lexicon().air_forces[country]
        if flier != target and not allied(flier, target):
            set_role("actor1", Actor(flier, lexicon().categories[flier], lexicon().homes.get(flier)),
                     f"air strike with no doer named: who flies the air strikes in {country} (actors.yaml air_forces)")
            return
    if sub == "Air/drone strike":
        counts = _article_counts(doc, country, before=trigger.start)
        air = [a for a, _ in counts.most_common() if (a.category in ("State forces", "External/Other forces"))
               and a.name != target and not allied(a.name, target)]
        if not air:
            counts = _article_counts(doc, country)
            air = [a for a, _ in counts.most_common() if (a.category in ("State forces", "External/Other forces"))
                   and a.name != target and not allied(a.name, target)]
        if air:
            # the country's own air force before foreign ones the article names (a foreign state named in a
            # report of a war is as often named for its politics as for its aircraft)
            air.sort(key=lambda a: _foreign(a, country))
            set_role("actor1", air[0], "air strike with no doer named: the air force the article names")
            return
    if sub in ("Air/drone strike", "Chemical weapon") and country and not _government_side(target, country):
        # armed groups seldom fly aircraft or use chemical weapons: nobody else named, the state's forces
        set_role("actor1", Actor(f"Military Forces of {_country_name(country)}", "State forces", country),
                 f"{sub.lower()} with no doer named: the forces of the state where it struck")
        return
    if target is None and event_type == "Battles":
        # a fight or a town taken with no side named in the sentence: the side the article names most
        counts = _article_counts(doc, country)
        if counts:
            side = sorted((a for a, _ in counts.most_common()), key=lambda a: _foreign(a, country))[0]
            set_role("actor1", side, "no side named in the sentence: the armed actor the article names most")
            return
    if target and (event_type == "Battles" or sub == "Shelling/artillery/missile attack"):
        opponent = _opponent(doc, target, country, {target}, ground=event_type == "Battles")
        if opponent is not None and (event_type == "Battles" or opponent.category in ("State forces",
                                                                                     "External/Other forces")):
            set_role("actor1", opponent, "not named in the sentence: the side the article names against actor2")
            return
    if event_type in ("Explosions/Remote violence", "Violence against civilians") or (
            event_type == "Battles" and target):
        origin = _launched_from(doc, trigger, country) if sub == "Shelling/artillery/missile attack" else None
        if origin is not None:
            set_role("actor1", _unidentified_group(origin),
                     f"no doer named: an unidentified armed group of {origin}, where it was "
                     "launched from (أطلقت من ...)")
            return
        set_role("actor1", _unidentified_group(country), NO_DOER_WHY)
    elif sub == "Arrests":
        set_role("actor1", Actor(f"Police Forces of {_country_name(country)}", "State forces", country),
                 "arrests with no one named: the country's police")
    elif sub == "Looting/property destruction" and target is None:
        # a mosque set on fire, shops looted, by people the article does not name (أضرم مجهولون النار): armed men
        # nobody names, as for an attack (ACLED)
        set_role("actor1", _unidentified_group(country), "property looted or destroyed with no doer named: "
                                                          "an unidentified armed group")
    elif sub == "Disrupted weapons use" and country and not _government_side(target, country):
        set_role("actor1", Actor(f"Military Forces of {_country_name(country)}", "State forces", country),
                 "a weapon stopped with no one named: the forces of the state where it was stopped")
