"""Find place names in a document's tokens, with the words around them that say what they are.

A name may carry proclitics on its first word (و ف, then ب ل ك, and لل for ل + ال): ``وبالموصل`` is ``الموصل``.
The article is part of a name (``الموصل`` but ``بغداد``), so it is never dropped. Multi-word names match
token by token (``دير الزور``, ``صلاح الدين``), longest first.

Around each match this module reads, from the tokens before it:

* a type word (``محافظة``, ``قضاء``, ``ناحية``, ``مدينة``, ``قرية``, ``حي``, ``مخيم`` ...): what kind of place;
* a direction phrase (``جنوب``, ``شمالي``, ``قرب``, ``بالقرب من``, ``أطراف``, ``ريف``, ``على بعد 20 كم من``): a relation;
* a title before or a given name after (``الشيخ``, ``العميد``; ``بن``, ``محمد``): a person, for names flagged ``p``;
* a country named right after (``الموصل (العراق)``, ``طرابلس اللبنانية``, ``طرابلس في ليبيا``).

Its cost is one cached dictionary look-up per token, plus a few for each match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from typing import Sequence

from ..text import Token
from .gazetteer import Gazetteer
from ..words import DATA as _DATA, word_lists, word_values

# the word lists of this module (rasd/data/gazetteer/recognize_words.tsv: curated, normalised; see rasd.words)
_WORDS_PATH = _DATA / "gazetteer" / "recognize_words.tsv"
_LISTS = word_lists(_WORDS_PATH)
_CONJ = "وف"
_PREP = "بل"  # not ك: "كليو 16" is no ك + ليو, and news never says "كبغداد"
# words of a compass phrase besides the compass points: "أقصى شمال"، "وسط" (normalised)
_FAR_WORDS = word_values(_WORDS_PATH)["far_words"]
_PREPOSITIONS = set(_LISTS["prepositions"])
# what may stand between the words of one name: spaces, a hyphen, and the underscore and hash of a hashtag
# and the quotes around a word of it ("#مطار_الحديدة"، "مطار #الحديدة"، «قاعدة "تيفور" الجوية»)
_JOINERS = " -_#\"«»“”"
_SUBJECT_PARTICLES = set(_LISTS["subject_particles"])
# the proclitics a word may carry, as written before it (لل = ل + ال is handled by the caller)
_SURFACE_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")  # إن أنقرة ...، لأن طهران ...: the capital is a subject
_CAPITAL_WORD = "العاصمه"  # "the capital" before a capital's name (normalised)
# "the capital" as written with its proclitics (في العاصمة، بالعاصمة، وللعاصمة): before a country's adjective and no
# name ("في العاصمة الأفغانية"، "شهدته العاصمة البريطانية") it names that country's capital
_CAPITAL_SURFACE = frozenset(c + _CAPITAL_WORD for c in ("", "و", "ف", "ب", "وب", "فب", "ك", "وك")) | {
    "للعاصمه", "وللعاصمه", "فللعاصمه"}
# a word ending in an object pronoun (شنتها، تدعمه، دربتهم; عنه، عليها), and any conjunction before it: its stem
_OBJECT_SUFFIX = re.compile(r"[وف]?(\w{2,}?)(?:ها|هما|هم|هن|ه)")
_PRONOUN_PREPOSITIONS = set(_LISTS["pronoun_prepositions"])  # عنه، عليها، بها، لها، منه، فيها (normalised)
_UNITS = set(_LISTS["units"])


@dataclass(slots=True)
class RawMatch:
    first: int  # token positions in the token list searched (inclusive)
    last: int
    start: int  # normalised offsets; start is after any proclitic
    end: int
    key: str
    candidates: list[tuple[int, str]]  # (entry index, flags)
    clitic: str = ""  # the proclitics stripped from the first token
    type: str | None = None  # 'adm1', 'adm2', 'town', ...
    type_start: int | None = None  # where the type word / direction phrase starts (normalised offset)
    relation: str | None = None
    person: bool = False
    country_after: str | None = None  # ISO code of a country named right after
    own_a1: str = ""  # the governorate / district this name itself names, if it leaves no doubt
    own_a2: str = ""
    index: int = -1  # position among the document's matches
    notes: list[str] = field(default_factory=list)
    # the (country, governorate) of the town this name is said to be near or in ("بلدة صيدا شرق مدينة درعا"):
    # its namesake there is the one meant (set by ``rasd.geo.anchor_namesakes``)
    anchor: tuple[str, str] | None = None


def _readings(word: str) -> list[tuple[str, str]]:
    """``وبالموصل`` -> [("وبالموصل", ""), ("بالموصل", "و"), ("الموصل", "وب")]: proclitics off, article kept."""
    # written out for the two shapes a word can have (a conjunction first or not): the conjunctions and
    # prepositions share no letter, so a word that starts with a conjunction carries no preposition first
    n = len(word)
    if n >= 3 and word[0] in _CONJ:
        conj, rest = word[0], word[1:]
        if n >= 5 and rest[0] in _PREP:  # "برس" (فرانس برس) is no ب + رس
            prep, bare = rest[0], rest[1:]
            if prep == "ل" and bare[0] == "ل" and n > 5:
                return [(word, ""), (rest, conj), (bare, conj + prep), ("ا" + bare, conj + prep)]  # لل = ل + ال
            return [(word, ""), (rest, conj), (bare, conj + prep)]
        return [(word, ""), (rest, conj)]
    if n >= 4 and word[0] in _PREP:
        prep, bare = word[0], word[1:]
        if prep == "ل" and bare[0] == "ل" and n > 4:
            return [(word, ""), (bare, prep), ("ا" + bare, prep)]
        return [(word, ""), (bare, prep)]
    return [(word, "")]


def _bare_forms(word: str, readings: list[tuple[str, str]] | None = None) -> tuple[str, ...]:
    """A context word's readings with proclitics and the article off: ``وبمحافظة`` -> (..., ``محافظه``);
    ``بالقرب`` -> (..., ``قرب``); ``ولاية`` keeps ``ولايه``. ``readings``: ``_readings(word)``, if at hand."""
    out: list[str] = []
    for form, _ in readings or _readings(word):
        out.append(form)
        if form.startswith("ال") and len(form) > 4:
            out.append(form[2:])
    return tuple(dict.fromkeys(out))


def _capitals(gaz: Gazetteer) -> tuple[set[str], dict[str, tuple[str, int, str]]]:
    """The names of national capitals, and each country's capital as ``(a name of it, its entry, its flags)``: the
    name with the fewest namesakes (بغداد is also its governorate), the first such name in the index's order. One
    pass over the names, the capitals' entries found by set look-ups (two passes over every candidate before)."""
    capitals = {i for i, e in enumerate(gaz.entries) if e.place.feature == "PPLC"}
    keys: set[str] = set()
    capital_of: dict[str, tuple[str, int, str]] = {}
    fewest: dict[str, int] = {}
    for key, cands in gaz.names.items():
        for idx, flags in cands:
            if idx in capitals:
                keys.add(key)
                cc = gaz.entries[idx].cc
                if len(cands) < fewest.get(cc, 1 << 30):
                    capital_of[cc], fewest[cc] = (key, idx, flags), len(cands)
    return keys, capital_of


