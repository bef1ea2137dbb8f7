"""tasks/euria.py: chat completions on the wire (requests-mock), errors, description rows."""

from __future__ import annotations

import pytest
import requests
from support import FakeClock, fixture

from tasks.config import Settings
from tasks.euria import Completion, EuriaClient, describe_album, error_row
from tasks.http import AuthError, RateLimiter, ServiceError
from tasks.prompt import PROMPT_VERSION, build_messages, max_tokens_for

BASE = "https://api.infomaniak.com/1/ai/105/openai"
CHAT = f"{BASE}/chat/completions"
KEY = "eur-key-0a1b2c3d4e5f6a7b"
MESSAGES = [{"role": "system", "content": "You write liner notes."},
            {"role": "user", "content": "Describe AM by Arctic Monkeys."}]
AM = {"release_id": 5151515, "artist": "Arctic Monkeys", "artists": ["Arctic Monkeys"],
      "title": "AM", "year": 2013, "labels": ["Domino"], "catnos": ["WIGLP317"],
      "formats": ["LP, Album"], "media": "Vinyl", "genres": ["Rock"], "styles": ["Indie Rock"],
      "album_key": "arctic monkeys|am"}
# OpenAI's 404 for an unknown model, as chat/completions sends it (one line).
MODEL_NOT_FOUND = ('{"error": {"message": "The model `qwen9` does not exist or you do not have '
                   'access to it.", "type": "invalid_request_error", "param": null, '
                   '"code": "model_not_found"}}')






@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(clock) -> EuriaClient:
    limiter = RateLimiter(concurrency=4, clock=clock, sleep=clock.sleep)
    return EuriaClient(KEY, BASE, model="qwen3", sleep=clock.sleep, limiter=limiter)


def test_complete_sends_an_openai_request_and_reads_the_answer(requests_mock, client):
    requests_mock.post(CHAT, json=fixture("euria_chat_completion.json"))
    completion = client.complete(MESSAGES, max_tokens=231)
    assert completion == Completion(
        content="AM is the fifth studio album by Arctic Monkeys, a slow-burning record built "
                "on hip-hop drums and falsetto harmonies.",
        model="qwen3", prompt_tokens=412, completion_tokens=31, seconds=completion.seconds)
    assert completion.seconds >= 0
    sent = requests_mock.last_request
    assert sent.json() == {"model": "qwen3", "messages": MESSAGES, "max_tokens": 231,
                           "temperature": 0.3}
    assert sent.headers["Authorization"] == f"Bearer {KEY}"
    assert sent.headers["Content-Type"] == "application/json"
    assert KEY not in sent.url


def test_complete_without_usage(requests_mock, client):
    body = fixture("euria_chat_completion.json")
    del body["usage"]
    body["model"] = None
    requests_mock.post(CHAT, json=body)
    completion = client.complete(MESSAGES, max_tokens=50)
    assert (completion.model, completion.prompt_tokens, completion.completion_tokens) == (
        "qwen3", None, None)


def test_an_answer_without_choices_is_a_service_error(requests_mock, client):
    requests_mock.post(CHAT, json={"id": "x", "object": "chat.completion", "choices": []})
    with pytest.raises(ServiceError, match=r"^EurIA: answer without choices\[0\]\.message"):
        client.complete(MESSAGES, max_tokens=50)


def test_describe_album_returns_its_row(requests_mock, client):
    requests_mock.post(CHAT, json=fixture("euria_chat_completion.json"))
    row = describe_album(client, AM, language="en", max_chars=300)
    assert row["generated_at"].endswith("+00:00") and row["seconds"] >= 0
    assert {k: v for k, v in row.items() if k not in ("generated_at", "seconds")} == {
        "album_key": "arctic monkeys|am", "status": "generated",
        "description": "AM is the fifth studio album by Arctic Monkeys, a slow-burning record "
                       "built on hip-hop drums and falsetto harmonies.",
        "model": "qwen3", "prompt_version": PROMPT_VERSION, "language": "en",
        "max_chars": 300, "prompt_tokens": 412, "completion_tokens": 31, "error": None,
    }
    sent = requests_mock.last_request.json()
    assert sent["messages"] == build_messages(AM, language="en", max_chars=300)
    assert sent["max_tokens"] == max_tokens_for(300)


def test_describe_album_with_an_empty_answer_is_a_service_error(requests_mock, client):
    body = fixture("euria_chat_completion.json")
    body["choices"][0]["message"]["content"] = "<think>hmm</think>\n\n"
    requests_mock.post(CHAT, json=body)
    with pytest.raises(ServiceError, match=r"^EurIA: unusable answer: "):
        describe_album(client, AM, language="en", max_chars=300)


def test_list_models(requests_mock, client):
    requests_mock.get(f"{BASE}/models", json={"object": "list", "data": [
        {"id": "qwen3", "object": "model"}, {"id": "mistral3", "object": "model"},
        {"id": "swiss-ai/Apertus-70B-Instruct-2509", "object": "model"}]})
    assert client.list_models() == ["qwen3", "mistral3", "swiss-ai/Apertus-70B-Instruct-2509"]
    assert requests_mock.last_request.headers["Authorization"] == f"Bearer {KEY}"


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (401, {"result": "error", "error": {"code": "not_authorized",
                                            "description": "Authorization required"}},
         "Authorization required"),
        (403, {"result": "error", "error": {"code": "forbidden", "description": "Access denied"}},
         "Access denied"),
        (401, {"error": {"message": "Invalid token", "type": "invalid_request_error",
                         "code": "invalid_api_key"}}, "Invalid token"),
    ],
)
def test_a_refused_key_is_an_auth_error_naming_euria_api_key(requests_mock, client, status,
                                                             body, reason):
    requests_mock.post(CHAT, status_code=status, json=body)
    with pytest.raises(AuthError) as info:
        client.complete(MESSAGES, max_tokens=50)
    assert str(info.value) == (f"EurIA: the API key was refused ({reason}): check EURIA_API_KEY "
                               f"and EURIA_PRODUCT_ID (HTTP {status})")
    assert requests_mock.call_count == 1


