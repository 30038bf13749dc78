"""The cheaper paths of the actor roles (issue 15) give what the plain computations give, bit for bit.

The role model's probabilities are summed in Python floats (``RoleModel._probabilities_of_three``) instead
of numpy's take and reduce a mention; they must equal numpy's, float for float, or the roles (and the
event-decision model trained on them) would move."""
from __future__ import annotations

import numpy as np
import pytest

from rasd import actors, pipeline
from rasd.learn import actor_roles


def _numpy_probabilities(model: actor_roles.RoleModel, rows: list[list[int]]) -> list[dict[str, float]]:
    """The computation as numpy does it for the whole sentence (the path kept for other shapes)."""
    table = np.ascontiguousarray(model.weights.T)
    z = np.array([np.add.reduce(table.take(idx, axis=0), axis=0) for idx in rows])
    z += model.weights[:, -1]
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    p = e / e.sum(axis=1, keepdims=True)
    return [dict(zip(model.classes, row)) for row in p.tolist()]


@pytest.mark.parametrize("spread", [False, True])
def test_python_sums_equal_numpys_on_random_weights(spread):
    rng = np.random.default_rng(5)
    weights = rng.normal(scale=2.0, size=(3, (1 << actor_roles.BITS) + 1))
    if spread:  # magnitudes far apart: a sum in another order would round differently
        weights[:, rng.integers(0, 1 << actor_roles.BITS, 3000)] *= 1e-9
        weights[:, rng.integers(0, 1 << actor_roles.BITS, 3000)] *= 1e7
    model = actor_roles.RoleModel(weights=weights, classes=actor_roles.CLASSES)
    for _ in range(300):
        rows = [sorted({int(i) for i in rng.integers(0, 1 << actor_roles.BITS, rng.integers(1, 70))})
                for _ in range(rng.integers(1, 6))]
        assert model.probabilities_of_indices(rows) == _numpy_probabilities(model, rows)


def test_python_sums_equal_numpys_with_the_shipped_weights():
    model = actor_roles.model()
    if model is None:
        pytest.skip("no shipped role model")
    rng = np.random.default_rng(11)
    seen = np.flatnonzero(np.abs(model.weights[:, :-1]).sum(axis=0) > 0)  # the features training saw
    assert len(seen) > 100
    for _ in range(300):
        rows = [sorted({int(i) for i in rng.choice(seen, rng.integers(1, 45))}) for _ in range(rng.integers(1, 5))]
        assert model.probabilities_of_indices(rows) == _numpy_probabilities(model, rows)


def test_float32_weights_keep_numpys_arithmetic():
    rng = np.random.default_rng(3)
    weights = rng.normal(size=(3, (1 << actor_roles.BITS) + 1)).astype(np.float32)
    model = actor_roles.RoleModel(weights=weights, classes=actor_roles.CLASSES)
    rows = [[1, 7, 900], [4, 5]]
    assert model.probabilities_of_indices(rows) == _numpy_probabilities(model, rows)


ARTICLES = [
    ("أعلنت مصادر محلية أن مسلحين مجهولين هاجموا دورية للجيش العراقي قرب مدينة بعقوبة في محافظة ديالى، "
     "ما أدى إلى مقتل جنديين. وقصفت طائرات التحالف مواقع لتنظيم داعش في قضاء الحويجة.", "2018-05-02"),
    ("وقُتل ٣ مدنيين بقصف مدفعي لقوات النظام على بلدة في ريف إدلب، فيما اشتبكت فصائل المعارضة مع "
     "الميليشيات الموالـــية للنظام جنوب المدينة", "2018-09-05"),
    ("هاجم الحوثيون مواقع الجيش الوطني في مديرية نهم، وردت قوات الشرعية بقصف تجمعاتهم", "2018-03-02"),
]


@pytest.mark.parametrize("text,published", ARTICLES)
def test_roles_through_the_pipeline_equal_numpys(text, published, monkeypatch):
    """Whole articles through the pipeline: the roles and their reasons (which carry the model's
    probabilities) are the same whether the probabilities are summed in Python or by numpy."""
    from rasd.commands.actors import explain

    if actor_roles.model() is None:
        pytest.skip("no shipped role model")
    fast = explain(text, published=published)
    assert any("role model: actor1" in reason for event in fast["events"] for reason in event["reasons"])
    monkeypatch.setattr(actor_roles.RoleModel, "probabilities_of_indices", _numpy_probabilities)
    assert explain(text, published=published) == fast


