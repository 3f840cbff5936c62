"""The first API endpoints over real HTTP: health counts and documents."""

from __future__ import annotations

import httpx


def test_health_reports_the_index(api_server, core):
    r = httpx.get(f"{api_server}/health", timeout=10)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["documents"] == 5
    assert body["passages"] == len(core.index.snapshot.passages)
    assert body["sessions"] == len(core.index.snapshot.catalogue.sessions)


def test_documents_list_and_text(api_server):
    docs = httpx.get(f"{api_server}/documents", timeout=10).json()
    assert {d["doc_id"] for d in docs} >= {"colloque-renouveler-pacte-social-rouen-2025"}
    one = httpx.get(f"{api_server}/documents/copil-villes-et-vivre-ensemble-2016", timeout=10).json()
    assert one["text"].startswith("Vous cherchez")
    assert one["date"] == "2016-07-01"


def test_unknown_and_traversal_document_ids_are_4xx(api_server):
    for doc_id in ["inconnu", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2fsecret", "UPPER"]:
        r = httpx.get(f"{api_server}/documents/{doc_id}", timeout=10)
        assert 400 <= r.status_code < 500, (doc_id, r.status_code)
        assert "detail" in r.json()


def test_admin_is_closed_without_a_key_and_says_how_to_open_it(api_server):
    # `make run` sets no ASSISTANT_API_KEY: nobody may start a reindex or read feedback.
    for method, path in [("POST", "/admin/reindex"), ("GET", "/admin/reindex"), ("GET", "/admin/feedback")]:
        for headers in ({}, {"X-API-Key": "anything"}):
            r = httpx.request(method, f"{api_server}{path}", headers=headers, timeout=10)
            assert r.status_code == 403, (method, path, r.text)
            detail = r.json()["detail"]
            assert "ASSISTANT_API_KEY" in detail and "X-API-Key" in detail, detail