def test_model_not_found_surfaces_the_api_message(requests_mock, client):
    requests_mock.post(CHAT, status_code=404, text=MODEL_NOT_FOUND,
                       headers={"Content-Type": "application/json"})
    with pytest.raises(ServiceError) as info:
        client.complete(MESSAGES, max_tokens=50)
    assert not isinstance(info.value, AuthError)
    assert str(info.value) == (
        "EurIA: The model `qwen9` does not exist or you do not have access to it. "
        f"(check EURIA_MODEL and EURIA_PRODUCT_ID) (HTTP 404) at {CHAT}")


def test_a_400_surfaces_the_api_message(requests_mock, client):
    requests_mock.post(CHAT, status_code=400, json={"error": {
        "message": "Invalid 'temperature': decimal below minimum value.",
        "type": "invalid_request_error", "param": "temperature",
        "code": "decimal_below_min_value"}})
    with pytest.raises(ServiceError) as info:
        client.complete(MESSAGES, max_tokens=50)
    assert str(info.value) == ("EurIA: Invalid 'temperature': decimal below minimum value. "
                               f"(HTTP 400) at {CHAT}")
    assert requests_mock.call_count == 1


def test_a_429_is_waited_out_then_answered(requests_mock, client, clock):
    requests_mock.post(CHAT, [
        {"status_code": 429, "headers": {"Retry-After": "6"},
         "json": {"result": "error", "error": {"code": "too_many_requests",
                                               "description": "Too many requests"}}},
        {"json": fixture("euria_chat_completion.json")},
    ])
    completion = client.complete(MESSAGES, max_tokens=50)
    assert completion.content.startswith("AM is the fifth studio album")
    assert clock.now >= 6.0


def test_5xx_until_failure_is_a_service_error(requests_mock, client):
    requests_mock.post(CHAT, status_code=500, json={"error": {
        "message": "The server had an error while processing your request.",
        "type": "server_error", "code": None}})
    with pytest.raises(ServiceError) as info:
        client.complete(MESSAGES, max_tokens=50)
    assert str(info.value) == (
        "EurIA: The server had an error while processing your request. after 4 attempts "
        f"(HTTP 500) at {CHAT}")
    assert info.value.retryable and requests_mock.call_count == 4


def test_5xx_then_an_answer(requests_mock, client):
    requests_mock.post(CHAT, [{"status_code": 502, "text": "Bad Gateway"},
                              {"status_code": 504, "text": "Gateway Timeout"},
                              {"json": fixture("euria_chat_completion.json")}])
    assert client.complete(MESSAGES, max_tokens=50).completion_tokens == 31


FAILURES = {
    "401": [{"status_code": 401, "json": {"result": "error", "error": {
        "code": "not_authorized", "description": "Authorization required"}}}],
    "404": [{"status_code": 404, "text": MODEL_NOT_FOUND}],
    "429 storm": [{"status_code": 429, "headers": {"Retry-After": "1"}}],
    "500": [{"status_code": 500, "text": "Internal Server Error"}],
    "timeout": [{"exc": requests.exceptions.ReadTimeout}],
    "reset": [{"exc": requests.exceptions.ConnectionError("Connection reset by peer")}],
    "malformed": [{"status_code": 200, "text": "<html>maintenance</html>"}],
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_the_api_key_never_appears_in_an_exception(requests_mock, client, failure):
    requests_mock.post(CHAT, FAILURES[failure])
    with pytest.raises(ServiceError) as info:
        client.complete(MESSAGES, max_tokens=50)
    assert KEY not in str(info.value) and KEY not in repr(info.value)
    assert KEY not in str(info.value.url)


def test_a_key_echoed_by_the_server_is_masked_once_registered(requests_mock, clock):
    key = "eur-echoed-key-5e6f7a8b"
    Settings(euria_api_key=key, euria_product_id="105").register_secrets()
    echo = {"error": {"message": f"Incorrect API key provided: {key}.",
                      "type": "invalid_request_error", "code": "invalid_api_key"}}
    requests_mock.post(CHAT, status_code=401, json=echo)
    client = EuriaClient(key, BASE, sleep=clock.sleep,
                         limiter=RateLimiter(concurrency=4, clock=clock, sleep=clock.sleep))
    with pytest.raises(AuthError) as info:
        client.complete(MESSAGES, max_tokens=50)
    assert key not in str(info.value)
    assert "Incorrect API key provided: ***." in str(info.value)


def test_error_row_records_the_failure():
    error = ServiceError("EurIA", "timed out after 4 attempts", None, CHAT)
    row = error_row(AM, error, language="fr", max_chars=400)
    assert row["generated_at"].endswith("+00:00")
    assert {k: v for k, v in row.items() if k != "generated_at"} == {
        "album_key": "arctic monkeys|am", "status": "error", "description": None,
        "model": None, "prompt_version": PROMPT_VERSION, "language": "fr", "max_chars": 400,
        "prompt_tokens": None, "completion_tokens": None, "seconds": None,
        "error": f"EurIA: timed out after 4 attempts at {CHAT}",
    }
