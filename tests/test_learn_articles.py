"""What the whole article says: the article model (rasd/learn/articles.py) and its band in the event decision.

Every article here was written for rasd (short, with clitics, diacritics, tatweel and Eastern Arabic digits).
The statements, analyses and anniversaries report no codable event however eventful their words; the
reports of one real incident must keep their event, so that the first kind cannot pass by dropping all.
"""
from __future__ import annotations

import pytest

from rasd import pipeline
from rasd.learn import articles
from rasd.learn import events as event_model
from rasd.text import normalize

PUBLISHED = "2018-05-14"

STATEMENTS = [
    ("الخارجية تدعو إلى التهدئة",
     "دعت وزارة الخارجية المصرية جميع الأطراف في ليبيا إلى ضبط النفس والعودة إلى طاولة الحوار. "
     "وقال المتحدث باسم الوزارة إن الحل السياسي هو السبيل الوحيد لإنهاء الأزمة."),
    ("بيان مشترك حول اليمن",
     "أكد وزراء خارجية الدول الأربع في بيانٍ مشترك دعمهم لجهود المبعوث الأممي إلى اليمن. "
     "وشدد البيان على ضرورة التوصل إلى حل سياسي شامل يضع حداً للمعاناة الإنسانية."),
    ("تحليل: مستقبل الاتفاق النووي",
     "يرى محللون أن انسحاب واشنطن من الاتفاق النووي سيزيد التوتر في المنطقة. "
     "ويقول خبراء إن طهران قد ترد بطرق مختلفة، وإن أوروبا تحاول إنقاذ الاتفاق بالمفاوضات."),
    ("لقاء في الرياض",
     "استقبل ولي العهد السعودي في الرياض وزير الخارجية الأمريكي، وبحث الجانبان العلاقات الثنائية "
     "وسبل تعزيز التعاون في مجالات الاقتصاد والطاقة."),
    ("تقرير أممي",
     "قال تقرير للأمم المتحدة صدر اليوم إن آلاف المدنيين قتلوا في النزاع منذ عام 2011، وإن الملايين "
     "نزحوا من ديارهم، داعياً إلى حماية المدنيين."),
    ("أسعار النفط ترتفع",
     "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج، وسجل خام برنت "
     "٧٥ دولاراً للبرميل."),
    ("مفاوضات جنيف",
     "تنطلق غداً في جنيف جولة جديدة من المفاوضات بين وفدي الحكومة والمعارضة السورية برعاية الأمم المتحدة، "
     "وسط آمال بتحقيق تقدم في ملف المعتقلين."),
]

ANNIVERSARIES = [
    ("ذكرى المجزرة",
     "أحيا أهالي المدينة الذكرى الثالثة والعشرين للمجزرة التي راح ضحيتها عشرات المدنيين عام ١٩٩٥، "
     "ووضعوا أكاليل الزهور على النصب التذكاري."),
    ("في الذكرى السنوية",
     "تمر اليوم الذكرى السنوية الخامسة لسقوط مدينة الموصل بيد التنظيم عام 2014، ويستعيد السكان "
     "ذكريات تلك الأيام الصعبة."),
]

ATTACKS = [
    ("مقتل جنود في هجوم",
     "قُتل ثلاثة جنود عراقيين وأصيب خمسة آخرون في هجومٍ شنه مسلحون على نقطة تفتيش في قضاء الطارمية "
     "شمالي بغداد مساء أمس، بحسب مصدر أمني.", "Violence against civilians", "Battles"),
    ("انفجار سيارة مفخخة",
     "انفجرت سيارة مفخخة صباح اليوم في سوق شعبي بمدينة الفلوجة في محافظة الأنبار، ما أسفر عن مقتل "
     "٤ مدنيين وإصابة 10 آخرين.", "Explosions/Remote violence", None),
    ("غارات على إدلب",
     "شنـت طائرات حربية غارات جوية على بلدة خان شيخون في ريف إدلب الجنوبي، ما أدى إلى مقتل سبعة مدنيين "
     "بينهم أطفال، وفق المرصد السوري.", "Explosions/Remote violence", None),
    ("تظاهرة في البصرة",
     "تظاهر مئات المحتجين أمس أمام مبنى المحافظة في البصرة للمطالبة بتوفير الماء والكهرباء وفرص العمل.",
     "Protests", "Riots"),
    ("اشتباكات في تعز",
     "اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحي الحوثيين في مدينة تعز اليوم الأحد، أسفرت عن "
     "مقتل ستة مسلحين، حسبما أفادت مصادر عسكرية.", "Battles", None),
]


def process(title: str, text: str) -> list[dict]:
    return pipeline.process({"title": title, "text": text, "published": PUBLISHED, "source": "test"}).events


def proposed_of(items) -> list[tuple[dict, object, list]]:
    return event_model.propose_all([{"id": f"a{k}", "title": title, "text": text, "published": PUBLISHED,
                                     "source": "test"} for k, (title, text, *_rest) in enumerate(items)])


