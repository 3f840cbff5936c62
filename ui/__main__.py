"""`python -m ui [--api-url URL] [--host HOST] [--port PORT]`: serve the Gradio app."""

from __future__ import annotations

import argparse

from ui.app import launch
from ui.settings import UiSettings


def main(argv: list[str] | None = None) -> None:
    settings = UiSettings()
    parser = argparse.ArgumentParser(prog="python -m ui", description=__doc__)
    parser.add_argument("--api-url", default=settings.api_url)
    parser.add_argument("--host", default=settings.ui_host)
    parser.add_argument("--port", type=int, default=settings.ui_port)
    args = parser.parse_args(argv)
    launch(api_url=args.api_url, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
