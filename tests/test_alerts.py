"""Alerts: rules read from TOML/YAML, matched against stored events, delivered to a webhook and a JSONL
file exactly once per event, over rounds of `rasd watch` with restarts and merged reports."""
from __future__ import annotations

import json

import pytest

from test_watch import LocalSite, page, rss, serve_articles, watch

from rasd.alerts import Alerter, Rule, alert_counts, load_rules
from rasd.errors import ConfigError
from rasd.store import open_store

ARTICLES_MORE = {
    # the Basra protest told again by another outlet (merges into the first report's event)
    "/other/2002": page("البصرة تحتج",
                        "خرج مئات المتظاهرين في مدينة البصرة يوم الأربعاء أمام مبنى ديوان المحافظة، احتجاجاً على "
                        "تردي خدمات الكهرباء والماء."),
}


@pytest.fixture
def site():
    s = LocalSite()
    s.routes["/robots.txt"] = {"body": "User-agent: *\nAllow: /\n", "type": "text/plain"}
    serve_articles(s)
    for path, body in ARTICLES_MORE.items():
        s.routes[path] = {"body": body}
    yield s
    s.close()


def rules_file(tmp_path, site, *, yaml: bool = False):
    if yaml:
        text = f"""
jsonl: alerts.jsonl
rules:
  - name: deaths in Iraq
    event_types: [Explosions/Remote violence, Battles, Violence against civilians]
    countries: [Iraq]
    min_fatalities: 1
    webhook: {site.url}/hook
  - name: Basra protests
    event_types: Protests
    admin1: [basra]
  - name: Islamic State
    actors: [Islamic State]
"""
        path = tmp_path / "alerts.yaml"
    else:
        text = f"""
jsonl = "alerts.jsonl"

[[rule]]
name = "deaths in Iraq"
event_types = ["Explosions/Remote violence", "Battles", "Violence against civilians"]
countries = ["Iraq"]
min_fatalities = 1
webhook = "{site.url}/hook"

[[rule]]
name = "Basra protests"
event_types = ["Protests"]
admin1 = ["basra"]

[[rule]]
name = "Islamic State"
actors = ["Islamic State"]
"""
        path = tmp_path / "alerts.toml"
    path.write_text(text, encoding="utf-8")
    return path


def jsonl_lines(tmp_path) -> list[dict]:
    path = tmp_path / "alerts.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.mark.parametrize("yaml", [False, True], ids=["toml", "yaml"])
def test_alerts_fire_exactly_once_per_matching_event_over_three_rounds_with_merges(site, tmp_path, capsys, yaml):
    rules = rules_file(tmp_path, site, yaml=yaml)
    db = tmp_path / "desk.sqlite"
    feed = ["--feed", site.url + "/feed.xml", "--feed", site.url + "/other.xml"]
    # round 1: a bombing (3 killed), a protest in Basra, arrests in Kirkuk
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1001", "/news/1002", "/news/1003"]),
                                "type": "application/rss+xml"}
    site.routes["/other.xml"] = {"body": rss(site, [], title="المراقب"), "type": "application/rss+xml"}
    assert watch("--once", *feed, "--db", str(db), "--alerts", str(rules)) == 0
    lines = jsonl_lines(tmp_path)
    assert sorted(line["rule"] for line in lines) == ["Basra protests", "deaths in Iraq"]
    bombing = next(line for line in lines if line["rule"] == "deaths in Iraq")
    assert bombing["event"]["sub_event_type"] == "Remote explosive/landmine/IED"
    assert bombing["event"]["fatalities"] == 3 and bombing["urls"] == [site.url + "/news/1001"]
    assert [payload["alert_id"] for _, payload in site.posts] == [bombing["alert_id"]]
    assert "alert (deaths in Iraq)" in capsys.readouterr().err

    # round 2: another outlet tells the same bombing and the same protest: merged, no new alert
    site.routes["/other.xml"]["body"] = rss(site, ["/other/2001", "/other/2002"], title="المراقب")
    assert watch("--once", *feed, "--db", str(db), "--alerts", str(rules)) == 0
    with open_store(str(db)) as store:
        events = {e["event_id"]: e for e in store.events(None)[0]}
        assert events[bombing["event"]["event_id"]]["n_reports"] == 2
        protest = next(line for line in lines if line["rule"] == "Basra protests")
        assert events[protest["event"]["event_id"]]["n_reports"] == 2
    assert len(jsonl_lines(tmp_path)) == 2 and len(site.posts) == 1

    # round 3: a new deadly attack (mortars on an army post in Diyala): one new alert, in both sinks
    site.routes["/feed.xml"]["body"] = rss(site, ["/news/1004", "/news/1001", "/news/1002", "/news/1003"])
    assert watch("--once", *feed, "--db", str(db), "--alerts", str(rules)) == 0
    lines = jsonl_lines(tmp_path)
    assert len(lines) == 3 and lines[-1]["event"]["admin1"] == "Diyala" and lines[-1]["event"]["fatalities"] == 2
    assert [p["event"]["admin1"] for _, p in site.posts] == ["Nineveh", "Diyala"]
    assert len({line["alert_id"] for line in lines}) == 3
    # nothing more on a fourth round
    assert watch("--once", *feed, "--db", str(db), "--alerts", str(rules)) == 0
    assert len(jsonl_lines(tmp_path)) == 3 and len(site.posts) == 2
    with open_store(str(db)) as store:
        assert alert_counts(store) == {"sent": 3}


