"""tasks/http.py: pacing, retries on the wire (requests-mock), error messages, redaction."""

from __future__ import annotations

import base64
import email.utils
import logging
import threading
import time
from contextlib import ExitStack
from datetime import UTC, datetime

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st
from support import FakeClock, wait_queued

from tasks.config import RedactingFilter, Settings, redact
from tasks.http import (
    AuthError,
    GaveUp,
    RateLimiter,
    ServiceError,
    error_message,
    json_body,
    new_session,
    parse_retry_after,
    redact_url,
    send,
)

URL = "https://api.example.test/v1/things"




def entry_times(limiter: RateLimiter, clock: FakeClock, calls: int) -> list[float]:
    times = []
    for _ in range(calls):
        with limiter.slot():
            times.append(clock.now - 1000.0)
    return times


def response_for(requests_mock, status: int = 200, **kwargs) -> requests.Response:
    requests_mock.get(URL, status_code=status, **kwargs)
    return requests.get(URL, timeout=5)


# --- RateLimiter -----------------------------------------------------------------------------


def test_window_lets_max_calls_through_then_waits_for_the_oldest_to_leave():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(3, period=10.0, clock=clock, sleep=clock.sleep)
    assert entry_times(limiter, clock, 5) == [0.0, 0.0, 0.0, 10.0, 10.0]
    # Sleeps come in chunks of at most 5 s, so a pause set meanwhile is noticed.
    assert clock.sleeps == [5.0, 5.0]


def test_window_slides_rather_than_resetting():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(3, period=10.0, clock=clock, sleep=clock.sleep)
    times = []
    for gap in (0.0, 4.0, 4.0, 0.0, 0.0):
        clock.now += gap
        with limiter.slot():
            times.append(clock.now - 1000.0)
    # The 4th call waits for the call at 0 to leave the window, the 5th for the call at 4.
    assert times == [0.0, 4.0, 8.0, 10.0, 14.0]


def test_unlimited_window_never_sleeps():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, clock=clock, sleep=clock.sleep)
    assert entry_times(limiter, clock, 100) == [0.0] * 100
    assert clock.sleeps == []


def test_pause_holds_every_caller_and_never_shortens():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, clock=clock, sleep=clock.sleep)
    limiter.pause(12.0)
    limiter.pause(3.0)  # a shorter pause does not cut the longer one
    assert entry_times(limiter, clock, 2) == [12.0, 12.0]
    assert clock.sleeps == [5.0, 5.0, 2.0]


def test_concurrency_caps_callers_inside_at_once():
    limiter = RateLimiter(None, concurrency=2, sleep=lambda s: None, learn=False)
    entered = threading.Event()

    def third_caller():
        with limiter.slot():
            entered.set()

    with ExitStack() as held:
        held.enter_context(limiter.slot())
        held.enter_context(limiter.slot())
        thread = threading.Thread(target=third_caller)
        thread.start()
        assert not entered.wait(0.05), "a third caller got in while two slots were held"
    assert entered.wait(2.0), "the third caller never got in after a slot was released"
    thread.join(2.0)


def test_a_later_call_gives_way_to_every_call_waiting_for_a_place():
    """Album details (later) wait while searches wait: with the one place held, a detail
    call queued first, then two searches, gets the place last."""
    limiter = RateLimiter(None, concurrency=1, sleep=lambda s: None, learn=False)
    order: list[str] = []

    def caller(name: str, later: bool) -> None:
        with limiter.slot(later):
            order.append(name)

    threads = []
    with limiter.slot():
        for n, (name, later) in enumerate((("details", True), ("search 1", False),
                                           ("search 2", False))):
            threads.append(threading.Thread(target=caller, args=(name, later)))
            threads[-1].start()
            wait_queued(limiter, first=n, later=1)
    for thread in threads:
        thread.join(2.0)
    assert order[-1] == "details"
    assert sorted(order) == ["details", "search 1", "search 2"]


def test_a_later_call_goes_at_once_when_nothing_waits():
    limiter = RateLimiter(None, concurrency=2, sleep=lambda s: None, learn=False)
    done = threading.Event()

    def details() -> None:
        with limiter.slot(later=True):
            done.set()

    with limiter.slot():  # one place of two held, no one waiting: the later call goes
        thread = threading.Thread(target=details)
        thread.start()
        assert done.wait(2.0)
    thread.join(2.0)


def test_a_call_waiting_for_the_window_gives_up_when_told_and_books_nothing():
    limiter = RateLimiter(1, period=60.0)
    with limiter.slot():  # the window's one place, taken for a minute
        pass
    give_up = threading.Event()
    threading.Timer(0.1, give_up.set).start()
    started = time.monotonic()
    with pytest.raises(GaveUp), limiter.slot(give_up=give_up):
        pytest.fail("a call went past a full window")
    assert time.monotonic() - started < 2.0  # told, not at its next look (MAX_SLEEP)
    assert limiter.free()[0] == 0 and not limiter._flying  # nothing booked, nothing freed


def test_a_call_with_a_place_free_goes_though_told_to_give_up():
    limiter = RateLimiter(2, period=60.0)
    give_up = threading.Event()
    give_up.set()
    with limiter.slot(give_up=give_up) as ticket:
        assert ticket is not None
    assert limiter.free()[0] == 1


