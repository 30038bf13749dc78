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
