"""HTTP plumbing shared by the three API clients: pacing, retries, errors that name no secret."""

from __future__ import annotations

import collections
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
REGROW_WINDOWS = 5  # clean windows at a learned ceiling before it is probed one call higher
FULL_WINDOW = 0.9  # counts within this share: about the same (two 429s), about full (a window)
MAX_SLEEP = 5.0  # a waiting caller looks again at least this often
MAX_THROTTLED = 50  # 429s in a row that are pacing, not failures, for one call
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


class GaveUp(Exception):
    """A call stopped waiting for its place (its give_up event was set): nothing was sent."""


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


class Ticket:
    """One call's place in a RateLimiter; send() marks it refused on a 429."""

    __slots__ = ("booked", "refused", "probe")

    def __init__(self, booked: float, probe: bool = False) -> None:
        self.booked = booked
        self.refused = False
        self.probe = probe  # booked above the last limit that held (RateLimiter._proven)


class Places:
    """At most size calls at once, handed out first to the calls that are not `later`: a
    later call waits while another waits (Spotify's album details give way to searches, which
    find what a lookup asks next, a Discogs fact among them). A freed place wakes one waiter,
    not all: a sync has a few hundred lookups waiting here."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._busy = 0
        self._lock = threading.Lock()
        self._turns = (threading.Condition(self._lock), threading.Condition(self._lock))
        self._waiting = [0, 0]  # first, later

    @contextmanager
    def held(self, later: bool = False) -> Iterator[None]:
        with self._lock:
            self._waiting[later] += 1
            try:
                while self._busy >= self.size or (later and self._waiting[0]):
                    self._turns[later].wait()
            except BaseException:  # interrupted: no later call waits for a first one gone
                self._waiting[later] -= 1
                self._wake()
                raise
            self._waiting[later] -= 1
            self._busy += 1
            self._wake()  # a place may be left, for a later call now that no first one waits
        try:
            yield
        finally:
            with self._lock:
                self._busy -= 1
                self._wake()

    def _wake(self) -> None:
        if self._busy < self.size:
            if self._waiting[0]:
                self._turns[0].notify()
            elif self._waiting[1]:
                self._turns[1].notify()


class RateLimiter:
    """Paces one API across threads: a concurrency cap, Retry-After pauses that hold every
    caller, and a moving window of max_calls answered calls per period when the limit is known.

    One instance per service per process. The limit is configured, or given by the API's
    headers (sync), or learned (learn=True): unknown at first, calls go as fast as the
    concurrency cap lets them. Two 429s at about the same count of calls accepted in the window
    (a window apart: Spotify's rolling window refuses at its ceiling every time) teach the
    ceiling; one alone may be a storm, so it is only waited out (or the ceiling came down, or
    the limit learned is too high: a second at the same count will tell). A storm's further
    429s (no call accepted in between) teach nothing. After REGROW_WINDOWS clean windows at
    the ceiling that held callers back, the limit is probed one call higher (the ceiling may
    have risen); each probe that passes brings the next one a window later with twice the
    step (at most a tenth more), so a ceiling learned too low is found again in a few windows.
    A probe refused brings the limit back to the one that held, never below; the calls above
    that limit go one at a time, so a probe costs one 429, not one for each call sent beside
    it.
    """

    def __init__(self, max_calls: int | None = None, period: float = 60.0,
                 concurrency: int | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, learn: bool = True):
        self.max_calls = max_calls
        self.period = period
        self.clock = clock
        self.sleep = sleep
        self.learn = learn and max_calls is None  # a configured limit is neither learned nor probed
        # The accepted calls in the window: (answered, booked), in the order of their answers.
        self._answered: collections.deque[tuple[float, float]] = collections.deque()
        self._flying: set[Ticket] = set()  # the calls in flight
        self._paused_until = 0.0
        self._storm = False  # the last answer was a 429
        self._refused_at = float("-inf")  # when the last 429 came
        # A 429's count of accepted calls, until the calls in flight beside it are answered:
        # [accepted so far, their tickets still to answer].
        self._counting: list | None = None
        self._clean_since = clock()  # no 429 since
        self._held = False  # the window made a caller wait since _clean_since
        self._step = 1  # the next probe above the ceiling
        self._suspect: int | None = None  # the calls a window held at the last storm's 429
        self._proven: int | None = None  # the last limit that held a full window
        self._probing = 0  # calls in flight booked above it
        self._lock = threading.Lock()
        self._pauses: collections.deque[tuple[float, float]] = collections.deque(maxlen=64)
        self._places = Places(concurrency) if concurrency else None
        self._mine = threading.local()  # the ticket of the call this thread is making
        self._synced = float("-inf")  # when the call whose headers we took was booked
        self.waited = 0.0

    def _expire(self, now: float) -> None:
        while self._answered and self._answered[0][0] + self.period <= now:
            self._answered.popleft()

    def _reserve(self) -> tuple[float, Ticket | None]:
        """Book a call now if allowed: (0.0, its ticket), else (how long to wait, None)."""
        with self._lock:
            now = self.clock()
            self._expire(now)
            self._grow(now)
            if now < self._paused_until:
                return self._paused_until - now, None
            # Calls in flight will be answered inside the window: they count already.
            count = len(self._answered) + len(self._flying)
            if self.max_calls is not None and count >= self.max_calls:
                self._held = True
                return (self._answered[0][0] + self.period - now if self._answered
                        else self.period / 10), None
            probe = self.max_calls is not None and self._proven is not None \
                and count >= self._proven
            if probe and self._probing:
                return self.period / 1000, None  # after the probe in flight is answered
            self._probing += probe
            ticket = Ticket(now, probe)
            self._flying.add(ticket)
            return 0.0, ticket

    def _grow(self, now: float) -> None:
        """Probe above a learned limit that held callers back through clean windows."""
        if not (self.learn and self.max_calls is not None and self._held):
            return
        clean = now - self._clean_since
        if clean >= self.period:
            self._proven = self.max_calls  # a window at the limit, and no 429: it holds
        if clean >= (REGROW_WINDOWS if self._step == 1 else 1) * self.period:
            # At most a tenth more: a probe refused still finds the window about full.
            self.max_calls += min(self._step, max(1, self.max_calls // 10))
            self._step *= 2
            self._clean_since, self._held = now, False

    @contextmanager
    def slot(self, later: bool = False,
             give_up: threading.Event | None = None) -> Iterator[Ticket]:
        """Hold a place for one call; its answer is counted in the window when it ends (the
        server counted it at some moment before: our window never frees a place first).
        later: the call gives way to the others waiting for a place (Places).
        give_up: set while the call waits for the window (or a pause), it raises GaveUp; a
        call with a place free goes at once, set or not."""
        with self._places.held(later) if self._places else _nothing():
            while True:
                wait, ticket = self._reserve()
                if ticket is not None:
                    break
                wait = min(wait, MAX_SLEEP)  # then look again: a pause or limit may change
                self.waited += wait
                if give_up is None:
                    self.sleep(wait)
                elif give_up.wait(wait):
                    raise GaveUp
            self._mine.ticket = ticket
            try:
                yield ticket
            finally:
                with self._lock:
                    self._probing -= ticket.probe
                    self._flying.discard(ticket)
                    if not ticket.refused:
                        self._answered.append((self.clock(), ticket.booked))
                        self._storm = False
                    counting = self._counting
                    if counting is not None and ticket in counting[1]:
                        counting[0] += not ticket.refused
                        counting[1].discard(ticket)
                        if not counting[1]:
                            self._counting = None
                            self._learn(counting[0])

    def free(self) -> tuple[int | None, float]:
        """(calls that may go now, None for any number; seconds until one more may), for a
        caller with something better to do than wait in slot()."""
        with self._lock:
            now = self.clock()
            self._expire(now)
            if now < self._paused_until:
                return 0, self._paused_until - now
            if self.max_calls is None:
                return None, 0.0
            left = self.max_calls - len(self._answered) - len(self._flying)
            if left > 0:
                return left, 0.0
            return 0, (self._answered[0][0] + self.period - now if self._answered
                       else self.period / 10)

    def pause(self, seconds: float) -> None:
        """Hold every caller for seconds (an exhausted quota)."""
        with self._lock:
            self._hold(self.clock(), seconds)

    def _hold(self, now: float, seconds: float) -> None:
        """Pause every caller (lock held); the pause is kept for recent_pauses."""
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

    def throttled(self, ticket: Ticket, wait: float) -> None:
        """A 429 for the call holding ticket: every caller waits `wait` (its Retry-After),
        and an unknown limit is learned from it."""
        with self._lock:
            now = self.clock()
            ticket.refused = True  # the server did not count it
            self._hold(now, wait)
            self._clean_since, self._held = max(self._clean_since, now + wait), False
            storm_goes_on, self._storm = self._storm, True
            # A call sent before the last 429 came was sent beside the refused one: its 429 is
            # the same event (a second one at the same count would teach a ceiling at once).
            beside, self._refused_at = ticket.booked <= self._refused_at, now
            if not self.learn or storm_goes_on or beside:
                return
            self._step = 1
            # The calls booked within a window of this one's reached the server within it (a
            # count never above the server's: answers come later than it counts them). Those
            # in flight beside it are counted as they are answered, those it accepted: one
            # booked before it reached the server first, and so did one booked after it that
            # the server accepted, from a standing start (its window, filling, frees no place
            # before the refusal: a call after it is refused). Left out, such a call made the
            # first count, the ceiling learned, a call low (149 of 150 at 1,000 albums: five
            # windows a call short until the first probe, the last requests in a window more).
            accepted = sum(1 for _, booked in self._answered
                           if booked > ticket.booked - self.period)
            beside_it = self._flying - {ticket}
            if self._counting is not None:  # an earlier count never finished: as it stands
                self._learn(self._counting[0])
            self._counting = [accepted, beside_it] if beside_it else None
            if not beside_it:
                self._learn(accepted)

    def _learn(self, accepted: int) -> None:
        """What a 429 at `accepted` calls in the window teaches (lock held)."""
        if accepted < 1:
            return  # a 429 with nothing accepted before it says nothing about the rate
        suspect, self._suspect = self._suspect, None
        known, proven = self.max_calls, self._proven
        full = known is not None and accepted >= FULL_WINDOW * known
        again = suspect is not None and \
            FULL_WINDOW * suspect <= accepted <= suspect / FULL_WINDOW
        if known is not None and proven is not None and known > proven:
            # A probe refused: the ceiling is below it, and at least the limit that held.
            self.max_calls = max(proven, min(accepted, known - 1))
        elif again:
            # A second 429 at about the same count: the ceiling. Not known yet, the first
            # count: calls went as fast as allowed, and a burst from a standing start, counted
            # once its calls in flight are answered, is the server's count. A later one is
            # taken at a window's edge, where ours and the server's differ by the calls booked
            # about a window before, either way. Known: below a limit refused twice.
            self.max_calls = suspect if known is None \
                else min(max(accepted, suspect), known - 1)
        else:  # a storm, or the ceiling (first met, or come down): the next 429 will tell
            self._suspect = accepted
            if full and known != proven:
                # At a limit that never held a window, and our window about full: the
                # limit may be a call too high (two counts can each hold a call the
                # server refused): one fewer. A storm then costs one call a window until
                # the probes find it again.
                self.max_calls = max(1, known - 1)
        if self._proven is not None and self.max_calls is not None:
            self._proven = min(self._proven, self.max_calls)

    def sync(self, others: int | None, limit: int | None = None) -> None:
        """Take the API's own count from its rate-limit headers, for the call this thread is
        making: the limit, and how many calls the server's window holds besides this one.

        The server's view beats ours: it knows the calls of other processes, and when its
        window frees a place (an API that says it holds 1 is never waited for). Answers come in
        any order: a call booked before the last one whose count was taken tells nothing newer.
        """
        ticket = getattr(self._mine, "ticket", None)
        with self._lock:
            if limit:
                self.max_calls = limit
            if others is None or (ticket is not None and ticket.booked < self._synced):
                return
            if ticket is not None:
                self._synced = ticket.booked
            # The server counted when this call reached it, after it was booked: a call of
            # ours that has left our window since may be in the count (expired at now, it was
            # taken for another client's and stamped again, a window late).
            self._expire(min(ticket.booked, self.clock()) if ticket is not None
                         else self.clock())
            # Only the calls answered before this one was booked surely reached the server
            # before it: those beyond its count have left its window. A call answered since
            # may have reached it after this one (threads race to the wire): it stays.
            booked = ticket.booked if ticket is not None else float("inf")
            before = sum(1 for answered, _ in self._answered if answered <= booked)
            for _ in range(before - max(0, others)):
                self._answered.popleft()
            # Our other calls in flight may be in its count already (those booked after this
            # one too: threads race to the wire), and are in our window once answered: only
            # a count beyond them all is another client's. Stamped again here they were
            # counted twice, and a minute late: after a burst of 50 Discogs fetches the last
            # facts of a sync waited 30 s, or a whole window, for places that were free.
            now = self.clock()
            flying = len(self._flying) - (ticket is not None)
            while len(self._answered) + flying < others:
                self._answered.append((now, now))  # when it counted them is unknown: now


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
    later: bool = False,
    give_up: threading.Event | None = None,
    **kwargs: Any,
) -> requests.Response:
    """Send a request, retrying timeouts, connection errors, 5xx and 429 (honouring Retry-After).

    Returns the response for any other status; the caller decides what a 4xx means.
    A 429 does not use up an attempt unless MAX_THROTTLED come in a row (a storm is bounded).
    give_up: RateLimiter.slot's; GaveUp leaves before a request that waited for it is sent.
    """
    attempt = 0
    throttled = 0
    last_problem = "no answer"
    last_status: int | None = None
    while True:
        attempt += 1
        response = None
        with limiter.slot(later, give_up) if limiter else _nothing() as ticket:
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
                        limiter.throttled(ticket, wait)
        if response is not None:
            if response.status_code == 429:
                if not limiter:
                    sleep(wait)
                if throttled < MAX_THROTTLED:
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
    yield None


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
