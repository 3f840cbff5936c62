"""Gradio app: layout and event wiring, and the server around it. Talks to the assistant over
HTTP only (see ui.client).

Mobile first: header stacked on a phone, tabs that wrap rather than hide behind a menu, the chat
sized to the screen with the question box under it, records as cards (ui.cards). Besides the
Gradio page, the server has one route of its own, `/document/{doc_id}?start=&end=`: a source's
whole document with the cited span highlighted, linked from every source.
"""

from __future__ import annotations

import re
from typing import Any

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from ui import render
from ui.callbacks import Callbacks
from ui.client import ApiClient, ApiError, ApiUnavailable
from ui.examples import build_examples
from ui.i18n import DEFAULT_LANG, PERSONAS, t
from ui.style import COPY_JS, CSS

# How often the page re-checks the service, so a restart is noticed without a reload.
HEALTH_POLL_S = 10.0
DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,120}$")

def _choices(items: list[tuple[str, str]], any_label: str) -> list[tuple[str, str]]:
    """Dropdown choices with a leading 'any' entry whose value is empty (= no filter)."""
    return [(any_label, ""), *items]


def _filter(label: str, any_label: str, *, scale: int) -> gr.Dropdown:
    """A filter dropdown; its choices are filled from the catalogue once the API answers.

    Custom values are allowed because the server-side schema only knows the initial (empty)
    choices; the API validates the value anyway.
    """
    return gr.Dropdown(
        _choices([], any_label), value="", label=label, scale=scale, min_width=140,
        allow_custom_value=True,
    )


