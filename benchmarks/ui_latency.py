"""UI latency next to the API's, for the same questions (issue 17).

For each question: the API's /ask over HTTP (JSON, wall time on the client), then the same
question typed into the running Gradio UI in Debian's headless Chromium, timed from the click on
"Envoyer" to the final answer on screen (its sources, or the not-found notice). Each question is
asked once before timing so both sides are warm, the UI in a fresh conversation each time.

    python -m benchmarks.ui_latency --api http://127.0.0.1:8000 --ui http://127.0.0.1:7860 [-n 3]

Prints one JSON object: per question the medians, and overall p50 of both and their ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import httpx

QUESTIONS = [
    "Où a lieu l'atelier sur la santé mentale ?",
    "Qui anime l'atelier sur la démocratie alimentaire ?",
    "Quels ateliers ont lieu le mercredi 5 mars au matin ?",
    "Donnez-moi des exemples d'initiatives sur l'alimentation.",
    "Who speaks for Emmaüs Connect?",
    "Quel est le prix de l'inscription ?",
    "Quels sont les intervenants du séminaire sur la décentralisation ?",
    "Which workshops are about young people?",
]
CHROMIUM = "/usr/bin/chromium"
DONE = "#chat .sources, #chat .not-found"


def api_ms(client: httpx.Client, question: str) -> float:
    started = time.perf_counter()
    r = client.post("/ask", json={"question": question, "history": []})
    r.raise_for_status()
    return (time.perf_counter() - started) * 1000


def ui_ms(page, question: str) -> float:  # noqa: ANN001 - a Playwright page
    page.click("#clear")
    page.wait_for_function("() => !document.querySelector('#chat .message, #chat [data-testid=bot]')")
    page.fill("#question textarea", question)
    started = time.perf_counter()
    page.click("#send")
    page.wait_for_selector(DONE, timeout=60_000)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(prog="python -m benchmarks.ui_latency", description=__doc__)
    parser.add_argument("--api", required=True)
    parser.add_argument("--ui", required=True)
    parser.add_argument("-n", type=int, default=3, help="timed repetitions per question")
    args = parser.parse_args(argv)
    rows = []
    with httpx.Client(base_url=args.api, timeout=60) as client, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR")
        page.goto(args.ui)
        page.wait_for_selector("#service-status .status-ok", timeout=60_000)
        for question in QUESTIONS:
            api_ms(client, question)
            ui_ms(page, question)  # warm both
            api = [api_ms(client, question) for _ in range(args.n)]
            ui = [ui_ms(page, question) for _ in range(args.n)]
            rows.append({"question": question, "api_ms": round(statistics.median(api), 1),
                         "ui_ms": round(statistics.median(ui), 1)})
        browser.close()
    api_p50 = statistics.median(r["api_ms"] for r in rows)
    ui_p50 = statistics.median(r["ui_ms"] for r in rows)
    print(json.dumps({"questions": rows, "api_p50_ms": round(api_p50, 1), "ui_p50_ms": round(ui_p50, 1),
                      "ui_over_api": round(ui_p50 / api_p50, 2)}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
