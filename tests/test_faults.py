"""Fault injection end to end: the flow against the local fake APIs when they misbehave.

Every scenario checks the same promises: the run finishes what it can, records per album what
failed and why, the next run retries only those, and no row loaded before is lost or doubled.
"""

from __future__ import annotations

import inspect
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest
import requests

from tasks.discogs import PAGE_WORKERS
from tasks.fake_apis import Catalog, FakeApis, FakeConfig, Fault

pytestmark = pytest.mark.usefixtures("prefect_harness")

CATALOG = Catalog.synthetic(60, seed=7)
ENRICH_OFF = {"spotify": False, "ai": False}


# --- helpers -----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch):
    monkeypatch.setattr("tasks.http.backoff_delay", lambda *a, **k: 0.0)


@contextmanager
def serving(monkeypatch, catalog: Catalog = CATALOG, **config) -> Iterator[FakeApis]:
    """The fake APIs with this config, and the environment pointing the flow at them."""
    with FakeApis(catalog, FakeConfig(**config)) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        yield fake


def run_flow(tmp_path: Path, **params) -> dict:
    from flows.discogs_sync import discogs_sync

    return discogs_sync(db_path=str(tmp_path / "c.duckdb"), out_dir=str(tmp_path / "site"),
                        **params)


def rows(tmp_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def titles(catalog: Catalog) -> Counter[str]:
    return Counter(r["basic_information"]["title"].strip() for r in catalog.releases)


def victims(catalog: Catalog, n: int) -> list[str]:
    """n titles owned once, by a named artist, that no other title contains (for Fault.title)."""
    counts = titles(catalog)
    chosen = []
    for item in catalog.releases:
        info = item["basic_information"]
        title = info["title"].strip()
        if counts[title] != 1 or info["artists"][0]["name"] == "Various":
            continue
        if any(title.casefold() in other.casefold() for other in counts if other != title):
            continue
        chosen.append(title)
        if len(chosen) == n:
            return chosen
    raise AssertionError("the catalog has too few distinct titles")


def key_of(tmp_path: Path, title: str) -> str:
    [(key,)] = rows(tmp_path, "SELECT DISTINCT album_key FROM releases WHERE title = ?", [title])
    return key


def assert_collection_intact(tmp_path: Path, catalog: Catalog = CATALOG) -> None:
    """Every copy of the catalog exactly once, none marked removed."""
    copies = Counter(int(r["id"]) for r in catalog.releases)
    loaded = rows(tmp_path, "SELECT release_id, count(*), count(removed_at) FROM releases "
                            "GROUP BY release_id")
    assert {rid: n for rid, n, _ in loaded} == dict(copies)
    assert sum(removed for _, _, removed in loaded) == 0


def assert_enrichment_covers_every_album(tmp_path: Path) -> None:
    """One Spotify row and one description row per album; an error row always says why."""
    keys = {k for (k,) in rows(tmp_path, "SELECT DISTINCT album_key FROM releases")}
    for table in ("spotify_matches", "ai_descriptions"):
        got = rows(tmp_path, f"SELECT album_key, status, error FROM {table}")
        assert {k for k, _, _ in got} == keys, table
        assert all(error for _, status, error in got if status == "error"), table


def attempts(tmp_path: Path) -> dict[str, dict[str, object]]:
    """When each album was last tried, per service: what a rerun changes."""
    return {
        "spotify": dict(rows(tmp_path, "SELECT album_key, checked_at FROM spotify_matches")),
        "ai": dict(rows(tmp_path, "SELECT album_key, generated_at FROM ai_descriptions")),
    }


def errors(tmp_path: Path) -> dict[str, dict[str, str]]:
    return {
        "spotify": dict(rows(tmp_path, "SELECT album_key, error FROM spotify_matches "
                                       "WHERE status = 'error'")),
        "ai": dict(rows(tmp_path, "SELECT album_key, error FROM ai_descriptions "
                                  "WHERE status = 'error'")),
    }


def retried(before: dict, after: dict) -> dict[str, set[str]]:
    return {service: {k for k in after[service] if after[service][k] != before[service].get(k)}
            for service in after}


def last_run(tmp_path: Path) -> dict:
    cursor_rows = rows(tmp_path, "SELECT status, message, albums_fetched, added, removed, "
                                 "spotify_errors, ai_failed FROM sync_runs "
                                 "ORDER BY started_at DESC LIMIT 1")
    names = ("status", "message", "albums_fetched", "added", "removed", "spotify_errors",
             "ai_failed")
    return dict(zip(names, cursor_rows[0], strict=True))


@pytest.fixture
def short_timeouts(monkeypatch):
    """Cap every client timeout at half a second, so a stalled server costs little test time."""
    real = requests.Session.request

    def request(self, method, url, *args, **kwargs):
        connect, read = kwargs["timeout"]
        kwargs["timeout"] = (min(connect, 1.0), min(read, 0.5))
        return real(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", request)


# --- 5xx, timeouts, resets, malformed JSON -----------------------------------------------------

FAULT_KINDS = {
    "500": ({"action": "status", "status": 500}, "HTTP 500"),
    "502 html page": ({"action": "status", "status": 502,
                       "body": "<html><body><h1>502 Bad Gateway</h1></body></html>"}, "HTTP 502"),
    "timeout": ({"action": "timeout", "seconds": 1.5}, "timed out"),
    "connection reset": ({"action": "reset"}, "connection failed"),
    "malformed JSON": ({"action": "malformed"}, "malformed JSON"),
}


@pytest.mark.parametrize("kind", list(FAULT_KINDS))
def test_albums_that_keep_failing_are_recorded_and_only_they_are_retried(
        tmp_path, monkeypatch, short_timeouts, kind):
    fault, reason = FAULT_KINDS[kind]
    on_spotify, on_euria = victims(CATALOG, 2)
    faults = [Fault(service="spotify", title=on_spotify, **fault),
              Fault(service="euria", title=on_euria, **fault)]
    if kind == "malformed JSON":  # not retried: the optional Discogs calls just go without
        faults += [Fault(service="discogs", path="/collection/fields", **fault),
                   Fault(service="discogs", path="/collection/value", **fault)]
    else:  # a burst shorter than the retries on the collection pages is absorbed
        faults += [Fault(service="discogs", path="/collection/folders", times=2, **fault)]

    with serving(monkeypatch, faults=faults) as fake:
        summary = run_flow(tmp_path)
        assert fake.stats.faults["discogs"] >= 2

    assert summary["albums"] == len({int(r["id"]) for r in CATALOG.releases})
    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    spotify_key, euria_key = key_of(tmp_path, on_spotify), key_of(tmp_path, on_euria)
    failed = errors(tmp_path)
    assert set(failed["spotify"]) == {spotify_key} and set(failed["ai"]) == {euria_key}
    assert reason in failed["spotify"][spotify_key] and reason in failed["ai"][euria_key]
    assert failed["spotify"][spotify_key].startswith("Spotify: ")
    assert failed["ai"][euria_key].startswith("EurIA: ")
    run = last_run(tmp_path)
    assert (run["status"], run["spotify_errors"], run["ai_failed"]) == ("completed", 1, 1)
    before = attempts(tmp_path)

    with serving(monkeypatch) as fake:
        second = run_flow(tmp_path)
        assert fake.stats.endpoints["euria.chat"] == 1

    assert (second["added"], second["removed"]) == (0, 0)
    assert retried(before, attempts(tmp_path)) == {"spotify": {spotify_key}, "ai": {euria_key}}
    assert errors(tmp_path) == {"spotify": {}, "ai": {}}
    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    assert rows(tmp_path, "SELECT count(*) FROM sync_runs") == [(2,)]


def test_a_5xx_burst_shorter_than_the_retries_costs_nothing(tmp_path, monkeypatch):
    burst = [Fault(service=s, status=503, times=3)
             for s in ("discogs", "spotify_token", "spotify", "euria")]
    with serving(monkeypatch, faults=burst) as fake:
        run_flow(tmp_path)
        assert fake.stats.faults == Counter(
            {"discogs": 3, "spotify_token": 3, "spotify": 3, "euria": 3})

    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    assert errors(tmp_path) == {"spotify": {}, "ai": {}}
    assert last_run(tmp_path)["status"] == "completed"


# --- 429 storms --------------------------------------------------------------------------------


def test_a_429_storm_is_waited_out(tmp_path, monkeypatch):
    # Time-compressed pacing windows (the benchmark's knob), and no EurIA storm: its window is
    # not scaled, and after a storm each client crawls (see the xfail test below).
    monkeypatch.setenv("DISCOGS_SYNC_TIME_SCALE", "0.001")
    storm = [Fault(service="discogs", status=429, headers={"Retry-After": "0"}, times=8),
             Fault(service="spotify", status=429, headers={"Retry-After": "0"}, times=12)]
    with serving(monkeypatch, faults=storm) as fake:
        run_flow(tmp_path)
        assert fake.stats.faults == Counter({"discogs": 8, "spotify": 12})

    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    assert errors(tmp_path) == {"spotify": {}, "ai": {}}


def _client(service: str, fake: FakeApis):
    from tasks.discogs import DiscogsClient
    from tasks.euria import EuriaClient
    from tasks.spotify import SpotifyClient

    env = fake.env()
    if service == "discogs":
        client = DiscogsClient(env["DISCOGS_TOKEN"], env["DISCOGS_API_URL"])
        return lambda: client.get("/users/demo/collection/value")
    if service == "spotify":
        client = SpotifyClient(env["SPOTIFY_CLIENT_ID"], env["SPOTIFY_CLIENT_SECRET"],
                               api_url=env["SPOTIFY_API_URL"],
                               accounts_url=env["SPOTIFY_ACCOUNTS_URL"])
        return lambda: client.search_albums("album:'Blue Train'")
    client = EuriaClient(env["EURIA_API_KEY"], env["EURIA_API_URL"], model="qwen3")
    return lambda: client.complete([{"role": "user", "content": "Title: Blue Train"}], 50)


@pytest.mark.parametrize("service", ["discogs", "spotify", "euria"])
def test_after_a_429_storm_the_client_runs_at_full_speed(monkeypatch, service):
    storm = [Fault(service=service, status=429, headers={"Retry-After": "0"}, times=3)]
    with serving(monkeypatch, faults=storm) as fake:
        call = _client(service, fake)
        done: list[float] = []

        def ten_calls() -> None:
            for _ in range(10):
                try:
                    call()
                except Exception:  # noqa: BLE001 - the fake is gone once the test gave up
                    return
                done.append(time.monotonic())

        worker = threading.Thread(target=ten_calls, daemon=True)
        worker.start()
        worker.join(timeout=5)  # the storm is over after the third answer
        assert len(done) == 10, f"{len(done)} of 10 calls answered within 5 s of a 429 storm"
        assert fake.stats.faults[service] == 3


# --- Spotify token ---------------------------------------------------------------------------


@contextmanager
def after_searches(fake: FakeApis, count: int, action) -> Iterator[threading.Event]:
    """Call action() once the fake has answered `count` Spotify searches (mid-run)."""
    fired, stop = threading.Event(), threading.Event()

    def watch() -> None:
        while not stop.is_set():
            if fake.stats.endpoints["spotify.search"] >= count:
                action()
                fired.set()
                return
            time.sleep(0.005)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield fired
    finally:
        stop.set()
        watcher.join(timeout=2)


def test_a_spotify_token_expiring_mid_run_is_renewed(tmp_path, monkeypatch):
    with serving(monkeypatch) as fake, after_searches(fake, 10, fake.expire_spotify_tokens) \
            as fired:
        run_flow(tmp_path)
        assert fired.is_set()
        assert fake.stats.endpoints["spotify_token.token"] >= 2

    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    assert errors(tmp_path)["spotify"] == {}


def test_spotify_credentials_revoked_mid_run_stop_spotify_and_say_so(tmp_path, monkeypatch):
    from flows.summary import RunFailed

    with serving(monkeypatch) as fake:
        def revoke() -> None:
            fake.config.spotify_client_secret = "revoked"
            fake.expire_spotify_tokens()

        with after_searches(fake, 10, revoke), pytest.raises(RunFailed) as failure:
            run_flow(tmp_path)

    assert "SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET" in str(failure.value)
    assert_collection_intact(tmp_path)
    run = last_run(tmp_path)
    assert run["status"] == "failed" and "Spotify" in run["message"]
    assert rows(tmp_path, "SELECT count(*) FROM ai_descriptions WHERE status = 'generated'") == \
        rows(tmp_path, "SELECT count(DISTINCT album_key) FROM releases")

    with serving(monkeypatch):
        run_flow(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    assert errors(tmp_path) == {"spotify": {}, "ai": {}}


# --- a whole service down ----------------------------------------------------------------------


@pytest.mark.parametrize("down", [("spotify_token", "spotify"), ("spotify",)],
                         ids=["accounts and api", "api only"])
def test_spotify_down_all_run(tmp_path, monkeypatch, down):
    with serving(monkeypatch, faults=[Fault(service=s, status=503) for s in down]):
        run_flow(tmp_path)

    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    albums = {k for (k,) in rows(tmp_path, "SELECT DISTINCT album_key FROM releases")}
    failed = errors(tmp_path)
    assert set(failed["spotify"]) == albums and failed["ai"] == {}
    assert all("Spotify" in e and "503" in e for e in failed["spotify"].values())
    assert last_run(tmp_path)["spotify_errors"] == len(albums)
    before = attempts(tmp_path)

    with serving(monkeypatch) as fake:
        run_flow(tmp_path)
        assert fake.stats.endpoints["euria.chat"] == 0

    assert retried(before, attempts(tmp_path)) == {"spotify": albums, "ai": set()}
    assert errors(tmp_path) == {"spotify": {}, "ai": {}}
    assert_collection_intact(tmp_path)


def test_euria_down_all_run(tmp_path, monkeypatch):
    with serving(monkeypatch, faults=[Fault(service="euria", status=503)]):
        summary = run_flow(tmp_path)

    assert summary["ai_described"] == 0
    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
    albums = {k for (k,) in rows(tmp_path, "SELECT DISTINCT album_key FROM releases")}
    failed = errors(tmp_path)
    assert set(failed["ai"]) == albums and failed["spotify"] == {}
    assert all(e.startswith("EurIA: ") and "503" in e for e in failed["ai"].values())
    assert last_run(tmp_path)["ai_failed"] == len(albums)
    page = json.loads((tmp_path / "site" / "collection.json").read_text(encoding="utf-8"))
    assert len(page["albums"]) == summary["albums"]
    before = attempts(tmp_path)

    with serving(monkeypatch) as fake:
        run_flow(tmp_path)
        assert fake.stats.requests["spotify"] == 0

    assert retried(before, attempts(tmp_path)) == {"spotify": set(), "ai": albums}
    assert errors(tmp_path) == {"spotify": {}, "ai": {}}


# --- Discogs extraction ------------------------------------------------------------------------


@pytest.fixture
def twenty_pages(monkeypatch) -> Catalog:
    """200 copies, served 10 a page: the fake clamps per_page as Discogs does (to 100)."""
    monkeypatch.setattr("tasks.fake_apis.discogs.DISCOGS_MAX_PER_PAGE", 10)
    return Catalog.synthetic(200, seed=3)


@pytest.mark.parametrize("fault", [{"status": 500}, {"action": "reset"}, {"action": "malformed"}],
                         ids=["500", "reset", "malformed"])
def test_discogs_failing_on_page_7_of_20_marks_nothing_removed(
        tmp_path, monkeypatch, twenty_pages, fault):
    from flows.summary import RunFailed

    with serving(monkeypatch, twenty_pages):
        run_flow(tmp_path, **ENRICH_OFF)
    first_seen = rows(tmp_path, "SELECT release_id, copy_no, first_seen_at FROM releases")
    page_before = json.loads((tmp_path / "site" / "collection.json").read_text())["albums"]

    broken = Fault(service="discogs", path="/collection/folders", query="page=7&", **fault)
    with serving(monkeypatch, twenty_pages, faults=[broken]) as fake, \
            pytest.raises(RunFailed, match="collection page 7 failed") as failure:
        run_flow(tmp_path, **ENRICH_OFF)
    pages = [int(parse_qs(urlsplit(call[2]).query)["page"][0]) for call in fake.stats.calls
             if "/collection/folders/" in call[2]]
    # It stopped there, and said so: only the pages fetched beside page 7 were asked for.
    assert max(pages) <= 7 + PAGE_WORKERS - 1
    assert "after 60 albums" in str(failure.value)

    assert_collection_intact(tmp_path, twenty_pages)
    assert sorted(rows(tmp_path, "SELECT release_id, copy_no, first_seen_at FROM releases")) == \
        sorted(first_seen)
    run = last_run(tmp_path)
    assert (run["status"], run["albums_fetched"], run["added"], run["removed"]) == (
        "failed", 60, 0, 0)
    assert "page 7" in run["message"]
    assert json.loads((tmp_path / "site" / "collection.json").read_text())["albums"] == \
        page_before

    with serving(monkeypatch, twenty_pages):
        third = run_flow(tmp_path, **ENRICH_OFF)
    assert (third["added"], third["removed"]) == (0, 0)
    assert_collection_intact(tmp_path, twenty_pages)
    assert last_run(tmp_path)["status"] == "completed"


def test_discogs_failing_on_page_7_of_a_first_run_loads_pages_1_to_6(
        tmp_path, monkeypatch, twenty_pages):
    from flows.summary import RunFailed

    broken = Fault(service="discogs", path="/collection/folders", query="page=7&", status=502)
    with serving(monkeypatch, twenty_pages, faults=[broken]), pytest.raises(RunFailed):
        run_flow(tmp_path, **ENRICH_OFF)
    assert rows(tmp_path, "SELECT count(*), count(removed_at) FROM releases") == [(60, 0)]

    with serving(monkeypatch, twenty_pages):
        again = run_flow(tmp_path, **ENRICH_OFF)
    assert again["added"] == 140
    assert_collection_intact(tmp_path, twenty_pages)


def _without(catalog: Catalog, n: int) -> Catalog:
    """The same collection with its last n copies gone."""
    return Catalog(releases=catalog.releases[:-n], spotify=catalog.spotify, value=catalog.value)


def test_a_mass_removal_waits_for_confirmation(tmp_path, monkeypatch, caplog):
    with serving(monkeypatch):
        run_flow(tmp_path, **ENRICH_OFF)
    gone = len(CATALOG.releases) // 5  # 20%: more than the 10% allowed at once

    with serving(monkeypatch, _without(CATALOG, gone)):
        held = run_flow(tmp_path, **ENRICH_OFF)
    assert (held["removed"], held["removal_held_back"]) == (0, gone)
    assert_collection_intact(tmp_path)
    assert "confirm_removals" in last_run(tmp_path)["message"]
    assert any("--confirm-removals" in r.getMessage() for r in caplog.records)

    with serving(monkeypatch, _without(CATALOG, gone)):
        confirmed = run_flow(tmp_path, **ENRICH_OFF, confirm_removals=True)
    assert (confirmed["removed"], confirmed["removal_held_back"]) == (gone, 0)
    # Marked removed, never deleted.
    assert rows(tmp_path, "SELECT count(*), count(removed_at) FROM releases") == [
        (len(CATALOG.releases), gone)]


def test_a_removal_within_the_allowed_share_is_applied(tmp_path, monkeypatch):
    with serving(monkeypatch):
        run_flow(tmp_path, **ENRICH_OFF)
    gone = len(CATALOG.releases) // 10  # exactly 10%: allowed

    with serving(monkeypatch, _without(CATALOG, gone)):
        summary = run_flow(tmp_path, **ENRICH_OFF)
    assert (summary["removed"], summary["removal_held_back"]) == (gone, 0)


def test_the_share_of_removals_allowed_at_once_is_a_flow_parameter():
    from flows.discogs_sync import discogs_sync

    assert "max_removed_share" in inspect.signature(discogs_sync.fn).parameters


# --- wrong user, wrong credentials, empty collection -------------------------------------------


def test_an_unknown_discogs_user_is_a_clear_error(tmp_path, monkeypatch):
    from tasks.http import ServiceError

    with serving(monkeypatch), pytest.raises(ServiceError) as failure:
        run_flow(tmp_path, username="no-such-user")
    assert "user 'no-such-user' not found: check DISCOGS_USERNAME" in str(failure.value)
    assert not (tmp_path / "c.duckdb").exists()  # nothing was loaded, nothing was touched


def test_a_wrong_discogs_token_is_a_clear_error_naming_the_variable(tmp_path, monkeypatch):
    from tasks.http import AuthError

    with serving(monkeypatch):
        monkeypatch.setenv("DISCOGS_TOKEN", "wrong-discogs-token-5b1f")
        with pytest.raises(AuthError) as failure:
            run_flow(tmp_path)
    assert "the token was refused: check DISCOGS_TOKEN" in str(failure.value)
    assert "wrong-discogs-token-5b1f" not in str(failure.value)


@pytest.mark.parametrize(("variable", "service", "still_done"), [
    ("SPOTIFY_CLIENT_SECRET", "Spotify", "ai_descriptions"),
    ("EURIA_API_KEY", "EurIA", "spotify_matches"),
])
def test_a_wrong_key_fails_its_step_and_the_rest_is_loaded(
        tmp_path, monkeypatch, variable, service, still_done):
    from flows.summary import RunFailed

    with serving(monkeypatch):
        monkeypatch.setenv(variable, "not-the-right-key-77c2")
        with pytest.raises(RunFailed) as failure:
            run_flow(tmp_path)
    assert variable in str(failure.value)
    assert_collection_intact(tmp_path)
    run = last_run(tmp_path)
    assert run["status"] == "failed" and service in run["message"]
    assert rows(tmp_path, f"SELECT count(*) FROM {still_done} WHERE status = 'error'") == [(0,)]
    assert rows(tmp_path, f"SELECT count(DISTINCT album_key) FROM {still_done}") == \
        rows(tmp_path, "SELECT count(DISTINCT album_key) FROM releases")


def test_an_empty_collection_gives_an_empty_page(tmp_path, monkeypatch):
    with serving(monkeypatch, Catalog()):
        summary = run_flow(tmp_path)
    assert (summary["albums"], summary["added"], summary["removed"]) == (0, 0, 0)
    document = json.loads((tmp_path / "site" / "collection.json").read_text(encoding="utf-8"))
    assert document["albums"] == []
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8").startswith("<!")
    assert last_run(tmp_path)["status"] == "completed"


# --- odd input from the APIs -------------------------------------------------------------------

# JSON may carry half of a surrogate pair ("\ud83c" without its "\udfb8"): json.loads gives a
# str that cannot be encoded as UTF-8, which DuckDB refuses.
LONE_SURROGATE = json.loads('"Broken \\ud83c emoji"')


def test_a_title_with_half_a_surrogate_pair_is_loaded(tmp_path, monkeypatch):
    catalog = Catalog.synthetic(5, seed=1)
    items = json.loads(json.dumps(catalog.releases))
    items[2]["basic_information"]["title"] = LONE_SURROGATE
    page = {"pagination": {"page": 1, "pages": 1, "per_page": 100, "items": 5, "urls": {}},
            "releases": items}
    body = json.dumps(page, ensure_ascii=True)  # the escape travels as ASCII, as on the wire
    odd = Fault(service="discogs", path="/collection/folders", body=body, status=200)
    with serving(monkeypatch, catalog, faults=[odd]):
        run_flow(tmp_path, **ENRICH_OFF)
    assert rows(tmp_path, "SELECT count(*) FROM releases") == [(5,)]


def test_a_description_with_half_a_surrogate_pair_does_not_sink_the_run(tmp_path, monkeypatch):
    [victim] = victims(CATALOG, 1)
    answer = {"id": "chatcmpl-1", "object": "chat.completion", "model": "qwen3",
              "choices": [{"index": 0, "finish_reason": "length",
                           "message": {"role": "assistant",
                                       "content": f"A fine record. {LONE_SURROGATE}"}}],
              "usage": {"prompt_tokens": 10, "completion_tokens": 5}}
    odd = Fault(service="euria", title=victim, status=200, body=json.dumps(answer))
    with serving(monkeypatch, faults=[odd]):
        run_flow(tmp_path)
    assert_collection_intact(tmp_path)
    assert_enrichment_covers_every_album(tmp_path)