class Recognizer:
    def __init__(self, gaz: Gazetteer):
        from .unknown import frequent_words  # (geo.unknown reads the data folder of geo.build)
        self.gaz = gaz
        self.whole_words = frequent_words()  # frequent Arabic words, normalised (frequent_words.tsv)
        self._cache: dict[str, tuple[tuple[str, str], ...]] = {}
        self._bare_cache: dict[str, tuple[str, ...]] = {}
        self.adj_cache: dict[str, str] = {}
        self._flags: dict[str, str] = {}  # name -> the flags of its candidates
        self._types_cache: dict[str, tuple[str | None, list[tuple[str, str]]]] = {}
        self._country_cache: dict[str, str | None] = {}
        self._ctx_cache: dict[str, bool] = {}  # token -> ISO code of the country adjective it is, or ""
        self.qualifier_cache: dict[str, bool] = {}  # token -> whether it places the name before it (geo.unknown)
        self.types1 = dict(gaz.types1)
        self.types2 = {(a[2:] if a.startswith("ال") and len(a) > 4 else a, b): v for (a, b), v in gaz.types2.items()}
        # names of national capitals (a capital may stand for its government: أنقرة لم تبلغ), and each country's
        # national capital: (a name of it, its entry, its flags), for "العاصمة الأفغانية"
        self.capital_keys, self.capital_of = _capitals(gaz)
        self.types2_by_last: dict[str, list[tuple[str, str]]] = {}  # second word -> [(first word, type)]
        for (a, b), v in self.types2.items():
            self.types2_by_last.setdefault(b, []).append((a, v))
        self.directions1 = {(k[2:] if k.startswith("ال") and len(k) > 4 else k): v for k, v in gaz.directions1.items()}
        self.directions_multi = [(tuple((t[2:] if t.startswith("ال") and len(t) > 4 else t) for t in toks), v)
                                 for toks, v in gaz.directions_multi]
        self.dir_by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._dir_index: dict[str, tuple[list[int], dict[str, list[int]]]] = {}  # see _dir_entries
        self._kinds_cache: dict[str, tuple[bool, bool, bool, bool, bool]] = {}  # see _word_kinds
        self._dir_end_cache: dict[str, bool] = {}  # token -> whether a direction phrase may end in it (_direction)
        for toks, v in self.directions_multi:
            self.dir_by_last.setdefault(toks[-1], []).append((toks, v))
        # the second words of the multi-word names each first word starts (a word that is no name by itself
        # starts a match only before one of them: في مرقد ...، علي اباد ...)
        self.second_words: dict[str, set[str]] = {}
        for first, second in gaz.multi:
            self.second_words.setdefault(first, set()).add(second)
        self._nexts: dict[str, frozenset[str] | None] = {}  # see _hits
        self.titles = gaz.titles
        self.given = gaz.given
        # countries' one-word Arabic names (العراق، سوريا): what an article speaks of, even where not a key
        self.country_name_cache: dict[str, str] = {}  # token -> the country name it is (a form of), or ""
        self.country_word_names: dict[str, str] = {key: gaz.entries[i].cc for i in gaz.countries.values()
                                   for key in gaz.country_names_ar.get(gaz.entries[i].cc, ()) if " " not in key}
        # every written form of those names with its proclitics (وبالعراق): a set intersection finds them
        self.country_surface: dict[str, str] = {}
        for key, cc in self.country_word_names.items():
            for clitic in _SURFACE_CLITICS:
                form = clitic + (key[1:] if clitic.endswith("ل") and clitic and key.startswith("ال") else key)
                self.country_surface.setdefault(form, cc)

    def _hits(self, word: str) -> tuple[tuple[str, str], ...]:
        hits = self._cache.get(word)
        if hits is None:
            first = self.gaz.first
            readings = _readings(word)
            # a proclitic is no proclitic where the whole word is a frequent word and the rest is none: "لمدة
            # وجيزة" (brief) is no و + جيزة (Giza), "وتيرة" no و + Tire, "فيينا" no ف + Jena, "وفدا" no و + Fada
            whole = self.whole_words
            hits = tuple((form, clitic) for form, clitic in readings if form in first
                         and not (clitic and word in whole and form not in whole))
            # the same readings give the word's bare forms, which the country evidence asks of every word
            # of an article (``forms``): made here, _readings runs once a new word, not twice
            if word not in self._bare_cache and len(self._bare_cache) <= 200_000:
                self._bare_cache[word] = _bare_forms(word, readings)
            # longest reading first is _readings' order; a reading that only starts a longer name is kept too
            if len(self._cache) > 200_000:
                self._cache.clear()
                self._nexts.clear()
            self._cache[word] = hits
            if hits:
                # None where a reading is a name by itself; else the words that must follow for a match to start
                names, seconds = self.gaz.names, self.second_words
                self._nexts[word] = None if any(form in names for form, _ in hits) else frozenset(
                    w for form, _ in hits for w in seconds.get(form, ()))
        return hits

    def forms(self, word: str) -> tuple[str, ...]:
        b = self._bare_cache.get(word)
        if b is None:
            b = _bare_forms(word)
            if len(self._bare_cache) > 200_000:
                self._bare_cache.clear()
            self._bare_cache[word] = b
        return b

    def word_in(self, word: str, table) -> str | None:
        """The value (or the form, for a set) of the first reading of ``word`` found in ``table``."""
        for form in self.forms(word):
            if form in table:
                return table[form] if isinstance(table, dict) else form
        return None

    def _ctx_word(self, word: str) -> bool:
        """Whether ``word`` may be a type word or end a direction phrase (a cheap test before a strict name)."""
        v = self._ctx_cache.get(word)
        if v is None:
            v = any(f in self.types1 or f in self.directions1 or f in self.dir_by_last for f in self.forms(word)) or word == "من"
            self._ctx_cache[word] = v
        return v

    def word_is(self, word: str, target: str) -> bool:
        return target in self.forms(word)

    def find(self, tokens: Sequence[Token], text: str, texts: list[str] | None = None) -> list[RawMatch]:
        """Longest matches, left to right, with their context read. ``texts``: the tokens' texts, if at hand."""
        names = self.gaz.names
        out: list[RawMatch] = []
        n = len(tokens)
        cache = self._cache
        if texts is None:
            texts = [t.text for t in tokens]
        got = list(map(cache.get, texts))  # each token's readings that start a name, None for a word not yet read
        if None in got:
            got = [self._hits(w) if h is None else h for h, w in zip(got, texts)]
        positions = list(compress(range(n), got))  # the tokens that may start a name
        next_free = 0
        multi = self.gaz.multi
        strict = self.gaz.strict
        countries = self.gaz.country_keys
        nexts = self._nexts
        for i in positions:
            if i < next_free:
                continue
            after = nexts.get(texts[i])  # (None too for a word read before the caches were last emptied)
            if after is not None and (i + 1 >= n or texts[i + 1] not in after):
                continue  # a word that only starts longer names, none of whose second words follows
            best = None
            tok = tokens[i]
            nxt = tokens[i + 1] if i + 1 < n else None
            joined = None
            for form, clitic in got[i]:
                bucket = multi.get((form, nxt.text)) if nxt is not None else None
                if bucket and joined is None:
                    joined = nxt.start - tok.end <= 2 and not text[tok.end:nxt.start].strip(_JOINERS)
                if bucket and joined:
                    for rest, key in bucket:
                        k = len(rest) + 1
                        if best is not None and k <= best[0]:
                            break
                        if i + k >= n:
                            continue
                        ok = True
                        prev = nxt
                        for j, word in enumerate(rest, 2):
                            t2 = tokens[i + j]
                            if t2.text != word or t2.start - prev.end > 2 or text[prev.end:t2.start].strip(_JOINERS):
                                ok = False
                                break
                            prev = t2
                        if ok:
                            best = (k, key, clitic)
                            break
                if best is None and form in names:
                    best = (0, form, clitic)
            if best is None:
                continue
            k, key, clitic = best
            if key in strict and (i == 0 or not self._ctx_word(texts[i - 1])):
                continue
            m = RawMatch(first=i, last=i + k, start=tok.start + len(clitic), end=tokens[i + k].end, key=key,
                         candidates=names[key], clitic=clitic)
            if key not in countries:
                self._context(m, tokens, text)
            out.append(m)
            next_free = i + k + 1
        if not _CAPITAL_SURFACE.isdisjoint(texts):
            out = self._capitals_by_adjective(out, tokens, text, texts)
        return out

    def _capitals_by_adjective(self, out: list[RawMatch], tokens: Sequence[Token], text: str,
                               texts: list[str]) -> list[RawMatch]:
        """"العاصمة" + a country's feminine adjective and no name after them ("في العاصمة الأفغانية"، "العاصمة
        البريطانية، لندن" keeps لندن): that country's capital, a town. News names the capital so as often as by name."""
        taken = {j for m in out for j in range(m.first, m.last + 1)}
        starts = {m.first for m in out}
        n = len(tokens)
        added = []
        for i, w in enumerate(texts):
            if w not in _CAPITAL_SURFACE or i + 1 >= n or i in taken or i + 1 in taken:
                continue
            if tokens[i + 1].start - tokens[i].end > 2:
                continue
            adj = texts[i + 1]
            if not adj.startswith("ال") or not adj.endswith("يه"):
                continue
            cc = self.word_in(adj, self.gaz.adjectives)
            got = self.capital_of.get(cc) if cc else None
            if got is None or i + 2 in starts or i + 3 in starts and tokens[i + 3].start - tokens[i + 1].end <= 3:
                continue  # "العاصمة العراقية بغداد"، "العاصمة البريطانية، لندن": the name says it
            key, idx, flags = got
            clitic = w[:len(w) - len(_CAPITAL_WORD)]
            m = RawMatch(first=i, last=i + 1, start=tokens[i].start + len(clitic), end=tokens[i + 1].end, key=key,
                         candidates=[(idx, flags)], clitic=clitic)
            self._context(m, tokens, text)
            m.person = False  # "the capital" says the city, never its government
            m.notes = [x for x in m.notes if x != "government"]
            if m.type is None:
                m.type, m.type_start = "town", m.start
            m.notes.append("capital by adjective")
            added.append(m)
        if added:
            out = sorted(out + added, key=lambda m: m.first)
        return out

    # -- context ----------------------------------------------------------------------------------------
    def _context(self, m: RawMatch, tokens: Sequence[Token], text: str) -> None:
        i = m.first
        flags = self._flags.get(m.key)
        if flags is None:
            flags = self._flags[m.key] = "".join(f for _, f in m.candidates)
        if i > 0 and tokens[i - 1].text in _PREPOSITIONS and not m.clitic:
            m.notes.append("after_prep")
        elif i > 0 and not m.clitic and tokens[i - 1].text.startswith("ال") and len(tokens[i - 1].text) > 3 \
                and tokens[i].start - tokens[i - 1].end <= 2 and not self._ctx_word(tokens[i - 1].text):
            m.notes.append("after_definite")  # "القمصان البيضاء": maybe an adjective of the word before
        elif i > 0 and not m.clitic and m.key.startswith("ال") and len(tokens[i - 1].text) > 2 \
                and not tokens[i - 1].text.startswith(("ال", "وال")) and tokens[i].start - tokens[i - 1].end <= 2 \
                and tokens[i - 1].text.isalpha():
            m.notes.append("after_construct")  # "مستشفى الفلوجة"، "قصف الحديدة": a genitive or an object, a name
        # A type word right before (not when the name itself carries a preposition: بالموصل has none).
        j = i - 1
        if m.clitic[-1:] not in ("ب", "ل", "ك") and j >= 0 and tokens[i].start - tokens[j].end <= 2:
            # a type word stands in construct before the name, so it never has the article: "مدينة الموصل",
            # not "القاعدة وان" (al-Qaeda and ...)
            t, pairs = self._type_word(tokens[j].text)
            if j >= 1:
                for a, v in pairs:
                    if self.word_is(tokens[j - 1].text, a):
                        t, j = v, j - 1
                        break
            if t is None and m.key in self.capital_keys:
                if self.word_is(tokens[j].text, _CAPITAL_WORD):
                    t = "town"  # "العاصمة الرياض"، "في العاصمة عمان": the word says the city, not its government
                elif j >= 1 and self.word_is(tokens[j - 1].text, _CAPITAL_WORD) and tokens[j].text.endswith("يه") \
                        and self._country_word(tokens[j].text) == self.gaz.entries[m.candidates[0][0]].cc:
                    t, j = "town", j - 1  # "العاصمة السورية دمشق"، "العاصمة البريطانية، لندن"
            if t is not None:
                m.type = t
                m.type_start = tokens[j].start
                j -= 1
            else:
                title, front, group, when, _ = self._word_kinds(tokens[j].text)
                if "p" in flags and title:
                    m.person = True
                elif "t" not in flags and "T" not in flags and front:
                    # "جبهة صرواح"، "جبهة نهم": the front at a place (جبهة النصرة names no place); a name that is
                    # also a word of middling frequency (نهم, flag f) may be one, not a very frequent word (t:
                    # جبهة التحرير)
                    m.notes.append("front")
                elif group:
                    m.person = True  # "شيخ عشيرة الملاحمة": a tribe's name, not a place
                    m.notes.append("group")
                elif when:
                    m.person = True  # "بعد صلاة المغرب": the sunset prayer, not Morocco
                    m.notes.append("time")
        # A direction phrase before the type word or the name.
        if j >= 0 and (m.type is None or True):
            rel, start = self._direction(tokens, j, text)
            if rel:
                m.relation = rel
                m.type_start = start
        # A capital that speaks or acts as its government: "أنقرة لم تبلغ"، "واشنطن تتهم"، "وقالت دمشق".
        if m.key in self.capital_keys and m.type != "town" and self._speaks(m, tokens):  # "مدينة دمشق" is the city
            m.person = True
            m.notes.append("government")
        # A person: a given name or بن after the name.
        if "p" in flags and not m.type and m.last + 1 < len(tokens):
            nxt = tokens[m.last + 1]
            if nxt.start - tokens[m.last].end <= 2 and self._word_kinds(nxt.text)[4]:
                m.person = True
        # A country right after: الموصل (العراق) / طرابلس اللبنانية / طرابلس في ليبيا / بغداد، العراق
        k = m.last + 1
        if k < len(tokens) and tokens[k].start - tokens[m.last].end <= 4:
            word = tokens[k].text
            if word == "في" and k + 1 < len(tokens):
                word = tokens[k + 1].text
            m.country_after = self._country_word(word)
            if m.country_after is None:
                m.country_after = self._country_after_compass(tokens, k)

    def _country_after_compass(self, tokens: Sequence[Token], k: int) -> str | None:
        """The country named after a compass phrase that starts at token ``k``: "غومبيه شمال شرقي نيجيريا"،
        "مروة، أقصى شمال الكاميرون"، "بلدة صغيرة بشمال مالي" (at most three compass words, then the country)."""
        steps = 0
        while k < len(tokens) and steps < 3:
            word = tokens[k].text
            rel = self.word_in(word, self.directions1)
            if not (rel and rel.endswith("_of") or self.word_in(word, _FAR_WORDS)):
                break
            steps += 1
            k += 1
            if k < len(tokens) and tokens[k].start - tokens[k - 1].end > 2:
                return None
        if not steps or k >= len(tokens):
            return None
        return self._country_word(tokens[k].text)

    def _word_kinds(self, word: str) -> tuple[bool, bool, bool, bool, bool]:
        """Whether a reading of ``word`` is a title, a front, a group, a time word, a given name (cached per word)."""
        got = self._kinds_cache.get(word)
        if got is None:
            gaz = self.gaz
            got = tuple(bool(self.word_in(word, table)) for table in (self.titles, gaz.fronts, gaz.groups, gaz.times,
                                                                      self.given))
            if len(self._kinds_cache) > 200_000:
                self._kinds_cache.clear()
            self._kinds_cache[word] = got
        return got

    def _type_word(self, word: str) -> tuple[str | None, list[tuple[str, str]]]:
        """The type a word before a name gives (مدينة -> town), and the two-word types it may end
        (مركز قضاء): ``(type or None, [(first word, type)])``, cached per word."""
        got = self._types_cache.get(word)
        if got is None:
            t = self.types1.get(word) or next((self.types1[f] for f, c in _readings(word)
                                               if f in self.types1 and not f.startswith("ال")), None)
            pairs = [p for f in self.forms(word) for p in self.types2_by_last.get(f, ())]
            if len(self._types_cache) > 200_000:
                self._types_cache.clear()
            got = self._types_cache[word] = (t, pairs)
        return got

    def _country_word(self, word: str) -> str | None:
        """The country a word names or qualifies (العراق، اللبنانية), cached per word."""
        if word in self._country_cache:
            return self._country_cache[word]
        cc = self.word_in(word, self.gaz.adjectives)
        if cc is None:
            for form in self.forms(word):
                for idx, _ in self.gaz.names.get(form, ()):
                    if self.gaz.entries[idx].place.feature == "PCLI":
                        cc = self.gaz.entries[idx].cc
                        break
                if cc:
                    break
        if len(self._country_cache) > 200_000:
            self._country_cache.clear()
        self._country_cache[word] = cc
        return cc

    def _speaks(self, m: RawMatch, tokens: Sequence[Token]) -> bool:
        """A voice word (a speech verb, a negation) right after the name, a speech verb right before it, or
        ``بين أنقرة والمتمردين``: a party facing another party, not a place facing a place."""
        voices = self.gaz.voices
        prev = tokens[m.first - 1].text if m.first > 0 and not m.clitic else ""
        nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
        if prev == "بين" and nxt is not None:
            names = self.gaz.names
            return nxt.text[:1] == "و" and not any(
                not flags.replace("f", "") for form, _ in self._hits(nxt.text) for _, flags in names.get(form, ()))
        if m.clitic.lstrip("وف") == "ل" and m.first > 0 and tokens[m.first - 1].text in voices:
            return True  # "قوات الدفاع الوطني الموالية لدمشق"
        if "after_prep" in m.notes or m.clitic.lstrip("وف"):
            return False  # "في بغداد لم ...", "ببغداد": a place
        if nxt is not None and nxt.start - tokens[m.last].end <= 2 and nxt.text in voices:
            return True
        if prev and self._acts_on(prev, tokens[m.first - 2].text if m.first > 1 else ""):
            return True
        prev = prev[1:] if prev[:1] in ("و", "ف") and prev[1:] in voices else prev
        # a verb or a noun of government (تصنفهم، حكومة), or إن/أن introducing the capital as a subject; not a
        # particle that a place may follow (لا، قد)
        return prev in voices and (len(prev) > 3 or prev in _SUBJECT_PARTICLES)

    def _acts_on(self, prev: str, before: str) -> bool:
        """The word before a capital is a verb with an object pronoun whose subject the capital is ("التي شنتها
        دمشق"، "تدعمها واشنطن"، "ونسبتها طهران"), or a preposition with a pronoun after a voice verb ("أعلنت عنه
        دمشق"): the capital acts, as its government. Not a verb whose subject is a scene ("التي شهدتها دمشق")."""
        got = _OBJECT_SUFFIX.fullmatch(prev)
        if got is None:
            return False
        stem = got.group(1)
        if stem in _PRONOUN_PREPOSITIONS:
            before = before[1:] if before[:1] in ("و", "ف") and before[1:] in self.gaz.voices else before
            return before in self.gaz.voices and len(before) > 3
        if stem in self.gaz.scenes or stem in self.gaz.t_nouns or len(stem) <= 2 or stem in _SUBJECT_PARTICLES \
                or stem.endswith("ات"):  # لانها، انه، بيتها، قواتها: no verb
            return False
        # a feminine past verb (شنت، نسبت، دربت) or a present one (تدعم، تعتبر، تنفي): the capital is its subject;
        # not a noun in ة with a pronoun, a long vowel before its ت or ا/ي one letter earlier (زيارته، سياستها)
        return stem in self.gaz.voices or (stem.endswith("ت") and len(stem) >= 3 and not stem.startswith("ال")
                                          and stem[-2] not in "اوي" and stem[-3:-2] not in ("ا", "ي")) \
            or (stem.startswith("ت") and len(stem) >= 4)

    def _dir_entries(self, last: str, tokens: Sequence[Token], j: int) -> Sequence[tuple[tuple[str, ...], str]]:
        """The direction phrases ending in ``last`` that may end at token ``j``, in their table order: those of one
        word, and those whose word before the last is a reading of token ``j - 1`` (بالقرب من، الى الشمال من: the
        29 phrases ending in من are not each tried word by word)."""
        entries = self.dir_by_last.get(last, ())
        if len(entries) < 4 or j < 1:
            return entries
        index = self._dir_index.get(last)
        if index is None:
            singles: list[int] = []
            by_prev: dict[str, list[int]] = {}
            for at, (toks, _) in enumerate(entries):
                if len(toks) < 2:
                    singles.append(at)
                else:
                    by_prev.setdefault(toks[-2], []).append(at)
            index = self._dir_index[last] = (singles, by_prev)
        singles, by_prev = index
        picked = set(singles)
        for form in self.forms(tokens[j - 1].text):
            picked.update(by_prev.get(form, ()))
        return [entries[at] for at in sorted(picked)]

    def _direction(self, tokens: Sequence[Token], j: int, text: str) -> tuple[str | None, int]:
        """The relation a direction phrase ending at token ``j`` gives, and where it starts."""
        if j < 0:
            return None, 0
        word = tokens[j].text
        # ... من X  (بالقرب من، على مقربة من، إلى الشمال من، على بعد 20 كم من)
        if word == "من":
            for toks, rel in self._dir_entries("من", tokens, j):
                n = len(toks)
                if j - n + 1 >= 0 and all(self.word_is(tokens[j - n + 1 + q].text, toks[q]) for q in range(n)):
                    return rel, tokens[j - n + 1].start
            # على بعد 20 كم (جنوب) من
            for q in range(j - 1, max(-1, j - 6), -1):
                if self.word_is(tokens[q].text, "بعد") and any(self.word_in(t.text, _UNITS) for t in tokens[q + 1:j]):
                    rel = "near"
                    for t in tokens[q + 1:j]:
                        r = self.word_in(t.text, self.directions1)
                        if r and r != "near":
                            rel = r
                    return rel, tokens[q].start
            if j >= 1:
                r = self.word_in(tokens[j - 1].text, self.directions1)
                if r:
                    return r, tokens[j - 1].start
            return None, 0
        ends = self._dir_end_cache.get(word)
        if ends is None:
            ends = any(f in self.dir_by_last or f in self.directions1 for f in self.forms(word))
            if len(self._dir_end_cache) > 200_000:
                self._dir_end_cache.clear()
            self._dir_end_cache[word] = ends
        if not ends:
            return None, 0  # no direction phrase ends in this word (most words)
        for form in self.forms(word):
            for toks, rel in self._dir_entries(form, tokens, j):
                n = len(toks)
                if j - n + 1 >= 0 and all(self.word_is(tokens[j - n + 1 + q].text, toks[q]) for q in range(n - 1)):
                    return rel, tokens[j - n + 1].start
        r = self.word_in(word, self.directions1)
        if r:
            return r, tokens[j].start
        return None, 0
