"""Settings from the environment (or a .env file): credentials, base URLs, output paths."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from dotenv import load_dotenv

DEFAULT_DISCOGS_API_URL = "https://api.discogs.com"
DEFAULT_SPOTIFY_API_URL = "https://api.spotify.com/v1"
DEFAULT_SPOTIFY_ACCOUNTS_URL = "https://accounts.spotify.com"
EURIA_API_URL_TEMPLATE = "https://api.infomaniak.com/1/ai/{product_id}/openai"
DEFAULT_EURIA_MODEL = "mistral3"
DEFAULT_DB_PATH = "data/collection.duckdb"
DEFAULT_OUT_DIR = "data/site"
# The demo writes beside, not into, the user's own database and page.
DEMO_DB_PATH = "data/demo/collection.duckdb"
DEMO_OUT_DIR = "data/demo/site"

# Every secret that has been read goes here, so the log filter can mask it wherever it shows up.
_SECRETS: set[str] = set()


def register_secret(secret: str | None) -> None:
    """Remember a secret so that redact() and the log filter mask it."""
    if secret and len(secret) >= 4:
        _SECRETS.add(secret)


def redact(text: str) -> str:
    """Mask every known secret in text."""
    for secret in sorted(_SECRETS, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets in the formatted message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _SECRETS:
            message = record.getMessage()
            cleaned = redact(message)
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return True


def install_log_redaction() -> None:
    """Attach the redacting filter to the handlers of the root and Prefect loggers."""
    for name in ("", "prefect"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())


@dataclass(frozen=True)
class Settings:
    """What the pipeline needs to reach the APIs and where to write; secrets never in repr."""

    discogs_username: str | None = None
    discogs_token: str | None = field(default=None, repr=False)
    spotify_client_id: str | None = field(default=None, repr=False)
    spotify_client_secret: str | None = field(default=None, repr=False)
    spotify_market: str | None = None
    euria_api_key: str | None = field(default=None, repr=False)
    euria_product_id: str | None = None
    euria_model: str = DEFAULT_EURIA_MODEL
    discogs_api_url: str = DEFAULT_DISCOGS_API_URL
    spotify_api_url: str = DEFAULT_SPOTIFY_API_URL
    spotify_accounts_url: str = DEFAULT_SPOTIFY_ACCOUNTS_URL
    euria_api_url: str | None = None
    euria_concurrency: int = 4
    spotify_max_per_window: int | None = None  # known Spotify ceiling per 30 s, else learned
    # Below 1, every pacing period and backoff shrinks by this factor: for the benchmark's
    # time-compressed fake APIs only.
    time_scale: float = 1.0
    db_path: str = DEFAULT_DB_PATH
    out_dir: str = DEFAULT_OUT_DIR
    overrides_path: str = "data/overrides.csv"
    spotify_threshold: float | None = None  # None: the matcher's tuned default
    spotify_recheck_days: int = 30
    # Release track counts fetched per run for lookups that end without a link (README)
    track_lookups: int = 500
    demo: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
        """Read settings from env (default os.environ, after loading ./.env without override)."""
        if env is None:
            if dotenv:
                load_dotenv(Path.cwd() / ".env", override=False)
            env = os.environ

        def get(name: str) -> str | None:
            value = (env.get(name) or "").strip()
            return value or None

        settings = cls(
            discogs_username=get("DISCOGS_USERNAME"),
            discogs_token=get("DISCOGS_TOKEN"),
            spotify_client_id=get("SPOTIFY_CLIENT_ID"),
            spotify_client_secret=get("SPOTIFY_CLIENT_SECRET"),
            spotify_market=get("SPOTIFY_MARKET"),
            euria_api_key=get("EURIA_API_KEY"),
            euria_product_id=get("EURIA_PRODUCT_ID"),
            euria_model=get("EURIA_MODEL") or DEFAULT_EURIA_MODEL,
            discogs_api_url=get("DISCOGS_API_URL") or DEFAULT_DISCOGS_API_URL,
            spotify_api_url=get("SPOTIFY_API_URL") or DEFAULT_SPOTIFY_API_URL,
            spotify_accounts_url=get("SPOTIFY_ACCOUNTS_URL") or DEFAULT_SPOTIFY_ACCOUNTS_URL,
            euria_api_url=get("EURIA_API_URL"),
            euria_concurrency=int(get("EURIA_CONCURRENCY") or 4),
            spotify_max_per_window=int(get("SPOTIFY_MAX_PER_WINDOW") or 0) or None,
            time_scale=float(get("DISCOGS_SYNC_TIME_SCALE") or 1.0),
            db_path=get("DISCOGS_SYNC_DB") or DEFAULT_DB_PATH,
            out_dir=get("DISCOGS_SYNC_OUT") or DEFAULT_OUT_DIR,
            overrides_path=get("DISCOGS_SYNC_OVERRIDES") or "data/overrides.csv",
            spotify_threshold=float(get("SPOTIFY_MATCH_THRESHOLD") or 0) or None,
            spotify_recheck_days=int(get("SPOTIFY_RECHECK_DAYS") or 30),
            track_lookups=int(get("DISCOGS_TRACK_LOOKUPS") or 500),
        )
        settings.register_secrets()
        return settings

    def register_secrets(self) -> None:
        for secret in (self.discogs_token, self.spotify_client_id, self.spotify_client_secret,
                       self.euria_api_key):
            register_secret(secret)

    def with_overrides(self, **overrides: object) -> Settings:
        """Return a copy with the non-None overrides applied (CLI options and flow parameters)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    @property
    def euria_base_url(self) -> str | None:
        if self.euria_api_url:
            return self.euria_api_url
        if self.euria_product_id:
            return EURIA_API_URL_TEMPLATE.format(product_id=self.euria_product_id)
        return None

    def missing_discogs(self) -> list[str]:
        return [name for name, value in (("DISCOGS_USERNAME", self.discogs_username),
                                         ("DISCOGS_TOKEN", self.discogs_token)) if not value]

    def missing_spotify(self) -> list[str]:
        return [name for name, value in (("SPOTIFY_CLIENT_ID", self.spotify_client_id),
                                         ("SPOTIFY_CLIENT_SECRET", self.spotify_client_secret))
                if not value]

    def missing_euria(self) -> list[str]:
        missing = [] if self.euria_api_key else ["EURIA_API_KEY"]
        if not self.euria_base_url:
            missing.append("EURIA_PRODUCT_ID")
        return missing


def run_logger() -> logging.Logger | logging.LoggerAdapter:
    """Prefect's run logger inside a flow or task run (shown in the UI), else a plain logger."""
    from prefect import get_run_logger
    from prefect.exceptions import MissingContextError

    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("discogs_sync")
