"""Progress: the words and numbers (pure, literal data), the tracker under a fake clock, the
batches against the fake APIs, and what a user sees: the artifact, the log, the terminal."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support import FakeClock

from flows import progress
from flows.progress import ProgressTracker, ServiceState, Snapshot
from tasks import enrich
from tasks.discogs import collection_item_to_album
from tasks.fake_apis import Catalog, FakeApis, FakeConfig
from tasks.http import RateLimiter

SAMPLE = Catalog.load_sample()
COMMAND = Path(sys.executable).with_name("discogs-sync")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # anything but \t and \n


def state(done: int, total: int | None = 9985, stamps: tuple[float, ...] = (),
          pauses: tuple[tuple[float, float], ...] = (), started: float = 0.0,
          finished: float | None = None, name: str = "Spotify") -> ServiceState:
    return ServiceState(name, done, total, started, stamps, pauses, finished)


def every(step: float, start: float, end: float) -> tuple[float, ...]:
    """Completion stamps every step seconds in (start, end]."""
    count = round((end - start) / step)
    return tuple(start + step * (i + 1) for i in range(count))


# --- pure -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("seconds", "text"), [
    (0.42, "0.4 s"), (42.4, "42 s"), (200, "3 min 20 s"), (180, "3 min"), (6720, "1 h 52 min"),
    (7200, "2 h"),
])
def test_format_duration(seconds, text):
    assert progress.format_duration(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (2, "~5 s"), (42, "~40 s"), (100, "~2 min"), (1800, "~30 min"), (3590, "~1 h"),
    (6900, "~1 h 55 min"), (7211, "~2 h"),
])
def test_format_eta(seconds, text):
    assert progress.format_eta(seconds) == text


def test_the_issue_example_line():
    # 1,240 Spotify lookups at 4.9/s since the start and 610 descriptions at 1.3/s, 253 s in.
    now = 253.0
    spotify = state(1240, stamps=every(now / 1240, 0, now))
    euria = state(610, stamps=every(1 / 1.3, now - 610 / 1.3, now), name="EurIA")
    line = progress.progress_line(Snapshot(now, "enrichment", 0.0, (), (spotify, euria)))
    assert line == ("Spotify 1,240/9,985 (12%), 4.9/s, ~30 min left · "
                    "EurIA 610/9,985 (6%), 1.3/s, ~2 h left")


def test_a_429_pause_is_left_out_of_the_rate_and_said():
    # 2 albums a second for 60 s, then a 429: Retry-After 60 s, 20 s of it gone.
    paused = state(120, stamps=every(0.5, 0, 60), pauses=((60.0, 120.0),))
    assert progress.measured_rate(paused, 80.0) == pytest.approx(2.0)
    assert progress.pause_left(paused, 80.0) == 40.0
    # Time left: the rest of the pause, then the rest at the steady rate.
    assert progress.seconds_left(paused, 80.0) == pytest.approx(40 + (9985 - 120) / 2)
    assert progress.service_text(paused, 80.0) == (
        "Spotify 120/9,985 (1%), 2.0/s, paused (429), resumes in 40 s, ~1 h 25 min left")


def test_a_429_pause_that_ended_stays_out_of_the_rate():
    # 4/s until the 429 at 30 s, a pause to 60 s, then the client's slower 1/s until 100 s.
    after = state(160, total=400, stamps=every(0.25, 0, 30) + every(1.0, 60, 100),
                  pauses=((30.0, 60.0),))
    assert progress.measured_rate(after, 100.0) == pytest.approx(160 / 70)
    assert progress.service_text(after, 100.0) == "Spotify 160/400 (40%), 2.3/s, ~2 min left"


def test_the_rate_is_the_last_five_minutes():
    # 5/s for ten minutes, then 1/s for five: the window sees only the new pace.
    stamps = every(0.2, 0, 600) + every(1.0, 600, 900)
    assert progress.measured_rate(state(3300, stamps=stamps[-300:]), 900.0) \
        == pytest.approx(1.0)


@pytest.mark.parametrize(("service", "text"), [
    (state(0, total=26), "Spotify 0/26 (0%), measuring the rate"),
    (state(26, total=26, finished=130.0), "Spotify 26/26 (100%), done in 2 min 10 s"),
    (state(20, total=26, finished=50.0), "Spotify 20/26 (76%), stopped after 50 s"),
    (state(3000, total=None, stamps=every(0.1, 0, 300), name="Discogs"),
     "Discogs 3,000 albums, 10.0/s"),
    (state(3, total=26, pauses=((290.0, 320.0),)),
     "Spotify 3/26 (11%), paused (429), resumes in 20 s"),
])
def test_service_text(service, text):
    assert progress.service_text(service, 300.0) == text


def test_overall_percent_weights_the_phases_and_follows_the_slower_service():
    spotify, euria = state(9985), state(4992, name="EurIA")
    snapshot = Snapshot(10.0, "enrichment", 0.0, (("extraction", 1.0), ("planning", 1.0)),
                        (spotify, euria))
    assert progress.overall_percent(snapshot) == round(10 + 2 + 83 * 4992 / 9985, 1)
    done = Snapshot(10.0, None, 0.0, (), (), finished=True)
    assert progress.overall_percent(done) == 100.0
    loading = Snapshot(10.0, "load & export", 0.0,
                       (("extraction", 1.0), ("planning", 1.0), ("enrichment", 1.0)), ())
    assert progress.overall_percent(loading) == 95.0


def test_the_limiter_keeps_its_pauses_for_the_rate():
    clock = FakeClock(100.0)
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.pause(10)
    clock.now = 105.0
    limiter.pause(20)  # a second 429 during the first pause: one longer pause
    clock.now = 200.0
    limiter.pause(5)
    assert limiter.recent_pauses() == [(100.0, 125.0), (200.0, 205.0)]


# --- the tracker, under a fake clock -----------------------------------------------------------

def test_tracker_lines_come_every_30_s_on_the_grid_and_once_per_phase():
    clock = FakeClock()
    lines: list[tuple[float, str]] = []
    tracker = ProgressTracker(clock, lambda line: lines.append((clock.now, line)))
    tracker.phase("extraction", {"Discogs": None})
    for key in ("a", "b", "a"):  # copies of an album: every item counts
        tracker.album_done("Discogs", key)
    clock.now = 40.0
    tracker.tick()  # no progress lines outside enrichment
    tracker.phase("enrichment", {"Spotify": ["a", "b", "c", "d"], "EurIA": ["a", "b"]})
    clock.now = 50.0
    tracker.album_done("Spotify", "a")
    tracker.album_done("Spotify", "zz")  # not this run's: ignored
    clock.now = 69.0
    tracker.tick()  # 29 s: not yet
    clock.now = 85.0
    tracker.album_done("Spotify", "b")
    tracker.batch_done("EurIA", ["a", "b"])  # a cache hit: counted, not in the rate
    tracker.tick()
    clock.now = 101.0
    tracker.tick()  # the next is due at 100 (on the grid), not at 115
    clock.now = 110.0
    tracker.tick()
    phases = tracker.finish()

    assert lines == [
        (0.0, "Extraction started: Discogs 0 albums"),
        (40.0, "Extraction done in 40 s (Discogs 3 albums, done in 40 s). Enrichment started: "
               "Spotify 0/4 (0%), measuring the rate · EurIA 0/2 (0%), measuring the rate"),
        (85.0, "Progress: Spotify 2/4 (50%), 2.7/min, ~45 s left · "
               "EurIA 2/2 (100%), done in 45 s"),
        (101.0, "Progress: Spotify 2/4 (50%), 2.0/min, ~1 min left · "
                "EurIA 2/2 (100%), done in 45 s"),
        (110.0, "Enrichment done in 1 min 10 s (Spotify 2/4 (50%), stopped after 1 min 10 s · "
                "EurIA 2/2 (100%), done in 45 s). Time per phase: extraction 40 s · "
                "enrichment 1 min 10 s"),
    ]
    assert phases == {"extraction": 40.0, "enrichment": 70.0}


@pytest.fixture
def fake(monkeypatch):
    with FakeApis(SAMPLE) as apis:
        for name, value in apis.env().items():
            monkeypatch.setenv(name, value)
        yield apis


def test_progress_lines_while_batches_run_against_the_fake_apis(fake):
    """The real batch functions report each album; one album takes 5 s of the fake clock."""
    from tasks.config import Settings

    settings = Settings.from_env()
    chosen = enrich.representatives(collection_item_to_album(i) for i in SAMPLE.releases)
    albums = enrich.work_items(chosen, dict.fromkeys(chosen))
    clock = FakeClock()
    lines: list[tuple[float, str]] = []
    tracker = ProgressTracker(clock, lambda line: lines.append((clock.now, line)))
    tracker.phase("enrichment", {"Spotify": list(chosen), "EurIA": list(chosen)})
    lines.clear()

    def album_took_5_s(service: str, key: str) -> None:
        clock.now += 5

    listeners = [album_took_5_s, tracker.album_done, lambda *_: tracker.tick()]
    enrich.progress_listeners.extend(listeners)
    try:
        for album in albums:  # the two services side by side, as in the flow
            enrich.spotify_batch([album], settings, "test")
            enrich.describe_batch([album], settings, "test", "en", 300)
    finally:
        for listener in listeners:
            enrich.progress_listeners.remove(listener)
    tracker.phase("load & export")

    assert len(albums) == 26 and fake.stats.endpoints["euria.chat"] == 26
    expected = [(30.0 * i, f"Progress: Spotify {n}/26 ({n * 100 // 26}%), 0.1/s, {left} left · "
                           f"EurIA {n}/26 ({n * 100 // 26}%), 0.1/s, {left} left")
                for i, n, left in [(1, 3, "~4 min"), (2, 6, "~3 min"), (3, 9, "~3 min"),
                                   (4, 12, "~2 min"), (5, 15, "~2 min"), (6, 18, "~1 min"),
                                   (7, 21, "~50 s"), (8, 24, "~20 s")]]
    expected.append((260.0, "Enrichment done in 4 min 20 s (Spotify 26/26 (100%), done in "
                            "4 min 15 s · EurIA 26/26 (100%), done in 4 min 20 s). "
                            "Load & export started"))
    assert lines == expected


# --- what a user sees ------------------------------------------------------------------------

@pytest.mark.usefixtures("prefect_harness")
def test_the_run_leaves_a_progress_artifact_at_100_and_times_its_phases(tmp_path, monkeypatch):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        ArtifactFilterKey,
        LogFilter,
        LogFilterFlowRunId,
    )
    from prefect.client.schemas.sorting import ArtifactSort
    from prefect.logging.handlers import APILogHandler

    from flows.discogs_sync import discogs_sync

    seen: list[tuple[object, float]] = []  # (artifact id, progress) while the run goes
    done = threading.Event()

    def watch_the_ui() -> None:
        with get_client(sync_client=True) as client:
            while not done.wait(0.2):
                seen.extend((a.id, a.data) for a in client.read_artifacts(
                    artifact_filter=ArtifactFilter(key=ArtifactFilterKey(
                        any_=[progress.ARTIFACT_KEY])), sort=ArtifactSort.CREATED_DESC, limit=1))

    # Descriptions that take 0.4 s each: a couple of seconds of enrichment to watch.
    with FakeApis(SAMPLE, FakeConfig(euria_latency_s=0.4)) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        watcher = threading.Thread(target=watch_the_ui)
        watcher.start()
        try:
            state = discogs_sync(db_path=str(tmp_path / "c.duckdb"),
                                 out_dir=str(tmp_path / "site"), return_state=True)
        finally:
            done.set()
            watcher.join()
    summary = state.result()
    run_id = state.state_details.flow_run_id
    APILogHandler().flush()  # the logs reach the API in batches

    assert list(summary["phases"]) == ["extraction", "planning", "enrichment", "load & export"]
    with get_client(sync_client=True) as client:
        def artifact(key: str):
            [found] = client.read_artifacts(artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=[key]), flow_run_id=ArtifactFilterFlowRunId(
                    any_=[run_id])))
            return found
        bar = artifact(progress.ARTIFACT_KEY)
        markdown = artifact("discogs-sync-summary").data
        logs = [log.message for log in client.read_logs(
            log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id])))]
    assert bar.type == "progress" and bar.data == 100.0
    # It moved while the batches ran, never back.
    during = [value for artifact_id, value in seen if artifact_id == bar.id]
    assert any(12 < value < 95 for value in during), during
    assert during == sorted(during)
    assert bar.description.startswith("Finished: extraction ")
    assert "| Time per phase | extraction " in markdown and " · load & export " in markdown
    # The UI's log has a line per phase (the run is too quick for a 30 s line).
    assert [line.split(" started")[0].split(". ")[-1] for line in logs if " started" in line] \
        == ["Extraction", "Planning", "Enrichment", "Load & export"]
    assert any(re.fullmatch(r"Planning done in [\d.]+ s\. Enrichment started: Spotify 0/26 "
                            r"\(0%\), measuring the rate · EurIA 0/26 \(0%\), measuring the "
                            r"rate", line) for line in logs)
    assert any(line.startswith("Load & export done in ") and "Time per phase: extraction "
               in line for line in logs)


def command_env(tmp_path: Path) -> dict[str, str]:
    """The real command against the session's Prefect API (no temporary server to start)."""
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCOGS", "SPOTIFY",
                                                                   "EURIA"))}
    return {**env, "PREFECT_API_URL": PREFECT_API_URL.value(), "COLUMNS": "120"}