def build_app(client: ApiClient) -> gr.Blocks:
    """The whole UI, bound to the API behind `client`."""
    cb = Callbacks(client)
    lang0 = DEFAULT_LANG
    # Made from the served catalogue (generic ones while the service is not up).
    examples = build_examples(client)

    def L(key: str) -> str:
        return t(lang0, key)

    with gr.Blocks(title=L("title")) as demo:
        messages = gr.State([])
        turns = gr.State([])
        answer_ids = gr.State({})
        last_rating = gr.State(None)

        with gr.Row(elem_id="header", equal_height=False):
            title = gr.Markdown(f"## {L('title')}\n{L('subtitle')}", elem_id="title")
            lang = gr.Radio(
                [("Français", "fr"), ("English", "en")],
                value=lang0,
                label=L("lang_toggle"),
                show_label=False,
                container=False,
                scale=0,
                min_width=160,
                elem_id="lang-toggle",
            )
        status = gr.HTML("", elem_id="service-status")
        up = gr.State(False)

        with gr.Tabs(elem_id="tabs", overflow_behavior="wrap"):
            with gr.Tab(L("tab_chat"), id="chat") as tab_chat:
                chatbot = gr.Chatbot(
                    label=L("chat_label"),
                    show_label=False,  # a floating label covered the text once it scrolled
                    height="min(52vh, 560px)",
                    placeholder=L("chat_placeholder"),
                    elem_id="chat",
                    # Messages are built from escaped text by ui.render; keep the sanitizer on
                    # anyway, and let no custom tag or LaTeX through.
                    sanitize_html=True,
                    allow_tags=False,
                    latex_delimiters=[],
                    feedback_options=("Like", "Dislike"),
                    buttons=["copy"],
                )
                with gr.Row(elem_id="ask-row"):
                    question = gr.Textbox(
                        label=L("question"),
                        placeholder=L("question_ph"),
                        scale=5,
                        min_width=220,
                        lines=1,
                        elem_id="question",
                    )
                    send = gr.Button(L("send"), variant="primary", scale=1, min_width=90, elem_id="send")
                    clear = gr.Button(L("clear"), scale=1, min_width=90, elem_id="clear")
                examples_title = gr.Markdown(f"**{L('examples')}**")
                persona_titles: list[gr.Markdown] = []
                example_buttons: list[tuple[gr.Button, str, int]] = []
                with gr.Row():
                    for persona in PERSONAS:
                        with gr.Column(min_width=220):
                            persona_titles.append(gr.Markdown(f"*{L('persona_' + persona)}*"))
                            for i, text in enumerate(examples[lang0][persona]):
                                btn = gr.Button(text, size="sm", elem_classes=["example"])
                                example_buttons.append((btn, persona, i))
                feedback_hint = gr.Markdown(L("feedback_hint"))
                with gr.Row():
                    comment = gr.Textbox(label=L("comment"), scale=5, min_width=220, elem_id="comment")
                    send_comment = gr.Button(L("send_comment"), scale=1, min_width=120)
                feedback_status = gr.HTML("", elem_id="feedback-status")

            with gr.Tab(L("tab_programme"), id="programme") as tab_programme:
                with gr.Row():
                    interests = gr.Textbox(
                        label=L("interests"),
                        placeholder=L("interests_ph"),
                        scale=4,
                        min_width=220,
                        elem_id="interests",
                    )
                    day = _filter(L("day"), L("any_day"), scale=2)
                build = gr.Button(
                    L("build_programme"), variant="primary", elem_id="build-programme"
                )
                agenda = gr.HTML("", elem_id="agenda")
                ics = gr.DownloadButton(L("download_ics"), visible=False, elem_id="download-ics")

            with gr.Tab(L("tab_sessions"), id="sessions") as tab_sessions:
                with gr.Row():
                    s_q = gr.Textbox(label=L("search"), placeholder=L("search_ph"), scale=3, min_width=200)
                    s_date = _filter(L("date"), L("any"), scale=2)
                    s_room = _filter(L("room"), L("any"), scale=1)
                    s_event = _filter(L("event"), L("any"), scale=2)
                s_go = gr.Button(L("search"), variant="primary")
                s_table = gr.HTML("", elem_id="sessions-table")

            with gr.Tab(L("tab_initiatives"), id="initiatives") as tab_initiatives:
                with gr.Row():
                    i_q = gr.Textbox(label=L("search"), placeholder=L("search_ph"), scale=3, min_width=200)
                    i_place = _filter(L("place"), L("any"), scale=2)
                    i_doc = _filter(L("event"), L("any"), scale=2)
                i_go = gr.Button(L("search"), variant="primary")
                i_table = gr.HTML("", elem_id="initiatives-table")

        # ---- chat -------------------------------------------------------------------------
        chat_in = [question, messages, turns, answer_ids, lang]
        chat_out = [chatbot, messages, turns, answer_ids, question]
        # api_name makes the chat callable from gradio_client as /ask.
        send.click(cb.respond, chat_in, chat_out, api_name="ask")
        question.submit(cb.respond, chat_in, chat_out, api_visibility="private")
        for btn, persona, i in example_buttons:
            btn.click(
                lambda lg, p=persona, n=i: examples.get(lg, examples[DEFAULT_LANG])[p][n],
                [lang],
                [question],
                api_visibility="private",
            ).then(cb.respond, chat_in, chat_out, api_visibility="private")
        clear.click(
            lambda: ([], [], [], {}, None, ""),
            None,
            [chatbot, messages, turns, answer_ids, last_rating, feedback_status],
            api_visibility="private",
        )
        # The chatbot's own trash icon empties the display: forget the conversation too.
        chatbot.clear(
            lambda: ([], [], {}, None),
            None,
            [messages, turns, answer_ids, last_rating],
            api_visibility="private",
        )
        chatbot.like(
            cb.like, [answer_ids, lang], [feedback_status, last_rating], api_visibility="private"
        )
        send_comment.click(
            cb.comment,
            [comment, last_rating, lang],
            [feedback_status, comment],
            api_visibility="private",
        )

        # ---- programme and catalogue --------------------------------------------------------
        build.click(cb.programme, [interests, day, lang], [agenda, ics], api_name="programme")
        interests.submit(
            cb.programme, [interests, day, lang], [agenda, ics], api_visibility="private"
        )
        s_in = [s_q, s_date, s_room, s_event, lang]
        s_go.click(cb.search_sessions, s_in, [s_table], api_name="sessions")
        s_q.submit(cb.search_sessions, s_in, [s_table], api_visibility="private")
        for dd in (s_date, s_room, s_event):
            dd.input(cb.search_sessions, s_in, [s_table], api_visibility="private")
        i_in = [i_q, i_place, i_doc, lang]
        i_go.click(cb.search_initiatives, i_in, [i_table], api_name="initiatives")
        i_q.submit(cb.search_initiatives, i_in, [i_table], api_visibility="private")
        for dd in (i_place, i_doc):
            dd.input(cb.search_initiatives, i_in, [i_table], api_visibility="private")

        # ---- service status, filter choices, language ---------------------------------------
        facet_out = [day, s_date, s_room, s_event, i_place, i_doc]

        def refresh_facets(lg: str) -> list[Any]:
            f = cb.facets(lg)
            any_ = t(lg, "any")
            return [
                gr.update(choices=_choices(f["day"], t(lg, "any_day"))),
                gr.update(choices=_choices(f["date"], any_)),
                gr.update(choices=_choices(f["room"], any_)),
                gr.update(choices=_choices(f["event"], any_)),
                gr.update(choices=_choices(f["place"], any_)),
                gr.update(choices=_choices(f["doc"], any_)),
            ]

        buttons = [b for b, _, _ in example_buttons]

        def tick(lg: str, was_up: bool, *filters: Any) -> list[Any]:
            html, is_up = cb.status(lg)
            if not (is_up and not was_up):
                return [html, is_up, *[gr.update()] * (len(facet_out) + 2 + len(buttons))]
            # The service is (back) up: reload what comes from the catalogue, which may have
            # failed or changed while it was down (the examples too: generic while it was down).
            examples.update(build_examples(client))
            sq, sd, sr, se, iq, ip, idoc = filters
            return [
                html,
                is_up,
                *refresh_facets(lg),
                cb.search_sessions(sq, sd, sr, se, lg),
                cb.search_initiatives(iq, ip, idoc, lg),
                *[gr.update(value=examples[lg][p][n]) for _, p, n in example_buttons],
            ]

        timer = gr.Timer(HEALTH_POLL_S)
        filters = [s_q, s_date, s_room, s_event, i_q, i_place, i_doc]
        tick_out = [status, up, *facet_out, s_table, i_table, *buttons]
        demo.load(tick, [lang, up, *filters], tick_out, api_visibility="private")
        timer.tick(tick, [lang, up, *filters], tick_out, api_visibility="private")

        def relabel(lg: str) -> list[Any]:
            def tr(key: str) -> str:
                return t(lg, key)

            updates: list[Any] = [
                gr.update(value=f"## {tr('title')}\n{tr('subtitle')}"),
                gr.update(label=tr("lang_toggle")),
                gr.update(label=tr("tab_chat")),
                gr.update(label=tr("tab_programme")),
                gr.update(label=tr("tab_sessions")),
                gr.update(label=tr("tab_initiatives")),
                gr.update(label=tr("chat_label"), placeholder=tr("chat_placeholder")),
                gr.update(label=tr("question"), placeholder=tr("question_ph")),
                gr.update(value=tr("send")),
                gr.update(value=tr("clear")),
                gr.update(value=f"**{tr('examples')}**"),
                *[gr.update(value=f"*{tr('persona_' + p)}*") for p in PERSONAS],
                *[gr.update(value=examples[lg][p][n]) for _, p, n in example_buttons],
                gr.update(value=tr("feedback_hint")),
                gr.update(label=tr("comment")),
                gr.update(value=tr("send_comment")),
                gr.update(label=tr("interests"), placeholder=tr("interests_ph")),
                gr.update(label=tr("day")),
                gr.update(value=tr("build_programme")),
                gr.update(label=tr("download_ics")),
                gr.update(label=tr("search"), placeholder=tr("search_ph")),
                gr.update(label=tr("date")),
                gr.update(label=tr("room")),
                gr.update(label=tr("event")),
                gr.update(value=tr("search")),
                gr.update(label=tr("search"), placeholder=tr("search_ph")),
                gr.update(label=tr("place")),
                gr.update(label=tr("event")),
                gr.update(value=tr("search")),
            ]
            return updates

        relabel_out = [
            title, lang, tab_chat, tab_programme, tab_sessions, tab_initiatives, chatbot,
            question, send, clear, examples_title, *persona_titles,
            *[b for b, _, _ in example_buttons], feedback_hint, comment, send_comment,
            interests, day, build, ics, s_q, s_date, s_room, s_event, s_go, i_q, i_place,
            i_doc, i_go,
        ]  # fmt: skip
        # Re-render everything language-dependent: `was_up=False` forces the full reload.
        lang.change(relabel, [lang], relabel_out, api_visibility="private").then(
            tick, [lang, gr.State(False), *filters], tick_out, api_visibility="private"
        )
    return demo


