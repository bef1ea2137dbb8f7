"""HTTP plumbing shared by the three API clients: pacing, retries, errors that name no secret."""

from __future__ import annotations

import collections
import contextlib
import email.utils
import logging
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests

from tasks.config import redact

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (5, 30)  # (connect, read) seconds
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
REGROW_WINDOWS = 5
# Discogs asks for a unique, descriptive User-Agent; the others get the same.
USER_AGENT = "discogs-sync/0.1 +https://github.com/discogs-sync/discogs-sync"


class HeaderAuth(requests.auth.AuthBase):
    """Sets the Authorization header of each request (the token never goes in a URL).

    An auth object rather than a plain session header: requests drops it on a redirect to
    another host, and never lets a ~/.netrc login replace it.
    """

    def __init__(self, value: str):
        self.value = value

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = self.value
        return request

    def __repr__(self) -> str:
        return "HeaderAuth(***)"


def new_session(base_url: str, user_agent: str = USER_AGENT,
                auth: requests.auth.AuthBase | None = None, **headers: str) -> requests.Session:
    """One session per service: keep-alive connections, its User-Agent and credentials.

    What requests reads from the environment (proxies, NO_PROXY, the CA bundle) is read here,
    once: on every call it would walk os.environ and look for a ~/.netrc, which at a few
    hundred calls a second was a tenth of the sync's CPU time.
    """
    session = requests.Session()
    session.headers.update({"User-Agent": user_agent, **headers})
    session.auth = auth
    session.proxies.update(requests.utils.get_environ_proxies(base_url))
    session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get(
        "CURL_CA_BUNDLE") or True
    session.trust_env = False
    return session


class ServiceError(Exception):
    """A failed call to an API, with the HTTP status when there was one."""

    def __init__(self, service: str, message: str, status: int | None = None,
                 url: str | None = None):
        self.service = service
        self.detail = redact(message)
        self.status = status
        self.url = redact_url(url) if url else None
        detail = f" (HTTP {status})" if status else ""
        where = f" at {self.url}" if self.url else ""
        super().__init__(redact(f"{service}: {message}{detail}{where}"))

    @property
    def retryable(self) -> bool:
        return self.status is None or self.status in RETRYABLE_STATUSES


class AuthError(ServiceError):
    """Credentials missing or refused: the message names the variable to set."""


_CREDENTIAL_PARAM = re.compile(
    r"(?i)([?&](?:[a-z_]*token|[a-z_]*key|apikey|[a-z_]*secret|password|signature|sig)=)[^&#]*")


def redact_url(url: str) -> str:
    """Mask query values that could carry credentials, and drop any userinfo."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    query = _CREDENTIAL_PARAM.sub(r"\1***", f"?{parts.query}")[1:] if parts.query else ""
    return redact(urlunsplit((parts.scheme, netloc, parts.path, query, "")))


def error_message(response: requests.Response) -> str:
    """The API's own words from an error body, whatever its shape (Discogs, Spotify, OpenAI)."""
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip()
        return text[:200] if text else response.reason or "no message"
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            return str(err.get("message") or err.get("description") or err.get("code") or err)
        if isinstance(err, str):
            return str(body.get("error_description") or err)
        if "message" in body:
            return str(body["message"])
    return str(body)[:200]


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())