@pytest.mark.usefixtures("prefect_harness")
def test_piped_output_is_plain_text(tmp_path):
    result = subprocess.run(
        [str(COMMAND), "run", "--db", str(tmp_path / "c.duckdb"), "--out", str(tmp_path / "s")],
        capture_output=True, text=True, timeout=300, env=command_env(tmp_path), cwd=tmp_path)

    assert result.returncode == 0, result.stderr[-2000:]
    output = result.stdout + result.stderr
    assert CONTROL.findall(output) == []
    assert "Enrichment started: Spotify 0/26 (0%)" in output
    assert re.search(r"Enrichment done in [\d.]+ s \(Spotify 26/26 \(100%\), done in", output)
    assert re.search(r"^Time: +extraction [\d.]+ s · planning [\d.]+ s · enrichment [\d.]+ s · "
                     r"load & export [\d.]+ s$", result.stdout, re.MULTILINE)


def run_in_terminal(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str]:
    """Run the command with a pseudo-terminal as its stdout and stderr; (status, output)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal,
                               env={**env, "TERM": "xterm-256color"}, cwd=cwd)
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 300)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the command closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return process.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.usefixtures("prefect_harness")
@pytest.mark.parametrize("quiet", [False, True])
def test_a_terminal_gets_the_live_display_unless_quiet(tmp_path, quiet):
    status, output = run_in_terminal(
        [str(COMMAND), "run", "--db", str(tmp_path / "c.duckdb"), "--out", str(tmp_path / "s"),
         *(["--quiet"] if quiet else [])], command_env(tmp_path), tmp_path)

    assert status == 0, output[-2000:]
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output)
    assert "Synced (DEMO" in plain
    if quiet:
        assert "discogs-sync ·" not in plain and "━" not in plain
    else:
        assert "discogs-sync · finished (4/4)" in plain and "100% overall" in plain
        assert re.search(r"Spotify +━+ 26/26 100% done in", plain)
