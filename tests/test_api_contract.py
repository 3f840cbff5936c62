"""The HTTP contract of DESIGN.md over real HTTP, one test per endpoint, as a user would check it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from datetime import timedelta

import httpx
import pytest

from tests.conftest import make_settings, start_api, stop

QUESTION = "Dans quelle salle a lieu l'atelier sur la santé mentale ?"
ROUEN = "colloque-renouveler-pacte-social-rouen-2025"
KEY = "s3cret"


@pytest.fixture(scope="module")
def client(api_server):
    with httpx.Client(base_url=api_server, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def doc_text(client):
    cache: dict[str, str] = {}

    def text(doc_id: str) -> str:
        if doc_id not in cache:
            r = client.get(f"/documents/{doc_id}")
            assert r.status_code == 200, r.text
            cache[doc_id] = r.json()["text"]
        return cache[doc_id]

    return text


def assert_exact(citation: dict, doc_text) -> None:
    text = doc_text(citation["doc_id"])
    assert citation["quote"] == text[citation["start"] : citation["end"]], citation
    assert citation["quote"].strip()


# -- a second server with an admin key, its output drained so its log can be inspected ----------
class Drained:
    """A server from `start_api` (whose output conftest drains), with its log at hand."""

    def __init__(self, proc: subprocess.Popen, url: str):
        self.proc, self.url = proc, url

    @property
    def log(self) -> str:
        return "".join(self.proc.output_lines)  # type: ignore[attr-defined]

    def stop(self) -> str:
        import psutil

        # Anything the server started (a reindex) must not outlive the test.
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            child.kill()
        return stop(self.proc)


@pytest.fixture(scope="module")
def keyed_server(ingested, tmp_path_factory):
    """Own copy of corpus and index, so the reindex it is asked for touches nothing shared."""
    tmp = tmp_path_factory.mktemp("keyed")
    shutil.copytree(ingested.corpus_dir, tmp / "corpus")
    shutil.copytree(ingested.data_dir, tmp / "data")
    proc, url = start_api(make_settings(tmp), extra_env={"ASSISTANT_API_KEY": KEY})
    server = Drained(proc, url)
    yield server
    server.stop()


# -- tests ---------------------------------------------------------------------------------
def test_admin_reindex_needs_the_key_and_never_echoes_it(keyed_server):
    bodies = []
    with httpx.Client(base_url=keyed_server.url, timeout=30) as c:
        r = c.post("/admin/reindex")
        assert r.status_code == 401 and r.json()["detail"]
        bodies.append(r.text)
        r = c.post("/admin/reindex", headers={"X-API-Key": "wrong-" + KEY})
        assert r.status_code == 403 and r.json()["detail"]
        bodies.append(r.text)
        r = c.get("/admin/feedback", headers={"X-API-Key": KEY[:-1]})
        assert r.status_code == 403
        bodies.append(r.text)
        r = c.post("/admin/reindex", headers={"X-API-Key": KEY})
        assert r.status_code == 202, r.text
        assert r.json()["status"] == "running"
        bodies.append(r.text)
        # Answering goes on while the reindex runs, from the last complete index.
        r = c.post("/ask", json={"question": QUESTION})
        assert r.status_code == 200, keyed_server.log[-3000:]
        assert "Salle Corneille 2" in r.json()["answer"]
        bodies.append(r.text)
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline:
            status = c.get("/admin/reindex", headers={"X-API-Key": KEY}).json()
            bodies.append(json.dumps(status))
            if status["status"] != "running":
                break
            time.sleep(1)
        assert status["status"] == "succeeded", status
        assert c.get("/health").json()["documents"] == 5
    assert not [b for b in bodies if KEY in b]
    log = keyed_server.log
    assert '"path": "/admin/reindex"' in log, log[-2000:]  # the access log is there to be read
    assert KEY not in log


def test_health_counts(client, core):
    body = client.get("/health").json()
    snap = core.index.snapshot
    assert body["status"] == "ok"
    assert (body["documents"], body["passages"], body["sessions"]) == (
        5,
        len(snap.passages),
        len(snap.catalogue.sessions),
    )
    assert body["passages"] > 0 and body["sessions"] > 0


def test_ask_names_the_room_with_exact_citations(client, doc_text):
    r = client.post("/ask", json={"question": QUESTION})
    assert r.status_code == 200
    body = r.json()
    assert body["answered"] is True and body["language"] == "fr"
    assert "Salle Corneille 2" in body["answer"]
    by_n = {c["n"]: c for c in body["citations"]}
    refs = {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])}
    assert refs and refs <= set(by_n), (refs, set(by_n))
    for citation in body["citations"]:
        assert_exact(citation, doc_text)
    assert any("SALLE CORNEILLE 2" in by_n[n]["quote"] for n in refs)


def parse_sse(raw: str) -> list[tuple[str, str]]:
    events = []
    for block in raw.replace("\r\n", "\n").split("\n\n"):
        if not block.strip():
            continue
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].removeprefix(" "))
        events.append((name, "\n".join(data)))
    return events


def test_ask_streams_tokens_then_the_full_answer(client):
    plain = client.post("/ask", json={"question": QUESTION}).json()
    with client.stream(
        "POST", "/ask", json={"question": QUESTION}, headers={"Accept": "text/event-stream"}
    ) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        raw = "".join(r.iter_text())
    events = parse_sse(raw)
    names = [name for name, _ in events]
    assert names[-1] == "answer" and names.count("answer") == 1
    assert set(names[:-1]) == {"token"} and len(names) > 2
    final = json.loads(events[-1][1])
    tokens = "".join(json.loads(data)["text"] for name, data in events[:-1])
    assert tokens == final["answer"]
    # Same answer as the JSON endpoint, except what differs per call.
    volatile = {"id", "took_ms"}
    assert set(final) == set(plain)
    assert {k: v for k, v in final.items() if k not in volatile} == {
        k: v for k, v in plain.items() if k not in volatile
    }


def test_search_filters_restrict_passages(client, doc_text):
    r = client.post(
        "/search",
        json={"query": "atelier", "k": 10, "filters": {"doc_id": ROUEN, "date": "2025-03-05"}},
    )
    assert r.status_code == 200
    passages = r.json()["passages"]
    assert passages
    for p in passages:
        assert p["doc_id"] == ROUEN
        assert p["text"] == doc_text(p["doc_id"])[p["start"] : p["end"]]
    # The date filter does restrict: none of these passages is on the Tuesday.
    tuesday = {
        (p["start"], p["end"])
        for p in client.post(
            "/search",
            json={"query": "atelier", "k": 10, "filters": {"doc_id": ROUEN, "date": "2025-03-04"}},
        ).json()["passages"]
    }
    assert not tuesday & {(p["start"], p["end"]) for p in passages}

    r = client.post("/search", json={"query": "atelier", "filters": {"speaker": "x"}})
    assert r.status_code == 422 and "detail" in r.json()


def test_sessions_by_date_and_room(client, doc_text):
    r = client.get("/sessions", params={"date": "2025-03-05", "room": "SALLE 1"})
    assert r.status_code == 200
    sessions = r.json()
    assert sessions
    titles = [s["title"] for s in sessions]
    assert any("Risques majeurs" in t for t in titles), titles
    for s in sessions:
        assert s["date"] == "2025-03-05" and s["room"] == "SALLE 1"
        assert_exact(s["citation"], doc_text)


def test_people_search(client, doc_text):
    people = client.get("/people", params={"q": "Odas"}).json()
    assert people and all("Odas" in (p["affiliation"] or "") + p["name"] for p in people)
    for p in people:
        assert_exact(p["citation"], doc_text)
    assert client.get("/people", params={"q": "zzzz introuvable"}).json() == []


def test_initiatives_search(client, doc_text):
    found = client.get("/initiatives", params={"q": "agrilocal"}).json()
    assert [i["name"] for i in found] == ["Agrilocal"]
    assert "Drôme" in found[0]["place"]
    assert_exact(found[0]["citation"], doc_text)


def test_catalogue_filters_fold_accents_and_stem_like_search(client):
    def titles(path: str, q: str) -> list[str]:
        r = client.get(path, params={"q": q})
        assert r.status_code == 200, r.text
        return [x.get("title") or x.get("name") for x in r.json()]

    assert any("vieillissement" in t for t in titles("/sessions", "vieillissement"))
    assert any("jeunes" in t for t in titles("/sessions", "jeunesse"))  # "jeunesse" finds "jeunes"
    assert titles("/sessions", "sante mentale") == titles("/sessions", "santé mentale") != []
    assert titles("/initiatives", "alimentation") and titles("/initiatives", "zzzz introuvable") == []


def test_recommend_one_event_one_session_per_slot_in_date_order(client, doc_text):
    r = client.post("/recommend", json={"interests": "santé mentale, vieillissement, alimentation"})
    assert r.status_code == 200
    agenda = r.json()
    items = agenda["items"]
    assert items and agenda["event"]["doc_id"] == ROUEN and agenda["scope"] in ("recent", "upcoming")
    slots = [(i["session"]["date"], i["session"]["start"], i["session"]["end"]) for i in items]
    assert len(slots) == len(set(slots)), slots
    assert slots == sorted(slots)
    for item in items:
        assert item["session"]["doc_id"] == ROUEN
        assert item["reason"].strip()
        for choice in (item, *item["alternatives"]):
            assert_exact(choice["citation"], doc_text)
    shown = [c["session"]["title"] for i in items for c in (i, *i["alternatives"])]
    assert any("santé mentale" in t for t in shown) and any("vieillissement" in t for t in shown)

    r = client.post("/recommend", json={"interests": "santé mentale", "date": "2025-03-05"})
    assert r.status_code == 200 and r.json()["scope"] == "date"
    assert all(i["session"]["date"] == "2025-03-05" for i in r.json()["items"])

    empty = client.post("/recommend", json={"interests": "cuisine japonaise"}).json()
    assert empty["items"] == [] and empty["undated"] == []


def test_recommend_ics_is_a_calendar(client):
    from icalendar import Calendar

    r = client.get("/recommend.ics", params={"interests": "santé mentale, vieillissement"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(r.content).walk("VEVENT")
    assert events
    agenda = client.post("/recommend", json={"interests": "santé mentale, vieillissement"}).json()
    rooms = {i["session"]["title"]: i["session"]["room"] for i in agenda["items"]}
    assert len(events) == len(rooms)
    for event in events:
        start = event.decoded("DTSTART")
        if hasattr(start, "tzinfo") and start.tzinfo is not None:
            assert (
                str(start.tzinfo) == "Europe/Paris"
                or getattr(start.tzinfo, "key", "") == "Europe/Paris"
            )
            # March 2025 in Paris is UTC+1: the offset proves the zone was understood.
            assert start.utcoffset() == timedelta(hours=1)
        summary = str(event["SUMMARY"])
        # The room, then the town of the colloquium.
        assert str(event["LOCATION"]) == f"{rooms[summary]}, Rouen"
        assert "caractères" not in str(event["DESCRIPTION"])
    assert any("santé mentale" in str(e["SUMMARY"]) for e in events)


def test_feedback_is_stored_and_exported(keyed_server):
    with httpx.Client(base_url=keyed_server.url, timeout=60) as client:
        answer = client.post("/ask", json={"question": QUESTION}).json()
        comment = f"utile {time.time_ns()}"
        r = client.post(
            "/feedback",
            json={"answer_id": answer["id"], "rating": "up", "comment": comment, "question": QUESTION},
        )
        assert r.status_code == 200 and r.json()["ok"] is True
        rows = client.get("/admin/feedback", headers={"X-API-Key": KEY}).json()
    mine = [row for row in rows if row["comment"] == comment]
    assert len(mine) == 1
    assert (mine[0]["answer_id"], mine[0]["rating"], mine[0]["id"]) == (
        answer["id"],
        "up",
        r.json()["id"],
    )


def test_documents_list_and_one(client):
    docs = client.get("/documents").json()
    assert len(docs) == 5 and ROUEN in {d["doc_id"] for d in docs}
    one = client.get(f"/documents/{ROUEN}").json()
    assert one["doc_id"] == ROUEN and one["title"] and len(one["text"]) > 1000
    assert client.get("/documents/inconnu").status_code == 404


def test_docs_and_openapi_load(client):
    r = client.get("/docs")
    assert r.status_code == 200 and "swagger" in r.text.lower()
    # Offline: every script and style of /docs and /redoc is served by the API itself.
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith("/static/docs/") for a in assets), (page, assets)
        assert "cdn" not in html.lower()
        for asset in assets:
            got = client.get(asset)
            assert got.status_code == 200 and len(got.content) > 1000, asset
    spec = client.get("/openapi.json").json()
    for path in [
        "/health",
        "/ask",
        "/search",
        "/sessions",
        "/people",
        "/initiatives",
        "/recommend",
        "/recommend.ics",
        "/documents",
        "/documents/{doc_id}",
        "/feedback",
        "/admin/reindex",
        "/admin/feedback",
    ]:
        assert path in spec["paths"], path
    ask = spec["components"]["schemas"]["AskRequest"]
    assert ask["properties"]["question"]["maxLength"] == 2000
    assert ask.get("examples")