class RateLimiter:
    """Paces one API across threads: a sliding window, a concurrency cap, and shared pauses.

    One instance per service per process. When a 429 says "wait", every thread waits, so a
    burst of concurrent tasks does not turn one 429 into a storm of them. With learn=True an
    unknown window limit is learned from the 429s (the calls the server accepted in the window
    before refusing one), and given back one call per clean window afterwards. Until it is
    learned, calls beyond the most a window has taken without a 429 go one at a time: when
    the ceiling is reached, only that one call is refused, not every call then in flight.
    """

    def __init__(self, max_calls: int | None = None, period: float = 60.0,
                 concurrency: int | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, learn: bool = True):
        self.max_calls = max_calls
        self.period = period
        self.clock = clock
        self.sleep = sleep
        self.learn = learn
        self._calls: collections.deque[float] = collections.deque()
        self._lock = threading.Lock()
        self._paused_until = 0.0
        self._pauses: collections.deque[tuple[float, float]] = collections.deque(maxlen=64)
        self._in_flight = 0  # booked, not answered yet
        self._refused: collections.deque[float] = collections.deque()  # 429s in the window
        self._learned_at: float | None = None
        self._ceiling = max_calls  # a configured limit is never raised by the regrowth
        self._proven = 0  # the most calls a window has held without a 429 (limit unknown)
        self._answered = threading.Condition(self._lock)
        self._slots = threading.BoundedSemaphore(concurrency) if concurrency else None
        self.waited = 0.0

    def _reserve(self) -> tuple[float, float | None]:
        """Book a call now if allowed: (0, its stamp); else (how long to wait, None)."""
        with self._lock:
            while True:
                now = self.clock()
                while self._calls and self._calls[0] + self.period <= now:
                    self._calls.popleft()
                if not (self._probing() and self._in_flight
                        and len(self._calls) >= self._proven):
                    break
                # Beyond what a window has proven to take: one call at a time.
                self._answered.wait(timeout=self.period / 10)
            if now < self._paused_until:
                return self._paused_until - now, None
            self._regrow(now)
            if self.max_calls is not None and len(self._calls) >= self.max_calls:
                return self._calls[0] + self.period - now, None
            self._calls.append(now)
            self._in_flight += 1
            return 0.0, now

    def _probing(self) -> bool:
        return self.learn and self.max_calls is None

    def _regrow(self, now: float) -> None:
        """Five windows without a 429 since the limit was learned: allow one call more (a
        long-lived process must not stay slow after one storm, nor probe the limit often)."""
        if self._learned_at is None or now - self._learned_at < REGROW_WINDOWS * self.period:
            return
        if self._refused and now - self._refused[-1] < REGROW_WINDOWS * self.period:
            return
        if self._ceiling is not None and self.max_calls is not None \
                and self.max_calls >= self._ceiling:
            return
        self.max_calls = (self.max_calls or 0) + 1
        self._learned_at = now

    def _restamp(self, booked: float) -> None:
        """Count a call from its answer: the server counted it at some moment before that, so
        our window never frees a place before the server's does (no 429 at the boundary)."""
        with self._lock:
            self._in_flight -= 1
            self._answered.notify_all()
            # In flight longer than a window, its booking has expired; the call has not.
            with contextlib.suppress(ValueError):
                self._calls.remove(booked)
            self._calls.append(self.clock())  # the latest stamp: the deque stays in order
            if self._probing():  # still no 429: the window took all of these
                self._proven = max(self._proven, len(self._calls) - self._in_flight)

    @contextmanager
    def slot(self) -> Iterator[None]:
        if self._slots:
            self._slots.acquire()
        booked = None
        try:
            while True:
                wait, booked = self._reserve()
                if booked is not None:
                    break
                self.waited += min(wait, 5.0)
                self.sleep(min(wait, 5.0))
            yield
        finally:
            if booked is not None:
                self._restamp(booked)
            if self._slots:
                self._slots.release()

    def pause(self, seconds: float) -> None:
        """Hold every caller for seconds (a 429's Retry-After, or an exhausted quota)."""
        with self._lock:
            now = self.clock()
            until = max(self._paused_until, now + seconds)
            if self._pauses and self._pauses[-1][1] >= now:  # one pause, made longer
                self._pauses[-1] = (self._pauses[-1][0], until)
            else:
                self._pauses.append((now, until))
            self._paused_until = until

    def recent_pauses(self) -> list[tuple[float, float]]:
        """The last pauses, (start, end) on this limiter's clock: the time a progress rate
        must leave out (a Retry-After wait is not the API's steady pace)."""
        with self._lock:
            return list(self._pauses)

    def learn_limit(self) -> None:
        """After a 429, cap the window at the calls the server accepted in it."""
        if not self.learn:
            return
        with self._lock:
            now = self.clock()
            storm = bool(self._refused) and now - self._refused[-1] < self.period / 10
            self._refused.append(now)
            while self._refused[0] + self.period <= now:
                self._refused.popleft()
            if storm:
                return  # the same burst refused again: learn once per storm
            # Neither the calls still in flight nor the refused ones counted for the server;
            # the refused call itself (still in its slot) is among both: count it once.
            accepted = sum(1 for t in self._calls if now - t < self.period) \
                - max(0, self._in_flight - 1) - len(self._refused)
            if accepted < 1:
                return  # a 429 with nothing accepted before it says nothing about the rate
            if self.max_calls is None or accepted < self.max_calls:
                self.max_calls = accepted
                self._learned_at = now

    def set_limit(self, max_calls: int) -> None:
        with self._lock:
            self.max_calls = max_calls
            self._ceiling = max_calls


