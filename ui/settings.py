"""UI settings: where the API lives and where to serve, from ASSISTANT_* environment variables."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class UiSettings(BaseSettings):
    """Read separately from the core's settings: the UI never imports the `assistant` package."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    api_url: str = "http://127.0.0.1:8000"
    ui_host: str = "127.0.0.1"
    ui_port: int = 7860