needs_model = pytest.mark.skipif(articles.load_model() is None, reason="no article model shipped")


@pytest.mark.parametrize("title,text", STATEMENTS + ANNIVERSARIES)
def test_an_article_of_statements_or_memories_gives_no_event(title, text):
    assert process(title, text) == []


@pytest.mark.parametrize("title,text,event_type,alternative", ATTACKS)
def test_an_article_of_one_real_incident_keeps_it(title, text, event_type, alternative):
    types = {e["event_type"] for e in process(title, text)}
    assert event_type in types or (alternative and alternative in types), types


@needs_model
def test_the_article_model_reads_incidents_above_statements():
    """Every report of an incident scores above every statement, analysis or anniversary."""
    model = articles.load_model()
    quiet = [articles.article_score(doc, cands, model) for _, doc, cands in proposed_of(STATEMENTS + ANNIVERSARIES)]
    loud = [articles.article_score(doc, cands, model) for _, doc, cands in proposed_of(ATTACKS)]
    assert all(0.0 <= p <= 1.0 for p in quiet + loud)
    assert max(quiet) < min(loud), (quiet, loud)


def test_the_features_read_headline_opening_whole_text_and_candidates():
    [(_, doc, cands)] = proposed_of([ATTACKS[1]])
    f = articles.article_features(doc, cands)
    folded = normalize("انفجار مفخخة انفجرت الأنبار").text.split()  # as the pipeline folds letters (ة, أ)
    assert "h=" + folded[0] in f and "h=" + folded[1] in f  # the headline's words
    assert "f=" + folded[2] in f  # the opening's
    assert "a=" + folded[3][2:] in f  # the whole text's, each once, light-stemmed (the article stripped)
    assert len([x for x in f if x.startswith("a=")]) == len(set(x for x in f if x.startswith("a=")))
    assert any(x.startswith("k=") for x in f) and any(x.startswith("nc=") for x in f)
    assert f == articles.article_features(doc, cands)  # the same article, the same bag


def test_an_article_without_headline_or_candidates_still_has_features():
    [(_, doc, cands)] = proposed_of([("", "وقال المتحدث إن الوضع مستقر.")])
    f = articles.article_features(doc, [])
    assert not any(x.startswith("h=") for x in f)
    assert "nc=0" in f and not any(x.startswith("ds=") for x in f)


def test_clitics_diacritics_and_tatweel_fold_into_the_same_words():
    plain = proposed_of([("هجوم على الحاجز", "هاجم مسلحون الحاجز في المدينة")])[0]
    marked = proposed_of([("هُجُوم على الحَـاجِز", "هـاجَم مسلحون الحاجز في المدينة")])[0]
    a = {x for x in articles.article_features(plain[1], plain[2]) if x.startswith("h=")}
    b = {x for x in articles.article_features(marked[1], marked[2]) if x.startswith("h=")}
    assert a == b


def test_bands_cover_the_probabilities_in_order():
    bands = [articles.band(p / 100) for p in range(101)]
    assert bands == sorted(bands) and bands[0] == 0 and bands[-1] == len(articles.BANDS)


def test_scores_are_cross_fitted_by_outlet_group(monkeypatch):
    """An article's score comes from a model that did not see its outlet group: flipping the labels of one
    group's articles leaves that group's scores unchanged, and moves the others'."""
    items = STATEMENTS + ANNIVERSARIES + [a[:2] for a in ATTACKS]
    proposed = proposed_of(items)
    for k, (article, _doc, _cands) in enumerate(proposed):
        article["source"] = ("BBC", "CNN", "skynews")[k % 3]
        article["events"] = [{"event_type": "Battles"}] if k >= len(STATEMENTS + ANNIVERSARIES) or k % 2 else []
    before = articles.out_of_fold_scores(proposed)
    for article, _doc, _cands in proposed:
        if article["source"] == "BBC":
            article["events"] = [] if article["events"] else [{"event_type": "Battles"}]
    after = articles.out_of_fold_scores(proposed)
    bbc = [k for k, (a, _d, _c) in enumerate(proposed) if a["source"] == "BBC"]
    assert all(before[k] == after[k] for k in bbc)
    assert any(before[k] != after[k] for k in range(len(proposed)) if k not in bbc)


@needs_model
def test_the_decision_reads_the_band_and_works_without_the_article_model(monkeypatch):
    model = event_model.load_model()
    if not model.meta.get("article_bands"):
        pytest.skip("the shipped decision model does not read the article's band")
    title, text, event_type, _alt = ATTACKS[1]
    [(_, doc, cands)] = proposed_of([(title, text)])
    event_model.decide(doc, cands, model)
    with_band = [i["p_event"] for _, i in cands]
    monkeypatch.setattr(articles, "load_model", lambda path=None: None)
    event_model.decide(doc, cands, model)
    without = [i["p_event"] for _, i in cands]
    assert all(0.0 <= p <= 1.0 for p in without)
    assert with_band != without  # the band is a feature the decision reads