def test_a_webhook_that_is_down_gets_the_alert_later_and_the_jsonl_line_is_written_once(site, tmp_path, capsys):
    rules = rules_file(tmp_path, site)
    db = tmp_path / "desk.sqlite"
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1001"]), "type": "application/rss+xml"}
    site.post_status = 502
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db), "--alerts", str(rules)) == 0
    assert "not delivered, will retry: webhook" in capsys.readouterr().err
    assert len(jsonl_lines(tmp_path)) == 1 and not site.posts
    with open_store(str(db)) as store:
        assert alert_counts(store) == {"written": 1}
    site.post_status = 200
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db), "--alerts", str(rules)) == 0
    assert len(jsonl_lines(tmp_path)) == 1 and len(site.posts) == 1
    assert site.posts[0][1]["alert_id"] == jsonl_lines(tmp_path)[0]["alert_id"]
    hook_headers = [h for method, path, h in site.hits if method == "POST"]
    assert hook_headers[-1]["Idempotency-Key"] == site.posts[0][1]["alert_id"]


def test_a_new_rule_on_a_full_store_alerts_only_on_what_comes_after(site, tmp_path):
    db = tmp_path / "desk.sqlite"
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1001"]), "type": "application/rss+xml"}
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db)) == 0
    rule = Rule(name="any explosion", event_types=("Explosions/Remote violence",), jsonl=str(tmp_path / "a.jsonl"))
    with open_store(str(db)) as store:
        assert Alerter([rule]).check(store) == 0  # the bombing was there before the rule
        assert Alerter([rule]).check(store) == 0
    site.routes["/feed.xml"]["body"] = rss(site, ["/news/1004", "/news/1001"])
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db)) == 0
    with open_store(str(db)) as store:
        alerter = Alerter([rule])
        assert alerter.check(store) == 1 and alerter.delivered[0]["event"]["admin1"] == "Diyala"
        assert Alerter([rule]).check(store) == 0


def test_an_event_rebuilt_under_another_id_is_not_alerted_again(site, tmp_path):
    """A corrected article makes the store rebuild the events it was part of; the incident keeps its
    alert (by the reports it held)."""
    db = tmp_path / "desk.sqlite"
    rule = Rule(name="deaths", min_fatalities=1, jsonl=str(tmp_path / "a.jsonl"))
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1001"]), "type": "application/rss+xml"}
    with open_store(str(db)) as store:
        Alerter([rule]).check(store)
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db)) == 0
    site.routes["/feed.xml"]["body"] = rss(site, ["/other/2001"])
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db)) == 0
    with open_store(str(db)) as store:
        assert Alerter([rule]).check(store) == 1
        # the first article is withdrawn: the event is rebuilt from the second report alone
        store.remove_article(site.url + "/news/1001")
        (event,) = [e for e in store.events(None)[0] if e["fatalities"]]
        assert event["n_reports"] == 1
        assert Alerter([rule]).check(store) == 0
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize("event,expected", [
    ({"event_type": "Battles", "country": "Syria", "admin1": "Idlib", "fatalities": 4, "actor1": "Military Forces of Syria (2000-)",
      "actor2": "Hayat Tahrir al Sham"}, True),
    ({"event_type": "battles", "country": "syria", "admin1": "IDLIB", "fatalities": 4, "actor1": "Hayat Tahrir al Sham"}, True),
    ({"event_type": "Battles", "country": "Syria", "admin1": "Idlib", "fatalities": 1, "actor1": "Hayat Tahrir al Sham"}, False),
    ({"event_type": "Battles", "country": "Syria", "admin1": "Aleppo", "fatalities": 9, "actor2": "Hayat Tahrir al Sham"}, False),
    ({"event_type": "Protests", "country": "Syria", "admin1": "Idlib", "fatalities": 9, "actor1": "Hayat Tahrir al Sham"}, False),
    ({"event_type": "Battles", "country": "Syria", "admin1": "Idlib", "fatalities": 9, "actor1": "Military Forces of Syria (2000-)"}, False),
    ({"event_type": "Battles", "country": "Syria", "admin1": "Idlib", "fatalities": 9, "assoc_actor_2": "Hayat Tahrir al Sham",
      "background": True}, False),
])
def test_a_rule_needs_every_criterion_it_gives(event, expected):
    rule = Rule(name="idlib", event_types=("Battles",), countries=("Syria",), admin1=("Idlib",),
                actors=("tahrir al sham",), min_fatalities=2, jsonl="x.jsonl")
    assert rule.matches(event) is expected