def test_slot_is_released_when_the_call_raises():
    limiter = RateLimiter(None, concurrency=1, sleep=lambda s: None)
    with pytest.raises(RuntimeError), limiter.slot():
        raise RuntimeError("boom")
    done = threading.Event()

    def next_caller():
        with limiter.slot():
            done.set()

    thread = threading.Thread(target=next_caller)
    thread.start()
    assert done.wait(2.0)
    thread.join(2.0)


# Periods and gaps in quarter seconds keep the clock's arithmetic exact; the floating-point
# edge is test_a_call_at_the_window_edge_is_still_counted.
@settings(max_examples=200, deadline=None)
@given(max_calls=st.integers(1, 6), period=st.integers(1, 360).map(lambda q: q / 4),
       gaps=st.lists(st.integers(0, 160).map(lambda q: q / 4), min_size=1, max_size=40))
def test_window_never_lets_more_than_max_calls_into_any_period(max_calls, period, gaps):
    clock = FakeClock(1000.0)
    limiter = RateLimiter(max_calls, period=period, clock=clock, sleep=clock.sleep)
    times = []
    for gap in gaps:
        clock.now += gap
        with limiter.slot():
            times.append(clock.now)
    for earlier, later in zip(times, times[max_calls:], strict=False):
        assert later - earlier >= period - 1e-9


def test_a_call_at_the_window_edge_is_still_counted():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(1, period=1.6081983313322468, clock=clock, sleep=clock.sleep)
    times = entry_times(limiter, clock, 3)
    assert times[2] - times[1] >= 1.6081983313322468 - 1e-9


def test_waited_counts_the_time_actually_slept():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, clock=clock, sleep=clock.sleep)
    limiter.pause(12.0)
    entry_times(limiter, clock, 1)
    assert limiter.waited == sum(clock.sleeps) == 12.0


# --- parse_retry_after -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 60.0),
        ("Wed, 21 Oct 2015 07:26:00 GMT", 0.0),  # already past
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(header, seconds):
    now = datetime(2015, 10, 21, 7, 27, tzinfo=UTC).timestamp()
    assert parse_retry_after(header, now=lambda: now) == seconds


# --- send ------------------------------------------------------------------------------------


def test_send_retries_5xx_then_returns_the_answer(requests_mock):
    requests_mock.get(URL, [
        {"status_code": 503, "text": "<html><body>Service Unavailable</body></html>"},
        {"status_code": 502, "json": {"message": "Bad gateway"}},
        {"status_code": 200, "json": {"things": [1, 2]}},
    ])
    clock = FakeClock(1000.0)
    response = send(requests.Session(), "GET", URL, service="Discogs", sleep=clock.sleep)
    assert (response.status_code, response.json()) == (200, {"things": [1, 2]})
    assert requests_mock.call_count == 3
    # Full-jitter backoff: between 0 and 1 s, then between 0 and 2 s.
    assert len(clock.sleeps) == 2
    assert 0 <= clock.sleeps[0] <= 1 and 0 <= clock.sleeps[1] <= 2


def test_send_gives_up_on_5xx_with_the_api_message(requests_mock):
    requests_mock.get(URL, status_code=500, json={"message": "Internal server error"})
    with pytest.raises(ServiceError) as info:
        send(requests.Session(), "GET", URL, service="Discogs", sleep=lambda s: None)
    assert str(info.value) == (
        f"Discogs: Internal server error after 4 attempts (HTTP 500) at {URL}")
    assert (info.value.status, info.value.retryable) == (500, True)
    assert requests_mock.call_count == 4


def test_send_timeouts_then_failure_names_the_service_and_hides_the_token(requests_mock):
    token = "dsc-TIMEOUT-token-9f8e7d"
    requests_mock.get(URL, exc=requests.exceptions.ReadTimeout)
    session = requests.Session()
    session.headers["Authorization"] = f"Discogs token={token}"
    with pytest.raises(ServiceError) as info:
        send(session, "GET", URL, service="Discogs", sleep=lambda s: None,
             params={"page": 1})
    assert str(info.value) == f"Discogs: timed out after 4 attempts at {URL}"
    assert token not in str(info.value) and token not in repr(info.value)
    assert (info.value.service, info.value.status, info.value.retryable) == (
        "Discogs", None, True)
    assert requests_mock.call_count == 4


def test_send_recovers_from_timeouts(requests_mock):
    requests_mock.get(URL, [
        {"exc": requests.exceptions.ConnectTimeout},
        {"exc": requests.exceptions.ReadTimeout},
        {"json": {"ok": True}},
    ])
    response = send(requests.Session(), "GET", URL, service="EurIA", sleep=lambda s: None)
    assert response.json() == {"ok": True}


def test_send_retries_a_connection_reset(requests_mock):
    reset = requests.exceptions.ConnectionError("('Connection aborted.', ConnectionResetError("
                                                "104, 'Connection reset by peer'))")
    requests_mock.get(URL, [{"exc": reset}, {"json": {"ok": True}}])
    response = send(requests.Session(), "GET", URL, service="Spotify", sleep=lambda s: None)
    assert response.json() == {"ok": True}


def test_send_connection_resets_until_failure(requests_mock):
    requests_mock.get(URL, exc=requests.exceptions.ConnectionError("reset by peer"))
    with pytest.raises(ServiceError) as info:
        send(requests.Session(), "GET", URL, service="Spotify", sleep=lambda s: None,
             max_attempts=2)
    assert str(info.value) == (
        f"Spotify: connection failed (ConnectionError) after 2 attempts at {URL}")


