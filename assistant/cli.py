"""`assistant` command line: thin commands over the core, ingest, UI and evaluation packages.

This module is the composition root: it is the one place in `assistant` that reaches into
`ingest`, `ui` and `evals`, and only inside the command that needs them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from assistant.settings import Settings, get_settings

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_LOCKED, EXIT_UNAVAILABLE = 0, 1, 2, 3, 4


def _settings(**overrides) -> Settings:
    base = get_settings()
    clean = {k: v for k, v in overrides.items() if v is not None}
    return base.model_copy(update=clean) if clean else base


def _progress_factory(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    def factory(total: int, label: str):
        bar = tqdm(total=total, desc=label, unit="passage", file=sys.stderr, leave=False)
        return bar.update

    return factory


def cmd_ingest(args) -> int:
    from assistant.search.lease import LeaseLost, WriterBusy
    from assistant.search.store import StoreUnavailable
    from ingest.lock import IngestLocked
    from ingest.pipeline import ingest_corpus

    settings = _settings(corpus_dir=args.corpus)
    try:
        summary = ingest_corpus(settings, rebuild=args.rebuild, progress=_progress_factory(args.quiet),
                                lock_wait_s=args.wait)
    except (IngestLocked, WriterBusy, LeaseLost) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    if not args.quiet:
        for item in summary.skipped:
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
        for item in summary.notes:
            print(f"note {item.source}: {item.reason}", file=sys.stderr)
    print(summary.line())
    return EXIT_SKIPPED if (args.strict and summary.skipped) else EXIT_OK


def cmd_serve(args) -> int:
    import uvicorn

    from assistant.api.app import create_app

    # main() configured the root logger at WARNING already; index versions installed, polling
    # outages and their end are worth an operator's eye in a replica's log.
    for name in ("assistant.service", "assistant.search"):
        logging.getLogger(name).setLevel(logging.INFO)
    uvicorn.run(create_app(_settings(), reindex=_reindex_in_process), host=args.host, port=args.port,
                access_log=False,
                log_level="info", timeout_graceful_shutdown=5)
    return EXIT_OK


def _reindex_in_process(core) -> str:
    """The service's reindex: the same store client and model as the running service."""
    from ingest.pipeline import ingest_corpus

    return ingest_corpus(core.settings, embedder=core.embedder, store=core.store, lock_wait_s=600).line()


def cmd_ui(args) -> int:
    from ui.app import launch

    launch(api_url=args.api_url or _settings().api_url, host=args.host, port=args.port)
    return EXIT_OK


def cmd_run(args) -> int:
    from assistant.runner import run_all

    return run_all(api_host=args.host, api_port=args.port, ui_port=args.ui_port)


def cmd_ask(args) -> int:
    from assistant.service import Assistant

    core = Assistant(_settings())
    if not core.load():
        print("error: no index yet: run `assistant ingest` first", file=sys.stderr)
        return EXIT_USAGE
    if mismatch := core.model_mismatch():
        print(f"warning: {mismatch}", file=sys.stderr)
    answer = core.ask(args.question, k=args.k)
    if args.json:
        from assistant.api.schemas import AskResponse

        print(AskResponse(**answer.model_dump(exclude={"records"})).model_dump_json(indent=2))
        return EXIT_OK
    print(answer.answer)
    for c in answer.citations:
        print(f"  [{c.n}] {c.title} ({c.doc_id} {c.start}-{c.end}): {c.quote[:160]!r}")
    for p in answer.suggestions:
        print(f"  ~ {p.title}: {p.text[:160]!r}")
    return EXIT_OK


def cmd_catalog(args) -> int:
    from assistant.service import Assistant

    core = Assistant(_settings())
    if not core.load():
        print("error: no index yet: run `assistant ingest` first", file=sys.stderr)
        return EXIT_USAGE
    catalogue = core.index.snapshot.catalogue
    kinds = [args.kind] if args.kind else ["sessions", "people", "initiatives"]
    if args.json:
        print(json.dumps({k: [r.model_dump() for r in getattr(catalogue, k)] for k in kinds},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    from assistant.domain.render import render_record

    for kind in kinds:
        records = getattr(catalogue, kind)
        print(f"# {kind} ({len(records)})")
        for r in records:
            print(f"- {render_record(r, lang='fr')}  [{r.doc_id} {r.citation.start}-{r.citation.end}]")
    return EXIT_OK


def cmd_eval(argv: list[str]) -> int:
    from evals.cli import main as eval_main

    return eval_main(argv)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="index the corpus (incremental by content hash)")
    p.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: ASSISTANT_CORPUS_DIR)")
    p.add_argument("--rebuild", action="store_true", help="drop the index and start over")
    p.add_argument("--strict", action="store_true", help="exit 1 when any file was skipped")
    p.add_argument("--wait", type=float, default=0.0, help="seconds to wait for another ingest's lock")
    p.add_argument("--quiet", action="store_true", help="only the summary line")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("serve", help="start the HTTP API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("ui", help="start the Gradio UI (talks to the API over HTTP)")
    p.add_argument("--api-url", default=None)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser("run", help="ingest if needed, then serve the API and the UI together")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--ui-port", type=int, default=7860)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("ask", help="answer one question")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print exactly the /ask response")
    p.add_argument("--k", type=int, default=5)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("catalog", help="print the extracted programme catalogue")
    p.add_argument("--kind", choices=["sessions", "people", "initiatives"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalog)

    sub.add_parser("eval", help="run the evaluation suite (see `assistant eval --help`)", add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if argv and argv[0] == "eval":
        return cmd_eval(argv[1:])
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