@pytest.mark.parametrize("text,message", [
    ("[[rule]]\nname = 'a'\n", "give a webhook URL and/or a jsonl file"),
    ("jsonl = 'a.jsonl'\n[[rule]]\nevent_types = ['Battles']\n", "needs a name"),
    ("jsonl = 'a.jsonl'\n[[rule]]\nname = 'a'\nmin_fatalities = -1\n", "min_fatalities"),
    ("jsonl = 'a.jsonl'\n[[rule]]\nname = 'a'\nmin_fatalities = 'many'\n", "min_fatalities"),
    ("jsonl = 'a.jsonl'\n[[rule]]\nname = 'a'\ncountry = ['Iraq']\n", "unknown keys country"),
    ("jsonl = 'a.jsonl'\n[[rule]]\nname = 'a'\n[[rule]]\nname = 'a'\n", "used twice"),
    ("[[rule]]\nname = 'a'\nwebhook = 'file:///tmp/x'\n", "webhook must be an http"),
    ("jsonl = 'a.jsonl'\n[[rule]]\nname = 'a'\nactors = [1, 2]\n", "actors must be a list"),
    ("jsonl = 'a.jsonl'\n", "no rules"),
    ("rule = [\n", "not valid TOML"),
])
def test_a_bad_rule_file_says_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_rules(path)


def test_rasd_ingest_alerts_on_the_events_it_brings(tmp_path, capsys):
    from rasd.cli import main
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: protests\n    event_types: [Protests]\n    jsonl: protests.jsonl\n",
                     encoding="utf-8")
    (tmp_path / "a.txt").write_text("تظاهر العشرات من طلبة الجامعة، الاثنين، أمام مبنى وزارة التعليم العالي في بغداد "
                                    "مطالبين بتعيينهم.", encoding="utf-8")
    db = str(tmp_path / "x.sqlite")
    assert main(["ingest", str(tmp_path / "a.txt"), "--published", "2024-05-15", "--db", db,
                 "--alerts", str(rules), "--quiet"]) == 0
    assert "1 alerts sent" in capsys.readouterr().err
    (line,) = (tmp_path / "protests.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["event"]["admin1"] == "Baghdad"
    assert main(["ingest", str(tmp_path / "a.txt"), "--published", "2024-05-15", "--db", db,
                 "--alerts", str(rules), "--quiet"]) == 0
    assert "0 alerts sent" in capsys.readouterr().err


def test_a_bad_rule_file_stops_rasd_watch_with_exit_2(tmp_path, capsys):
    from rasd.cli import main
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - name: x\n    event_types: [Battles\n", encoding="utf-8")
    assert main(["watch", "--feed", "http://127.0.0.1:9/feed", "--once", "--alerts", str(path),
                 "--db", str(tmp_path / "x.sqlite")]) == 2
    assert "not valid YAML" in capsys.readouterr().err


def test_jsonl_paths_are_relative_to_the_rule_file(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "rules.yaml").write_text("rules:\n  - name: all\n    jsonl: out/alerts.jsonl\n", encoding="utf-8")
    (rule,) = load_rules(folder / "rules.yaml")
    assert rule.jsonl == str(folder.resolve() / "out" / "alerts.jsonl")