def test_send_returns_4xx_without_retrying(requests_mock):
    requests_mock.get(URL, status_code=404, json={"message": "Release not found."})
    response = send(requests.Session(), "GET", URL, service="Discogs", sleep=lambda s: None)
    assert (response.status_code, error_message(response)) == (404, "Release not found.")
    assert requests_mock.call_count == 1


def test_send_429_waits_retry_after_seconds(requests_mock):
    requests_mock.get(URL, [
        {"status_code": 429, "headers": {"Retry-After": "7"},
         "json": {"error": {"status": 429, "message": "API rate limit exceeded"}}},
        {"json": {"ok": True}},
    ])
    clock = FakeClock(1000.0)
    # A 429 is pacing, not a failure: it does not use up the single attempt allowed here.
    response = send(requests.Session(), "GET", URL, service="Spotify", sleep=clock.sleep,
                    max_attempts=1)
    assert response.json() == {"ok": True}
    assert clock.sleeps == [7.0]


def test_send_429_waits_until_an_http_date(requests_mock):
    when = email.utils.formatdate(time.time() + 120, usegmt=True)
    requests_mock.get(URL, [
        {"status_code": 429, "headers": {"Retry-After": when}, "text": "Too Many Requests"},
        {"json": {"ok": True}},
    ])
    clock = FakeClock(1000.0)
    response = send(requests.Session(), "GET", URL, service="EurIA", sleep=clock.sleep)
    assert response.json() == {"ok": True}
    assert len(clock.sleeps) == 1
    assert clock.sleeps[0] == pytest.approx(120, abs=3)


def test_send_429_without_retry_after_backs_off(requests_mock):
    requests_mock.get(URL, [{"status_code": 429}, {"json": {"ok": True}}])
    clock = FakeClock(1000.0)
    send(requests.Session(), "GET", URL, service="Discogs", sleep=clock.sleep)
    assert len(clock.sleeps) == 1 and 0 <= clock.sleeps[0] <= 1


def test_send_429_storm_is_bounded(requests_mock):
    requests_mock.get(URL, status_code=429, headers={"Retry-After": "1"})
    with pytest.raises(ServiceError) as info:
        send(requests.Session(), "GET", URL, service="Spotify", sleep=lambda s: None)
    assert str(info.value) == f"Spotify: rate limited after 4 attempts (HTTP 429) at {URL}"
    assert info.value.retryable


def test_send_429_pauses_the_shared_limiter(requests_mock):
    clock = FakeClock(1000.0)
    sent_at: list[float] = []

    def answer(status):
        def callback(request, context):
            sent_at.append(clock.now - 1000.0)
            context.status_code = status
            context.headers["Retry-After"] = "20"
            return {}
        return callback

    requests_mock.get(URL, [{"json": answer(429)}, {"json": answer(200)}])
    limiter = RateLimiter(None, period=30.0, clock=clock, sleep=clock.sleep)
    send(requests.Session(), "GET", URL, service="Spotify", limiter=limiter,
         sleep=lambda s: pytest.fail("the limiter, not send, does the waiting"))
    assert sent_at[0] == 0.0 and sent_at[1] >= 20.0


def test_send_429_on_a_fresh_limiter_retries_after_retry_after(requests_mock):
    requests_mock.get(URL, [
        {"status_code": 429, "headers": {"Retry-After": "2"}},
        {"json": {"ok": True}},
        {"json": {"ok": True}},
    ])
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, period=30.0, clock=clock, sleep=clock.sleep)
    for _ in range(2):
        send(requests.Session(), "GET", URL, service="Spotify", limiter=limiter)
    assert clock.now - 1000.0 == 2.0


def test_send_passes_request_options_through(requests_mock):
    requests_mock.post(URL, json={"ok": True})
    send(requests.Session(), "POST", URL, service="EurIA", json={"model": "qwen3"},
         headers={"X-Test": "1"})
    sent = requests_mock.last_request
    assert (sent.json(), sent.headers["X-Test"]) == ({"model": "qwen3"}, "1")


# --- error messages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # Discogs
        ({"message": "The requested resource was not found."},
         "The requested resource was not found."),
        # Spotify Web API
        ({"error": {"status": 401, "message": "The access token expired"}},
         "The access token expired"),
        # Spotify accounts (token endpoint)
        ({"error": "invalid_client", "error_description": "Invalid client"}, "Invalid client"),
        # OpenAI-compatible (EurIA)
        ({"error": {"message": "The model `gpt-5.2-proo` does not exist or you do not have "
                               "access to it.", "type": "invalid_request_error", "param": None,
                    "code": "model_not_found"}},
         "The model `gpt-5.2-proo` does not exist or you do not have access to it."),
        # Infomaniak
        ({"result": "error", "error": {"code": "not_authorized",
                                       "description": "Authorization required"}},
         "Authorization required"),
        ({"result": "error", "error": {"code": "product_not_found"}}, "product_not_found"),
    ],
)
def test_error_message_reads_each_api_shape(requests_mock, body, message):
    assert error_message(response_for(requests_mock, 400, json=body)) == message


def test_error_message_of_a_non_json_body(requests_mock):
    html = "<html><head><title>502 Bad Gateway</title></head></html>\n"
    assert error_message(response_for(requests_mock, 502, text=html)) == html.strip()


def test_error_message_of_a_long_non_json_body_is_cut(requests_mock):
    assert error_message(response_for(requests_mock, 500, text="x" * 5000)) == "x" * 200


def test_error_message_of_an_empty_body_is_the_reason(requests_mock):
    response = response_for(requests_mock, 503, text="", reason="Service Unavailable")
    assert error_message(response) == "Service Unavailable"