def document_page(client: ApiClient, doc_id: str, start: int | None, end: int | None) -> HTMLResponse:
    """A source's whole document, the cited span highlighted and scrolled to."""
    if not DOC_ID.match(doc_id):
        return HTMLResponse(render.notice_html(t(DEFAULT_LANG, "no_results")), status_code=404)
    try:
        doc = client.document(doc_id)
    except ApiError as exc:
        status = 404 if exc.status == 404 else 502
        return HTMLResponse(render.notice_html(t(DEFAULT_LANG, "no_results")), status_code=status)
    except ApiUnavailable:
        return HTMLResponse(render.notice_html(t(DEFAULT_LANG, "unavailable")), status_code=503)
    # The documents are French programmes: the page says so to screen readers and hyphenation.
    return HTMLResponse(render.document_page(doc, start, end, lang="fr"))


def create_server(api_url: str) -> FastAPI:
    """The Gradio app mounted at / of a FastAPI app that also serves /document/{doc_id}."""
    client = ApiClient(api_url)
    server = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @server.get("/document/{doc_id}", response_class=HTMLResponse)
    def document(doc_id: str, start: int | None = None, end: int | None = None) -> HTMLResponse:
        return document_page(client, doc_id, start, end)

    demo = build_app(client)
    demo.queue(default_concurrency_limit=8)
    return gr.mount_gradio_app(
        server,
        demo,
        path="/",
        css=CSS,
        head=COPY_JS,
        theme=gr.themes.Soft(),
        show_error=False,
        footer_links=["api"],
    )


def launch(*, api_url: str, host: str = "127.0.0.1", port: int = 7860) -> None:
    """Build and serve the UI until interrupted."""
    uvicorn.run(create_server(api_url), host=host, port=port, log_level="warning")