def test_the_doer_kept_by_roles_for_is_the_one_doer_of_reads():
    """roles_for keeps, for each event word it reads, the doer the sentences around will ask of it
    (``_carried``): each kept answer is what ``_doer_of`` reads afresh, and the roles of the next sentence's
    unnamed doer come out the same whether the answer was kept or read again."""
    from rasd.pipeline import make_document, run_stages

    text = ("وقصفت قوات النظام السوري بلدة كفرنبل بريف إدلب الجنوبي بالمدفعية الثقيلة. "
            "وأضاف المرصد أن القصف أدى إلى مقتل ٤ مدنيين وإصابة آخرين. "
            "وشنّ تنظيم داعش هجوماً على مواقع لقوات سوريا الديمقراطية في ريف دير الزور، "
            "وقُتل خلال الاشتباكات عنصران من الطرفين.")
    doc = make_document({"text": text, "published": "2018-04-02"})
    run_stages(doc)
    assert len(doc.sentences) >= 3 and doc.triggers
    doc.user_data.pop("_carried", None)
    first_pass = []
    for trigger in doc.triggers:
        roles = actors.roles_for(doc, trigger, doc.sentences[trigger.sentence], doc.country)
        first_pass.append((roles.actor1, roles.actor2, tuple(roles.reasons)))
    assert any("the doer of the sentence before" in reason for _, _, reasons in first_pass for reason in reasons)
    by_id = {id(t): t for t in doc.triggers}
    kept = {k: v for k, v in doc.user_data["_carried"].items() if k[2] in by_id}
    assert kept
    assert any(v is not None for v in kept.values())
    for (index, country, tid, *_), answer in kept.items():
        assert actors._doer_of(doc, by_id[tid], doc.sentences[index], country) == answer
    doc.user_data.pop("_carried")
    again = []
    for trigger in reversed(doc.triggers):  # the later sentences first: nothing kept for them to ask
        roles = actors.roles_for(doc, trigger, doc.sentences[trigger.sentence], doc.country)
        again.append((roles.actor1, roles.actor2, tuple(roles.reasons)))
    assert again[::-1] == first_pass


RULES_TEXT = ("وقال الجيش العراقي في بيان إن ٥ من عناصر داعش قُتلوا في اشتباكات مع قوات الحشد الشعبي غرب الموصل، "
              "واتهمت الشرطة العراقية تنظيم داعش بتفجير سيارة مفخخة قرب مقر تابع للحشد. "
              "وأعلنت القوات العراقية أنها استعادت السيطرة على قرية من قبضة التنظيم، بينما قصفت طائرات "
              "التحالف الدولي مواقع للتنظيـــم وأسفرت الغارات عن مقتل مدنيين اثنين. "
              "ودارت معارك عنيفة بين الجيش العراقي ومسلحين مجهولين ليلة الأحد.")


def _scores(cands):
    return [(c.mention.start, c.agent, c.target, c.source, c.owner, c.between, c.far, c.launcher,
             c.speaker_party, c.responder, tuple(c.why)) for c in cands]


def test_the_rules_kept_per_sentence_score_as_read_afresh():
    """The rules that do not read the event word are read once per sentence (``_sentence_rules``) and kept
    for the other event words of the sentence: an event word placed on every word of every sentence, of
    three types (the type changes the points of مع, of civilians in a fight, of a weapon intercepted), gets
    the same points and reasons with the kept reading as with one made for it alone, in either order."""
    import dataclasses

    from rasd.pipeline import make_document, run_stages

    doc = make_document({"text": RULES_TEXT, "published": "2018-06-03"})
    run_stages(doc)
    assert doc.triggers and len(doc.sentences) >= 3
    kinds = (("Battles", "Armed clash"), ("Explosions/Remote violence", "Disrupted weapons use"),
             ("Violence against civilians", "Attack"))
    placed = []
    for sentence in doc.sentences:
        if not actors._readings(doc, sentence, doc.country):
            continue
        for i in range(sentence.first, sentence.last + 1):
            tok = doc.tokens[i]
            for event_type, sub in kinds:
                placed.append((sentence, dataclasses.replace(doc.triggers[0], start=tok.start, end=tok.end,
                                                             event_type=event_type, sub_event_type=sub)))
    assert len(placed) > 100
    doc.user_data.pop("_actors_rules", None)
    kept = [_scores(actors.candidates(doc, t, s, doc.country)) for s, t in placed]
    memo = doc.user_data["_actors_rules"][1]
    assert 0 < len(memo) < len(placed) / 20  # read once a sentence, not once an event word
    afresh = []
    for s, t in reversed(placed):
        doc.user_data.pop("_actors_rules")
        afresh.append(_scores(actors.candidates(doc, t, s, doc.country)))
    assert afresh[::-1] == kept
    # what the kept reading gives varies with the event word (the rules that read it are not kept)
    assert len({repr(k) for k in kept}) > len(memo)
    reasons = {why for k in kept for row in k for why in row[-1]}
    assert "the speaker of a statement: a source, not a participant" in reasons
    assert any(why.startswith("accused of the attack") for why in reasons)
    assert any(why.startswith("the subject") for why in reasons)