def test_json_body_of_a_malformed_answer_names_the_service(requests_mock):
    response = response_for(requests_mock, 200, text="{not json")
    with pytest.raises(ServiceError, match=r"^EurIA: malformed JSON in the answer .*\(HTTP 200\)"):
        json_body(response, "EurIA")


# --- errors and redaction --------------------------------------------------------------------


def test_service_error_message_and_retryability():
    error = ServiceError("Spotify", "Invalid limit", 400, "https://api.spotify.com/v1/search?q=x")
    assert str(error) == "Spotify: Invalid limit (HTTP 400) at https://api.spotify.com/v1/search?q=x"
    assert not error.retryable
    assert ServiceError("EurIA", "busy", 503).retryable
    assert isinstance(AuthError("Discogs", "check DISCOGS_TOKEN", 401), ServiceError)


def test_redact_url_drops_userinfo_and_fragment():
    assert redact_url("https://bob:hunter2@api.example.test:8443/v1/x?page=2#top") == (
        "https://api.example.test:8443/v1/x?page=2")


def test_redact_url_masks_a_known_secret_in_the_query():
    Settings(discogs_token="dsc-REGISTERED-4242").register_secrets()
    assert redact_url("https://api.discogs.com/database/search?q=am&token=dsc-REGISTERED-4242") == (
        "https://api.discogs.com/database/search?q=am&token=***")


def test_redact_url_masks_credential_parameters_it_was_not_told_about():
    url = redact_url("https://api.discogs.com/database/search?q=am&token=unregistered9876"
                     "&key=k-unregistered&secret=s-unregistered")
    assert url == "https://api.discogs.com/database/search?q=am&token=***&key=***&secret=***"


def test_service_error_masks_registered_secrets():
    Settings(euria_api_key="eur-SECRET-in-message-77").register_secrets()
    error = ServiceError("EurIA", "invalid key eur-SECRET-in-message-77", 401,
                         "https://api.infomaniak.com/1/ai/105/openai/models")
    assert str(error) == ("EurIA: invalid key *** (HTTP 401) at "
                          "https://api.infomaniak.com/1/ai/105/openai/models")


def test_redacting_filter_masks_secrets_in_log_records():
    Settings(spotify_client_secret="spt-LOGGED-secret-31").register_secrets()
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    handler = Collect()
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    try:
        logger.warning("token request with %s failed", "spt-LOGGED-secret-31")
    finally:
        logger.removeHandler(handler)
    assert seen == ["token request with *** failed"]
    assert redact("nothing secret here") == "nothing secret here"


def test_a_netrc_entry_for_an_api_host_does_not_replace_the_token(requests_mock, tmp_path,
                                                                   monkeypatch):
    """requests lets a ~/.netrc login override an Authorization header set on the session;
    the clients' credentials are auth objects, which it does not override."""
    from tasks.discogs import DiscogsClient
    from tasks.euria import EuriaClient
    from tasks.spotify import SpotifyClient

    hosts = ("api.discogs.com", "api.infomaniak.com", "api.spotify.com", "accounts.spotify.com")
    netrc = tmp_path / "netrc"
    netrc.write_text("".join(f"machine {h} login someone password elsewhere\n" for h in hosts))
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    requests_mock.get("https://api.discogs.com/masters/1", json={"year": 1969})
    requests_mock.post("https://api.infomaniak.com/1/ai/7/openai/chat/completions",
                       json={"choices": [{"message": {"content": "Fine."}}]})
    requests_mock.post("https://accounts.spotify.com/api/token",
                       json={"access_token": "spt-access-1", "expires_in": 3600})
    requests_mock.get("https://api.spotify.com/v1/search", json={"albums": {"items": []}})

    DiscogsClient("dsc-token-1", sleep=lambda s: None).get("/masters/1")
    EuriaClient("eur-key-1", "https://api.infomaniak.com/1/ai/7/openai",
                sleep=lambda s: None).complete([{"role": "user", "content": "?"}], 10)
    SpotifyClient("client-1", "secret-1", sleep=lambda s: None).search_albums("album:'AM'")

    sent = {r.hostname: r.headers["Authorization"] for r in requests_mock.request_history}
    assert sent["api.discogs.com"] == "Discogs token=dsc-token-1"
    assert sent["api.infomaniak.com"] == "Bearer eur-key-1"
    assert sent["api.spotify.com"] == "Bearer spt-access-1"
    assert sent["accounts.spotify.com"].startswith("Basic ")  # the app's id:secret
    assert base64.b64decode(sent["accounts.spotify.com"][6:]) == b"client-1:secret-1"


