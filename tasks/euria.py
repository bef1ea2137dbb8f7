"""EurIA (Infomaniak's OpenAI-compatible chat completions): one short description per album."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from tasks.config import register_secret
from tasks.http import (
    AuthError,
    HeaderAuth,
    RateLimiter,
    ServiceError,
    error_message,
    json_body,
    new_session,
    now_utc,
    send,
)

log = logging.getLogger(__name__)

DEFAULT_API_URL_TEMPLATE = "https://api.infomaniak.com/1/ai/{product_id}/openai"
# A model that answers directly: a "thinking" model spends the token budget on its reasoning.
DEFAULT_MODEL = "mistral3"
CONCURRENCY = 4
TIMEOUT = (5, 90)  # a long answer takes tens of seconds


@dataclass(frozen=True)
class Completion:
    content: str
    model: str
    prompt_tokens: int | None
    completion_tokens: int | None
    seconds: float


class EuriaClient:
    """Chat completions with a Bearer key, a concurrency cap and retries on 429/5xx."""

    def __init__(self, api_key: str, base_url: str, model: str = DEFAULT_MODEL,
                 concurrency: int = CONCURRENCY, sleep: Callable[[float], None] = time.sleep,
                 limiter: RateLimiter | None = None, time_scale: float = 1.0):
        register_secret(api_key)
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.sleep = sleep
        # EurIA's 429s are about concurrency and quota, not a window to learn: only pause.
        self.limiter = limiter or RateLimiter(concurrency=concurrency, sleep=sleep, learn=False)
        self.backoff = time_scale
        self.session = new_session(self.base_url, auth=HeaderAuth(f"Bearer {api_key}"))
        self._lock = threading.Lock()
        self.requests_made = 0

    def _counted(self) -> None:
        with self._lock:
            self.requests_made += 1

    def _check(self, response: requests.Response) -> Any:
        if response.status_code in (401, 403):
            raise AuthError("EurIA", f"the API key was refused ({error_message(response)}): "
                            "check EURIA_API_KEY and EURIA_PRODUCT_ID", response.status_code)
        if response.status_code == 404:
            raise ServiceError("EurIA", f"{error_message(response)} (check EURIA_MODEL and "
                               "EURIA_PRODUCT_ID)", 404, response.url)
        if response.status_code >= 400:
            raise ServiceError("EurIA", error_message(response), response.status_code,
                               response.url)
        return json_body(response, "EurIA")

    def list_models(self) -> list[str]:
        response = send(self.session, "GET", f"{self.base_url}/models", service="EurIA",
                        sleep=self.sleep, counter=self._counted)
        body = self._check(response)
        return [str(m.get("id")) for m in (body or {}).get("data") or [] if isinstance(m, dict)]

    def complete(self, messages: list[dict], max_tokens: int,
                 temperature: float = 0.3) -> Completion:
        started = time.monotonic()
        payload = {"model": self.model, "messages": messages, "max_tokens": max_tokens,
                   "temperature": temperature}
        response = send(self.session, "POST", f"{self.base_url}/chat/completions",
                        service="EurIA", json=payload, limiter=self.limiter, sleep=self.sleep,
                        timeout=TIMEOUT, counter=self._counted, backoff=self.backoff)
        body = self._check(response)
        try:
            choice = body["choices"][0]
            content = choice["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ServiceError("EurIA", "answer without choices[0].message.content",
                               response.status_code) from None
        usage = body.get("usage") or {}
        return Completion(content=content or "", model=str(body.get("model") or self.model),
                          prompt_tokens=usage.get("prompt_tokens"),
                          completion_tokens=usage.get("completion_tokens"),
                          seconds=time.monotonic() - started)


def describe_album(client: EuriaClient, album: dict, language: str, max_chars: int) -> dict:
    """Ask for one album's description and return its ai_descriptions row."""
    from tasks.answer import clean_description
    from tasks.prompt import PROMPT_VERSION, build_messages, max_tokens_for

    # The work item carries spotify_release_date / spotify_total_tracks when a match is known.
    messages = build_messages(album, language=language, max_chars=max_chars, spotify=album)
    completion = client.complete(messages, max_tokens=max_tokens_for(max_chars))
    try:
        text = clean_description(completion.content, max_chars)
    except ValueError as exc:
        raise ServiceError("EurIA", f"unusable answer: {exc}") from None
    return {
        "album_key": album["album_key"],
        "status": "generated",
        "description": text,
        "model": completion.model,
        "prompt_version": PROMPT_VERSION,
        "language": language,
        "max_chars": max_chars,
        "prompt_tokens": completion.prompt_tokens,
        "completion_tokens": completion.completion_tokens,
        "seconds": round(completion.seconds, 3),
        "error": None,
        "generated_at": now_utc().isoformat(),
    }


def error_row(album: dict, exc: Exception, language: str, max_chars: int) -> dict:
    """An ai_descriptions row recording a failure; the load keeps any earlier text."""
    from tasks.prompt import PROMPT_VERSION

    return {"album_key": album["album_key"], "status": "error", "description": None,
            "model": None, "prompt_version": PROMPT_VERSION, "language": language,
            "max_chars": max_chars, "prompt_tokens": None, "completion_tokens": None,
            "seconds": None, "error": str(exc)[:500], "generated_at": now_utc().isoformat()}