def test_the_walk_back_to_the_verb_stops_at_the_event_word():
    """The rule of the subject of a verb walks back from a mention over time words, numbers, من and person
    nouns to the verb, and stops at the event word's own tokens (the kept reading walks without them, and
    _analyse cuts the walk where the event word lies): an event word placed on each of those words gives
    the reason the plain walk gives, and not the one of the walk that passes it."""
    import dataclasses

    from rasd.pipeline import make_document, run_stages

    text = ("وقتل أمس ٣ عناصر من داعش في كمين. وهاجم صباح اليوم عشرات مسلحي الحوثي موقعا للجيش اليمني. "
            "وأصيب خمسة من عناصر الشرطة المصرية بانفجار عبوة ناسفة")
    doc = make_document({"text": text, "published": "2018-06-03"})
    run_stages(doc)
    texts = doc.token_texts()
    checked = passed = 0
    for s in doc.sentences:
        for i in range(s.first, s.last + 1):
            tok = doc.tokens[i]
            t = dataclasses.replace(doc.triggers[0], start=tok.start, end=tok.end)
            cands = actors.candidates(doc, t, s, doc.country)
            read = actors._sentence_rules(doc, s, cands)
            t_first, t_last = actors._trigger_tokens(doc, t)
            for c, r in zip(cands, read.mentions):
                if r.body or r.stop or c.source:
                    continue
                k, lo = r.k, s.first
                j, counted = k - 1, False  # the walk as first written, the event word inside it
                while j >= lo and k - j <= 4 and not t_first <= j <= t_last and (
                        texts[j] in actors.TIME_WORDS or texts[j].isdigit() or texts[j] in actors._COUNT_WORDS
                        or texts[j] == "من" or not read.forms[j - read.base].isdisjoint(actors._PERSON_NOUNS)):
                    counted = counted or texts[j].isdigit() or texts[j] in actors._COUNT_WORDS
                    j -= 1
                plain = actors._subject_rule(doc, s, c, k, j, counted, texts, read.forms, read.base)
                past = actors._subject_rule(doc, s, c, k, r.subject_from, r.counted, texts, read.forms, read.base)
                checked += 1
                assert plain is None or plain[2] in c.why
                if past != plain:
                    passed += 1
                    assert past is None or past[2] not in c.why
    assert checked >= 30 and passed >= 3  # the event word stopped the walk short of a verb at least thrice


FLAG_NAMES = ("source", "owner", "between", "far", "launcher", "speaker_party")


def test_the_hard_test_and_the_flag_features_read_the_candidates_as_their_features_do():
    """``_hard_cand`` (the flags read in C, the reasons' starts) says what ``hard`` says of the features of the
    candidate, and the ``flag=`` features are the set flags in their fixed order, for every candidate of
    every sentence of an article that names sides with بين، accuses, speaks and fights (some hard, some not)."""
    import dataclasses

    from rasd.pipeline import make_document, run_stages

    doc = make_document({"text": RULES_TEXT, "published": "2018-06-03"})
    run_stages(doc)
    seen = {True: 0, False: 0}
    flagged = 0
    for sentence in doc.sentences:
        for i in range(sentence.first, sentence.last + 1, 2):
            tok = doc.tokens[i]
            t = dataclasses.replace(doc.triggers[0], start=tok.start, end=tok.end,
                                    event_type="Battles", sub_event_type="Armed clash")
            cands = actors.candidates(doc, t, sentence, doc.country)
            for c in cands:
                feats = actor_roles.features(doc, t, sentence, c, cands)
                assert actor_roles._hard_cand(c) == actor_roles.hard(feats)
                seen[actor_roles._hard_cand(c)] += 1
                want = [f"flag={name}" for name in FLAG_NAMES if getattr(c, name)]
                assert [f for f in feats if f.startswith("flag=")] == want
                flagged += bool(want)
                for name in FLAG_NAMES:  # each flag set alone on a copy: hard exactly where its feature is
                    one = dataclasses.replace(c, why=list(c.why), **{f: f == name for f in FLAG_NAMES})
                    feats = actor_roles.features(doc, t, sentence, one, cands)
                    assert actor_roles._hard_cand(one) == actor_roles.hard(feats)
                    assert [f for f in feats if f.startswith("flag=")] == [f"flag={name}"]
    assert seen[True] and seen[False] and flagged