def test_a_session_takes_proxies_and_the_ca_bundle_from_the_environment_once(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example.test:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/company-ca.pem")

    remote = new_session("https://api.discogs.com")
    assert remote.proxies["https"] == "http://proxy.example.test:3128"
    assert remote.verify == "/etc/ssl/company-ca.pem"
    assert new_session("http://127.0.0.1:8080").proxies == {}  # the fakes, bypassed
    # Read now, not per call: a later change of the environment does not reach the session.
    monkeypatch.setenv("HTTPS_PROXY", "http://other.example.test:8080")
    assert remote.proxies["https"] == "http://proxy.example.test:3128"
    assert remote.trust_env is False


def test_a_call_in_flight_longer_than_the_window_still_counts_from_its_answer():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(2, period=10.0, clock=clock, sleep=clock.sleep)
    with limiter.slot():  # booked at 0 s, answered at 11 s
        clock.now += 11.0
        with limiter.slot():  # another caller at 11 s: the first booking has left the window
            pass
    # The server counted the slow call after we booked it: it holds a place until 21 s.
    assert entry_times(limiter, clock, 1) == [21.0]


# --- learning an unpublished ceiling: literal scenarios against a server with Spotify's rule ---


class RollingWindowServer:
    """Spotify's rule on a fake clock: at most `ceiling` accepted calls per rolling `window`,
    429 with Retry-After (until the oldest leaves) beyond; each answer takes `latency`.
    With storm_after, the `storm` requests after that many accepted answer 429 with
    Retry-After `storm_wait`, whatever the window holds."""

    def __init__(self, clock: FakeClock, ceiling: int = 150, window: float = 30.0,
                 latency: float = 0.05, storm_after: int | None = None, storm: int = 30,
                 storm_wait: float = 2.0):
        self.clock, self.ceiling, self.window, self.latency = clock, ceiling, window, latency
        self.storm_after, self.storm_left, self.storm_wait = storm_after, storm, storm_wait
        self.accepted: list[float] = []  # arrival times
        self.refused: list[tuple[float, float]] = []  # (answered at, Retry-After)
        self.storm_times: list[float] = []
        self.violations = 0  # requests that came while a Retry-After said to wait

    def __call__(self, request, context):
        now = self.clock.now
        if any(at < now < at + wait - 1e-6 for at, wait in self.refused):  # (float sums)
            self.violations += 1
        self.clock.now += self.latency
        if self.storm_after is not None and len(self.accepted) >= self.storm_after \
                and self.storm_left:
            self.storm_left -= 1
            self.storm_times.append(now)
            return self.refuse(context, self.storm_wait)
        recent = [t for t in self.accepted if t > now - self.window]
        if len(recent) >= self.ceiling:
            return self.refuse(context, recent[0] + self.window - now)
        self.accepted.append(now)
        return {"ok": True}

    def refuse(self, context, wait: float):
        context.status_code = 429
        context.headers["Retry-After"] = f"{wait:.3f}"
        self.refused.append((self.clock.now, wait))
        return {"error": {"status": 429}}

    def per_window(self, start: float, count: int) -> list[int]:
        return [sum(1 for t in self.accepted if start + k * self.window <= t
                    < start + (k + 1) * self.window) for k in range(count)]


def run_calls(requests_mock, server: RollingWindowServer, calls: int, limiter: RateLimiter,
              gap: float = 0.0) -> float:
    """calls requests one after the other through send() and the limiter, gap seconds of other
    work before each; the time taken."""
    requests_mock.get(URL, json=server)
    session = requests.Session()
    started = server.clock.now
    for _ in range(calls):
        server.clock.now += gap
        send(session, "GET", URL, service="Spotify", limiter=limiter,
             sleep=lambda s: pytest.fail("the limiter, not send, does the waiting"))
    return server.clock.now - started


def spotify_limiter(clock: FakeClock) -> RateLimiter:
    return RateLimiter(None, period=30.0, concurrency=4, clock=clock, sleep=clock.sleep)


def test_a_429_storm_costs_its_retry_afters_and_the_rate_is_back_within_three_windows(
        requests_mock):
    # 150 calls per rolling 30 s, the client not told. 450 quick calls (the ceiling learned),
    # 150 slow ones (EurIA-bound: about 80 a window), 1,500 quick ones again. After 590 accepted
    # calls, with the window half full, Spotify answers 30 requests in a row with 429 and
    # Retry-After 2, then keeps its normal rule.
    def run(server: RollingWindowServer) -> float:
        limiter = spotify_limiter(server.clock)
        took = run_calls(requests_mock, server, 450, limiter)
        took += run_calls(requests_mock, server, 150, limiter, gap=0.33)
        return took + run_calls(requests_mock, server, 1_500, limiter)

    calm_s = run(RollingWindowServer(FakeClock(1000.0)))
    server = RollingWindowServer(FakeClock(1000.0), storm_after=590)
    stormy_s = run(server)

    assert len(server.storm_times) == 30
    assert server.violations == 0  # Retry-After always honoured
    # The storm costs no more than waiting out its 30 Retry-Afters one after the other (and
    # the refused requests' own round trips).
    assert stormy_s - calm_s <= 30 * (2.0 + server.latency)
    # The rate is back within 10% of the ceiling in at most three windows after the storm.
    after = server.per_window(max(server.storm_times) + 2.0, 3)
    assert max(after) >= 0.9 * 150, after
    # No second storm: after it, no 429 but a probe's (a call above the ceiling), five
    # windows apart at least.
    later = [at for at, _ in server.refused if at > max(server.storm_times) + 2.0]
    assert all(b - a >= 5 * 30.0 for a, b in zip(later, later[1:], strict=False)), later


def test_the_ceiling_is_learned_from_two_429s_and_probed_only_every_five_windows(
        requests_mock):
    clock = FakeClock(1000.0)
    server = RollingWindowServer(clock, ceiling=100)
    limiter = spotify_limiter(clock)
    took = run_calls(requests_mock, server, 1_000, limiter)
    # The two 429s that taught the ceiling (a window apart, at the same count), then one for a
    # probe a call above it, five windows on.
    refused_at = [at for at, _ in server.refused]
    assert len(refused_at) == 3 and refused_at[1] - refused_at[0] < 31.0
    assert refused_at[2] - refused_at[1] >= 5 * 30.0
    assert limiter.max_calls == 100  # the probe refused: back to the limit that held
    # 1,000 calls under 100 per 30 s need 9 windows after the first; learning costs little.
    assert took <= 9 * 30.0 * 1.05
    assert server.violations == 0


def test_a_429_at_a_limit_that_held_a_full_window_is_a_storm_not_a_lower_ceiling(
        requests_mock):
    """The bench's storm came when the window was full: it lowered a proven 150 to 146 and
    the probes that found 150 again cost 2 429s in a window. Now it is waited out."""
    clock = FakeClock(1000.0)
    limiter = spotify_limiter(clock)
    run_calls(requests_mock, RollingWindowServer(clock, ceiling=100), 800, limiter)
    assert limiter.max_calls == 100  # learned, and held windows since
    server = RollingWindowServer(clock, ceiling=100, storm_after=250, storm=3)
    run_calls(requests_mock, server, 400, limiter)
    assert len(server.storm_times) == 3 and server.violations == 0
    assert limiter.max_calls == 100
    assert server.refused[3:] == []  # nothing after the storm but its own 429s


def test_a_429_for_a_call_sent_beside_a_refused_one_teaches_nothing():
    """Two calls in flight refused one after the other, a third answered between them (in the
    count: the server took it), are one 429 event, not two that agree on the ceiling (the
    bench's first syncs met it so, and a storm's first 429 then agreed with the second and
    lowered 150 to 144)."""
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, period=30.0, concurrency=4, clock=clock, sleep=clock.sleep)
    entry_times(limiter, clock, 99)
    first, beside, answered = (limiter.slot() for _ in range(3))
    refused, refused_too, _ = first.__enter__(), beside.__enter__(), answered.__enter__()
    limiter.throttled(refused, 1.0)
    first.__exit__(None, None, None)
    answered.__exit__(None, None, None)
    limiter.throttled(refused_too, 1.0)
    beside.__exit__(None, None, None)
    assert limiter.max_calls is None  # one 429 alone: waited out, the ceiling not learned yet
    clock.now += 30.0
    entry_times(limiter, clock, 100)  # a window later, refused at the same count: learned
    with limiter.slot() as ticket:
        limiter.throttled(ticket, 1.0)
    assert limiter.max_calls == 100


