"""The fake EurIA API: OpenAI-style chat completions and the model list."""

from __future__ import annotations

import json
import math
import random
import re
import secrets
import time
from typing import Any

from .server import ServiceFake, _json, _Request, _Response

EURIA_MODELS = ("qwen3", "mistral3", "mistral24b", "llama3", "swiss-ai/Apertus-70B-Instruct-2509",
                "Qwen/Qwen3-Coder-480B-A35B-Instruct")
_FACT_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z ]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)



class EuriaFake(ServiceFake):
    """The EurIA part of FakeApis (a mixin: FakeApis holds the state and routes to it)."""

    _euria_in_flight: int

    def _euria(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        cfg = self.config

        def error(status: int, message: str, type_: str, code: str | None,
                  headers: dict[str, str] | None = None) -> _Response:
            return _json(status, {"error": {"message": message, "type": type_, "param": None,
                                            "code": code}}, headers)

        if endpoint == "unknown" or parts[2] != cfg.euria_product_id:
            return _json(404, {"result": "error",
                               "error": {"code": "not_found",
                                         "description": "The requested resource was not found"}})
        auth = req.headers.get("Authorization") or ""
        if auth != f"Bearer {cfg.euria_api_key}":
            return error(401, "Incorrect API key provided.", "invalid_request_error",
                         "invalid_api_key")
        if endpoint == "models":
            if req.method != "GET":
                return error(405, "Method not allowed", "invalid_request_error", None)
            return _json(200, {"object": "list", "data": [
                {"id": m, "object": "model", "created": 1_735_689_600, "owned_by": "infomaniak"}
                for m in EURIA_MODELS]})
        if req.method != "POST":
            return error(405, "Method not allowed", "invalid_request_error", None)
        try:
            body = json.loads(req.body or b"")
        except ValueError:
            return error(400, "We could not parse the JSON body of your request.",
                         "invalid_request_error", None)
        if not isinstance(body, dict):
            return error(400, "The request body must be a JSON object.",
                         "invalid_request_error", None)
        model = body.get("model")
        if not model:
            return error(400, "you must provide a model parameter", "invalid_request_error", None)
        if model not in EURIA_MODELS:
            return error(404, f"The model `{model}` does not exist or you do not have access to "
                              "it.", "invalid_request_error", "model_not_found")
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            return error(400, "'messages' must be a non-empty array", "invalid_request_error",
                         None)
        if body.get("stream"):
            return error(400, "stream is not supported by this fake", "invalid_request_error",
                         None)
        max_tokens = body.get("max_tokens")
        if max_tokens is not None and (not isinstance(max_tokens, int) or max_tokens < 1):
            return error(400, "max_tokens must be a positive integer", "invalid_request_error",
                         None)

        with self._lock:
            self._euria_in_flight += 1
            self._stats.euria_max_concurrency = max(self._stats.euria_max_concurrency,
                                                    self._euria_in_flight)
            over = cfg.euria_max_concurrency is not None and \
                self._euria_in_flight > cfg.euria_max_concurrency
            if over:
                self._euria_in_flight -= 1
                self._stats.rate_limited["euria"] += 1
        if over:
            return error(429, "Too many concurrent requests, please retry later.",
                         "rate_limit_error", "rate_limit_exceeded",
                         {"Retry-After": self._retry_after(1.0 * cfg.time_scale)})
        try:
            latency = self._scaled(random.uniform(cfg.euria_latency_s, cfg.euria_latency_max_s)
                                   if cfg.euria_latency_max_s else cfg.euria_latency_s)
            if latency:
                with self._lock:
                    self._stats.euria_latency_s += latency
                time.sleep(latency)
            return _json(200, self._completion(body, model, messages, max_tokens))
        finally:
            with self._lock:
                self._euria_in_flight -= 1

    def _completion(self, body: dict[str, Any], model: str, messages: list[Any],
                    max_tokens: int | None) -> dict[str, Any]:
        facts = prompt_facts(_user_text(body))
        artist, title = facts.get("artist"), facts.get("title")
        text = self.catalog.description(artist, title) if artist and title else None
        if text is None:
            text = grounded_description(facts)
        finish = "stop"
        if max_tokens is not None and len(text) > max_tokens * 4:
            text, finish = text[:max_tokens * 4], "length"  # ~4 characters per token
        prompt_chars = sum(len(_content_text(m.get("content"))) for m in messages
                           if isinstance(m, dict))
        prompt_tokens = math.ceil(prompt_chars / 4) + 4 * len(messages)
        completion_tokens = math.ceil(len(text) / 4)
        return {
            "id": f"chatcmpl-{secrets.token_hex(12)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "logprobs": None, "finish_reason": finish}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens},
        }


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # OpenAI content parts
        return "\n".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def _user_text(body: dict[str, Any]) -> str:
    messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
    users = [m for m in messages if m.get("role") == "user"] or messages
    return _content_text(users[-1].get("content")) if users else ""


def prompt_facts(text: str) -> dict[str, str]:
    """The "Name: value" lines of a prompt, keyed by lowercased name (first one wins)."""
    facts: dict[str, str] = {}
    for m in _FACT_LINE.finditer(text):
        key = m.group(1).strip().lower()
        if m.group(2) and key not in facts:
            facts[key] = m.group(2)
    return facts


def grounded_description(facts: dict[str, str]) -> str:
    """A plain description built only from the facts the prompt gave (for unknown albums)."""
    artist = facts.get("artist") or "an unnamed artist"
    title = facts.get("title") or "This record"
    year = facts.get("year") or facts.get("released") or ""
    year = year if year[:4].isdigit() and year[:4] != "0000" and year != "0" else ""
    label = facts.get("label") or facts.get("labels") or ""
    genres = facts.get("genres") or facts.get("genre") or ""
    styles = facts.get("styles") or facts.get("style") or ""
    fmt = facts.get("format") or facts.get("formats") or ""
    various = artist.casefold() in ("various", "various artists")
    text = f"{title} is a {year + ' ' if year else ''}"
    text += "compilation gathering several artists" if various else f"record by {artist}"
    text += f", issued on {label}." if label else "."
    if genres or styles:
        text += " It is catalogued under " + ", ".join(x for x in (genres, styles) if x) + "."
    if fmt:
        text += f" The copy in this collection is a {fmt} edition."
    text += (" The catalogue gives no further detail about its recording, its musicians or its "
             "reception, so this note keeps to the facts listed for the collection rather than "
             "guessing at them.")
    return text