def backoff_delay(attempt: int, base: float = 1.0, cap: float = 30.0) -> float:
    """Exponential backoff with full jitter (attempt counts from 1)."""
    return random.uniform(0, min(cap, base * 2 ** (attempt - 1)))


def send(
    session: requests.Session,
    method: str,
    url: str,
    *,
    service: str,
    limiter: RateLimiter | None = None,
    sleep: Callable[[float], None] = time.sleep,
    max_attempts: int = 4,
    backoff: float = 1.0,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    on_response: Callable[[requests.Response], None] | None = None,
    counter: Callable[[], None] | None = None,
    **kwargs: Any,
) -> requests.Response:
    """Send a request, retrying timeouts, connection errors, 5xx and 429 (honouring Retry-After).

    Returns the response for any other status; the caller decides what a 4xx means.
    A 429 does not use up an attempt unless it keeps coming (a storm is bounded too).
    """
    attempt = 0
    throttled = 0
    last_problem = "no answer"
    last_status: int | None = None
    while True:
        attempt += 1
        response = None
        with limiter.slot() if limiter else _nothing():
            if counter:
                counter()
            try:
                response = session.request(method, url, timeout=timeout, **kwargs)
            except requests.Timeout:
                last_problem, last_status = "timed out", None
            except requests.ConnectionError as exc:
                last_problem, last_status = f"connection failed ({type(exc).__name__})", None
            # Still holding the slot: a thread waiting for it must see the pause, not fire
            # into the same 429 (and the rate-limit headers must pace the next caller).
            if response is not None:
                if on_response:
                    on_response(response)
                if response.status_code == 429:
                    throttled += 1
                    wait = parse_retry_after(response.headers.get("Retry-After"))
                    if wait is None:
                        wait = backoff_delay(throttled, base=backoff)
                    log.warning("%s asked us to slow down (429); waiting %.1f s", service, wait)
                    if limiter:
                        limiter.learn_limit()
                        limiter.pause(wait)
        if response is not None:
            if response.status_code == 429:
                if not limiter:
                    sleep(wait)
                if throttled < 10:
                    attempt -= 1  # pacing, not a failure
                last_problem, last_status = "rate limited", 429
            elif response.status_code >= 500:
                last_problem, last_status = error_message(response), response.status_code
            else:
                return response
        if attempt >= max_attempts:
            raise ServiceError(service, f"{last_problem} after {max_attempts} attempts",
                               status=last_status, url=url)
        if last_status != 429:
            sleep(backoff_delay(attempt, base=backoff))


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def json_body(response: requests.Response, service: str) -> Any:
    """Decode a JSON body, or fail naming the service and URL (never the payload)."""
    try:
        return response.json()
    except ValueError as exc:
        raise ServiceError(service, f"malformed JSON in the answer ({exc})",
                           status=response.status_code, url=response.url) from None


def now_utc() -> datetime:
    return datetime.now(UTC)


def header_int(headers: Mapping[str, str], name: str) -> int | None:
    try:
        return int(headers[name])
    except (KeyError, ValueError):
        return None