def test_the_ceiling_is_the_first_count_with_the_calls_in_flight_as_they_were_answered():
    """The first 429 comes with another call in flight, booked before it and refused too: the
    count is the 18 calls answered, not 19. A window later the server refuses at 19 by our
    count (a call booked a window before, at its edge): the first count is the ceiling."""
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, period=30.0, concurrency=4, clock=clock, sleep=clock.sleep)
    entry_times(limiter, clock, 18)
    clock.now += 0.1
    early, late = limiter.slot(), limiter.slot()
    sent_first = early.__enter__()
    clock.now += 0.1
    refused = late.__enter__()
    limiter.throttled(refused, 1.0)
    late.__exit__(None, None, None)
    limiter.throttled(sent_first, 1.0)  # in flight beside it: refused as well
    early.__exit__(None, None, None)
    assert limiter.max_calls is None
    clock.now += 31.0
    entry_times(limiter, clock, 19)
    with limiter.slot() as ticket:
        limiter.throttled(ticket, 1.0)
    assert limiter.max_calls == 18


def test_a_call_booked_after_the_refused_one_and_accepted_is_in_the_first_count():
    """From a standing start, 18 calls answered, then three in flight: one booked before the
    refused call, one after it, both accepted (the server took them first: its window, still
    filling, refuses every call after a refusal). The ceiling is 20, not 19."""
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, period=30.0, concurrency=4, clock=clock, sleep=clock.sleep)
    entry_times(limiter, clock, 18)
    before, refused_slot, after = limiter.slot(), limiter.slot(), limiter.slot()
    before.__enter__()
    clock.now += 0.01
    refused = refused_slot.__enter__()
    clock.now += 0.01
    after.__enter__()
    limiter.throttled(refused, 1.0)
    refused_slot.__exit__(None, None, None)
    after.__exit__(None, None, None)  # answered 200 after the 429 came
    before.__exit__(None, None, None)
    assert limiter.max_calls is None  # one 429: a storm, or the ceiling
    clock.now += 31.0
    entry_times(limiter, clock, 20)
    with limiter.slot() as ticket:  # a window later, refused at the same count
        limiter.throttled(ticket, 1.0)
    assert limiter.max_calls == 20


def taught_a_ceiling(clock: FakeClock, ceiling: int) -> RateLimiter:
    """A limiter like Spotify's, refused at `ceiling` calls twice, a window apart."""
    limiter = RateLimiter(None, period=30.0, concurrency=4, clock=clock, sleep=clock.sleep)
    for _ in range(2):
        entry_times(limiter, clock, ceiling)
        with limiter.slot() as ticket:
            limiter.throttled(ticket, 1.0)
        clock.now += 30.0
    assert limiter.max_calls == ceiling
    return limiter


def test_a_refused_probe_brings_the_limit_back_to_the_one_that_held():
    clock = FakeClock(1000.0)
    limiter = taught_a_ceiling(clock, 100)
    while limiter.max_calls == 100:  # clean windows that held callers, then a probe
        entry_times(limiter, clock, 1)
    assert limiter.max_calls == 101
    clock.now += 31.0
    entry_times(limiter, clock, 95)  # the server refuses at 95 here (its count and ours differ
    with limiter.slot() as ticket:   # at a window's edge): still not below the 100 that held
        limiter.throttled(ticket, 1.0)
    assert limiter.max_calls == 100


def test_a_ceiling_that_rises_is_found_by_probing_after_clean_windows(requests_mock):
    clock = FakeClock(1000.0)
    limiter = spotify_limiter(clock)
    run_calls(requests_mock, RollingWindowServer(clock, ceiling=100), 300, limiter)
    assert limiter.max_calls == 100
    # Spotify now allows 300: five clean windows at 100, then probes of 1, 2, 4, 8 ... calls
    # (at most a tenth more each), a window apart, until one is refused: the ceiling is known
    # again, with a 429 for that probe only.
    server = RollingWindowServer(clock, ceiling=300)
    run_calls(requests_mock, server, 4_000, limiter)
    assert 290 <= limiter.max_calls <= 300
    assert len(server.refused) == 1


def test_calls_above_the_limit_that_held_go_one_at_a_time():
    """A probe above the learned ceiling risks one call: with 4 places, the calls above the
    last limit that held wait for the one in flight, so a refused probe is one 429, not one
    for each call sent beside it (2 in a window after the bench's storm)."""
    clock = FakeClock(1000.0)
    limiter = taught_a_ceiling(clock, 100)
    assert limiter.max_calls == 100
    while limiter.max_calls < 103:  # clean windows that held callers: probes of 1, then 2
        entry_times(limiter, clock, 1)
    clock.now += 31.0  # a new window
    limiter.sleep = lambda s: time.sleep(0.001)  # from now on waiting does not move the clock
    entry_times(limiter, clock, 101)  # the limit that held
    entered = threading.Event()

    def beside_the_probe() -> None:
        with limiter.slot() as ticket:
            assert ticket.probe
            entered.set()

    with limiter.slot() as probe:
        assert probe.probe
        thread = threading.Thread(target=beside_the_probe)
        thread.start()
        assert not entered.wait(0.1), "a second call above the limit went beside the probe"
    assert entered.wait(2.0), "the call after the probe never went"
    thread.join(2.0)


def test_without_a_429_calls_go_at_the_concurrency_cap_and_are_never_held_back():
    clock = FakeClock(1000.0)
    limiter = spotify_limiter(clock)
    assert entry_times(limiter, clock, 1_000) == [0.0] * 1_000
    with ExitStack() as held:  # four at once, without waiting for any answer
        for _ in range(4):
            held.enter_context(limiter.slot())
    assert clock.sleeps == []


def test_a_storm_is_waited_out_and_teaches_nothing_but_the_same_count_twice_does():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(None, period=30.0, clock=clock, sleep=clock.sleep)
    for _ in range(2):  # refused at 10 calls, twice a window apart: the ceiling
        entry_times(limiter, clock, 10)
        with limiter.slot() as ticket:
            limiter.throttled(ticket, 1.0)
        clock.now += 30.0
    assert limiter.max_calls == 10
    entry_times(limiter, clock, 3)  # a new window: 3 calls, then a storm of 429s
    for _ in range(5):
        with limiter.slot() as ticket:
            limiter.throttled(ticket, 2.0)
    assert limiter.max_calls == 10  # waited out (5 x 2 s), nothing learned
    assert clock.now - 1000.0 == 60.0 + 4 * 2.0  # (the fifth 2 s not waited yet)
    clock.now += 32.0  # the next window refused at 3 calls again: the ceiling came down
    entry_times(limiter, clock, 3)
    with limiter.slot() as ticket:
        limiter.throttled(ticket, 1.0)
    assert limiter.max_calls == 3
def test_a_ceiling_that_came_down_is_learned_at_the_second_429_at_the_same_count(
        requests_mock):
    clock = FakeClock(1000.0)
    limiter = spotify_limiter(clock)
    run_calls(requests_mock, RollingWindowServer(clock, ceiling=150), 400, limiter)
    assert limiter.max_calls == 150
    clock.now += 31.0
    server = RollingWindowServer(clock, ceiling=100)  # Spotify now allows 100
    run_calls(requests_mock, server, 1_000, limiter)
    assert limiter.max_calls in (99, 100, 101)  # (101: a probe a call above it)
    refused_at = [at for at, _ in server.refused]
    # Two 429s to learn it, within three windows; then a probe's, five windows on at least.
    assert len(refused_at) in (2, 3) and refused_at[1] - refused_at[0] < 3 * 30.0
    assert refused_at[2:] == [] or refused_at[2] - refused_at[1] >= 5 * 30.0
    assert server.violations == 0


def test_a_configured_limit_and_euria_never_learn():
    clock = FakeClock(1000.0)
    for limiter in (RateLimiter(50, period=30.0, clock=clock, sleep=clock.sleep),
                    RateLimiter(None, concurrency=4, clock=clock, sleep=clock.sleep,
                                learn=False)):
        before = limiter.max_calls
        entry_times(limiter, clock, 10)
        with limiter.slot() as ticket:
            limiter.throttled(ticket, 1.0)
        assert limiter.max_calls == before
        # the Retry-After holds every caller all the same
        start = clock.now
        assert entry_times(limiter, clock, 1) == [start - 1000.0 + 1.0]


def test_the_servers_count_from_the_headers_beats_our_own():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(60, period=60.0, clock=clock, sleep=clock.sleep)
    # An API that says its window holds only this call is never waited for.
    for _ in range(200):
        with limiter.slot():
            limiter.sync(0, 60)
    assert clock.sleeps == []
    # Another client of the token used 59 of the 60: the next call waits a window.
    with limiter.slot():
        limiter.sync(59, 60)
    assert entry_times(limiter, clock, 1) == [60.0]


def test_a_count_keeps_the_calls_answered_since_its_call_was_booked():
    # Two calls booked at once: B reaches the server first (its count: no other call) but is
    # answered after A (whose count has B). B's count cannot have seen A: A stays counted.
    clock = FakeClock(1000.0)
    limiter = RateLimiter(3, period=60.0, clock=clock, sleep=clock.sleep)
    a_booked, b_booked, a_answered = threading.Event(), threading.Event(), threading.Event()

    def call_a() -> None:
        with limiter.slot():
            a_booked.set()
            assert b_booked.wait(5)
            clock.now += 1.0
            limiter.sync(1, 3)
        a_answered.set()

    thread = threading.Thread(target=call_a)
    thread.start()
    assert a_booked.wait(5)
    with limiter.slot():
        b_booked.set()
        assert a_answered.wait(5)
        clock.now += 1.0
        limiter.sync(0, 3)
    thread.join(5)
    room, _ = limiter.free()
    assert room is not None and room <= 1  # the server holds A and B: one place at most


def test_a_call_in_flight_in_the_servers_count_is_not_counted_twice():
    """A is booked, then B; the server counts A when B comes (its headers: one other), and A
    is answered after B. Our window holds A and B, not a third call stamped when B was
    answered (after Discogs' facts came in a burst, such stamps held the last requests of a
    sync a minute past the time their places were free)."""
    clock = FakeClock(1000.0)
    limiter = RateLimiter(60, period=60.0, clock=clock, sleep=clock.sleep)
    a_booked, b_answered = threading.Event(), threading.Event()

    def call_a() -> None:
        with limiter.slot():
            a_booked.set()
            assert b_answered.wait(5)
            limiter.sync(0, 60)  # its count, older than B's: ignored

    thread = threading.Thread(target=call_a)
    thread.start()
    assert a_booked.wait(5)
    clock.now += 0.5
    with limiter.slot():
        limiter.sync(1, 60)
    b_answered.set()
    thread.join(5)
    assert limiter.free() == (58, 0.0)


def test_a_call_booked_later_that_reached_the_server_first_is_not_counted_twice():
    """A is booked, then B; B reaches the server first, so A's headers count it (one other),
    and A is answered while B is still in flight. Our window holds A and B, not a third call
    stamped for B, which would hold a place a window after B left (with 400 lookups in
    flight, Discogs' facts race to the wire)."""
    clock = FakeClock(1000.0)
    limiter = RateLimiter(60, period=60.0, clock=clock, sleep=clock.sleep)
    a_booked, b_booked, a_answered = threading.Event(), threading.Event(), threading.Event()

    def call_b() -> None:
        assert a_booked.wait(5)
        with limiter.slot():
            b_booked.set()
            assert a_answered.wait(5)
            limiter.sync(0, 60)  # reached the server first: no other call in its count

    thread = threading.Thread(target=call_b)
    thread.start()
    with limiter.slot():
        a_booked.set()
        assert b_booked.wait(5)
        clock.now += 0.5
        limiter.sync(1, 60)
    a_answered.set()
    thread.join(5)
    assert limiter.free() == (58, 0.0)


def test_a_call_that_left_our_window_during_the_next_one_is_not_counted_again():
    """X leaves our window while Y is in flight, but the server counted X when Y reached it
    (its headers: one other). X is not taken for another client's call and stamped again,
    which held a place a window late (360 real albums at 300: the last fact 30 s late)."""
    clock = FakeClock(1000.0)
    limiter = RateLimiter(60, period=60.0, clock=clock, sleep=clock.sleep)
    with limiter.slot():  # X, answered at 1000
        limiter.sync(0, 60)
    clock.now = 1059.99
    with limiter.slot():  # Y, booked at 1059.99; its answer comes at 1060.01
        clock.now = 1060.01
        limiter.sync(1, 60)
    assert limiter.free() == (59, 0.0)  # Y alone in the window


def test_a_count_beyond_our_calls_is_another_clients():
    """A count above every call of ours, answered or in flight, is another client's: padded."""
    clock = FakeClock(1000.0)
    limiter = RateLimiter(60, period=60.0, clock=clock, sleep=clock.sleep)
    with limiter.slot():
        limiter.sync(10, 60)  # 10 calls of another process in the window
    assert limiter.free() == (49, 0.0)


def test_a_count_from_an_answer_that_comes_late_is_ignored():
    clock = FakeClock(1000.0)
    limiter = RateLimiter(60, period=60.0, clock=clock, sleep=clock.sleep)
    booked, answer = threading.Event(), threading.Event()

    def slow_call() -> None:  # booked at 0 s, counted 10th by the server, answered last
        with limiter.slot():
            booked.set()
            answer.wait(5)
            limiter.sync(9, 60)

    thread = threading.Thread(target=slow_call)
    thread.start()
    assert booked.wait(5)
    clock.now += 1.0
    with limiter.slot():  # booked at 1 s, answered first: 58 others in the window
        limiter.sync(58, 60)
    answer.set()
    thread.join(5)
    # 58, the slow call among them (it reached the server 10th, long before), + the call
    # answered first: one place left, then full until the oldest leaves (the late count of 9
    # is older, not lower)
    assert limiter.free() == (1, 0.0)
    with limiter.slot():
        pass
    assert limiter.free() == (0, 60.0)  # (counted from 1 s: when is not in the headers)

