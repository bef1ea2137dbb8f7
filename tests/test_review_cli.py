"""`discogs-sync review` driven with keystrokes in a pseudo-terminal, against a database made by a
real sync of the sample collection (fake APIs, a strict threshold so that some matches are
uncertain): what lands in overrides.csv, in DuckDB and on the page."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pexpect
import pytest

from tasks import load, review
from tasks.fake_apis import Catalog, FakeApis

pytestmark = pytest.mark.usefixtures("prefect_harness")

THRESHOLD = "0.99"  # the sample's remasters score 0.98: uncertain at this bar
ORIGINAL_OVERRIDES = ("# Settled by hand. Lines below are mine.\n"
                      "artist,title,spotify,note\n"
                      "Pink Floyd,Animals,none,\"not owned, kept anyway\"\n"
                      # Settled before the sync, so the queue is the five albums below whatever
                      # else the matcher's evidence rules leave under this strict bar.
                      "Fela Kuti And Africa 70,Zombie,none,settled\n"
                      "Кино,Группа Крови,none,settled\n")
PASTED = "4LH4d3cOWNNsVw41Gqt2kv"
TODAY = datetime.now(UTC).date().isoformat()


@pytest.fixture(scope="module")
def fake():
    with FakeApis(Catalog.load_sample()) as apis:
        yield apis


@pytest.fixture(scope="module")
def synced(fake, tmp_path_factory) -> Path:
    """One real sync per module; each test works on a copy."""
    from flows.discogs_sync import discogs_sync

    folder = tmp_path_factory.mktemp("synced")
    with pytest.MonkeyPatch.context() as patch:
        preset = folder / "preset-overrides.csv"
        preset.write_text(ORIGINAL_OVERRIDES)
        for name, value in {**fake.env(), "SPOTIFY_MATCH_THRESHOLD": THRESHOLD,
                            "DISCOGS_SYNC_OVERRIDES": str(preset)}.items():
            patch.setenv(name, value)
        patch.chdir(folder)
        discogs_sync(db_path=str(folder / "c.duckdb"), out_dir=str(folder / "site"))
    return folder


@pytest.fixture
def work(synced, tmp_path) -> Path:
    shutil.copy(synced / "c.duckdb", tmp_path / "c.duckdb")
    shutil.copytree(synced / "site", tmp_path / "site")
    (tmp_path / "overrides.csv").write_text(ORIGINAL_OVERRIDES)
    return tmp_path


def review_args(work: Path, *extra: str) -> list[str]:
    return ["-m", "flows.cli", "review", "--db", str(work / "c.duckdb"), "--out",
            str(work / "site"), "--overrides", str(work / "overrides.csv"), *extra]


def child_env(fake: FakeApis | None = None) -> dict[str, str]:
    """The user's environment: a terminal; the fake APIs reachable when given (so that a call
    would be counted, not refused)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DISCOGS_", "SPOTIFY_", "EURIA_"))}
    env.update(TERM="xterm-256color", COLUMNS="130", LINES="60")
    if fake is not None:
        env.update(fake.env())
    return env


def _default_sigint() -> None:
    # A child inherits an ignored SIGINT (some earlier test's Prefect server or lock leaves it
    # so in this process), and Python then installs no KeyboardInterrupt: Ctrl-C did nothing
    # in a full suite. A user's terminal never starts review so.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(work: Path, *extra: str, fake: FakeApis | None = None) -> pexpect.spawn:
    child = pexpect.spawn(sys.executable, review_args(work, *extra), env=child_env(fake),
                          cwd=str(work), encoding="utf-8", timeout=30, dimensions=(60, 130),
                          preexec_fn=_default_sigint)
    child.logfile_read = io.StringIO()
    return child


def queue(db: Path) -> dict[str, review.ReviewItem]:
    with load.connect(db) as con:
        return {i.album_key: i for i in review.review_queue(con, not_found=True)}


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def page_albums(work: Path) -> dict[str, dict]:
    document = json.loads((work / "site" / "collection.json").read_text())
    return {a["album_key"]: a for a in document["albums"]}


BOWIE = "david bowie|the rise and fall of ziggy stardust and the spiders from mars"
KRAFTWERK = "kraftwerk|the man machine"
NEVERMIND = "nirvana|nevermind"
ABBEY = "beatles|abbey road"
YS = "joanna newsom|ys"


def test_a_review_session_writes_each_choice_and_the_page(work, fake):
    items = queue(work / "c.duckdb")
    assert list(items) == [BOWIE, KRAFTWERK, NEVERMIND, ABBEY, YS]  # best score first
    second = items[KRAFTWERK].candidates[1]
    fake.reset_stats()

    child = spawn(work, "--not-found", fake=fake)
    child.expect("1 of 5")
    child.expect("Rise And Fall Of Ziggy Stardust")
    child.expect(r"\[q\] quit")
    child.send("s")
    child.expect("2 of 5")
    child.expect(r"\[1-3\] pick")
    child.send("2")
    child.expect("3 of 5")
    child.expect(r"\[q\] quit")
    child.send("u")
    child.expect("Paste the album's Spotify link")
    child.sendline(f"https://open.spotify.com/track/{PASTED}")
    child.expect("that is a Spotify track link")
    child.sendline(f"https://open.spotify.com/intl-fr/album/{PASTED}?si=abc")
    child.expect("4 of 5")
    child.expect(r"\[q\] quit")
    child.send("b")
    child.expect("3 of 5")
    child.expect(f"Decided this session: https://open.spotify.com/album/{PASTED}")
    child.expect(r"\[q\] quit")
    child.send("s")
    child.expect("4 of 5")
    child.expect(r"\[q\] quit")
    child.send("n")
    child.expect("5 of 5")
    child.expect("The sync found no candidate on Spotify")
    child.expect(r"\[q\] quit")
    child.send("x")
    child.expect("Unknown key")
    child.send("1")
    child.expect("There is no candidate")
    child.send("q")
    child.expect(r"3 decided \(2 linked, 1 not on Spotify\); 2 still to decide \(1 skipped\)")
    child.expect("Page: ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    screen = child.logfile_read.getvalue()
    # Each candidate is a terminal hyperlink (OSC 8) besides its printed address.
    assert "\x1b]8;id=" in screen and f";{second.url}\x1b\\" in screen

    # The file: every line kept, one readable line per choice; the file as it was in .bak.
    assert (work / "overrides.csv").read_text() == ORIGINAL_OVERRIDES + (
        f'Kraftwerk,The Man•Machine,{second.url},"review {TODAY}: candidate 2 of 3, '
        f'score {second.score:.2f}"\n'
        f"Nirvana,Nevermind,https://open.spotify.com/album/{PASTED},review {TODAY}: link "
        "pasted\n"
        f"The Beatles,Abbey Road,none,review {TODAY}: not on Spotify\n")
    assert (work / "overrides.csv.bak").read_text() == ORIGINAL_OVERRIDES

    # DuckDB: the overrides loaded, and the albums view shows them.
    db = work / "c.duckdb"
    assert sorted(rows(db, "SELECT album_key, spotify_album_id FROM spotify_overrides")) == [
        (ABBEY, None), ("fela kuti and africa 70|zombie", None),
        (KRAFTWERK, second.spotify_album_id), (NEVERMIND, PASTED), ("pink floyd|animals", None),
        ("кино|группа крови", None)]
    statuses = dict(rows(db, "SELECT DISTINCT album_key, spotify_status || ' ' || "
                             "coalesce(spotify_url, '-') FROM albums WHERE album_key IN "
                             f"('{BOWIE}', '{KRAFTWERK}', '{NEVERMIND}', '{ABBEY}', '{YS}')"))
    assert statuses == {
        BOWIE: "uncertain -", KRAFTWERK: f"manual {second.url}",
        NEVERMIND: f"manual https://open.spotify.com/album/{PASTED}", ABBEY: "not_on_spotify -",
        YS: "not_found -"}

    # The page, written again: the links are there; the album skipped keeps its possible match.
    albums = page_albums(work)
    assert (albums[KRAFTWERK]["spotify_status"], albums[KRAFTWERK]["spotify_url"],
            albums[KRAFTWERK]["spotify_candidate_url"]) == ("manual", second.url, None)
    assert albums[NEVERMIND]["spotify_url"] == f"https://open.spotify.com/album/{PASTED}"
    assert (albums[ABBEY]["spotify_status"], albums[ABBEY]["spotify_url"]) == (
        "not_on_spotify", None)
    assert (albums[BOWIE]["spotify_status"], albums[BOWIE]["spotify_candidate_url"]) == (
        "uncertain", items[BOWIE].candidates[0].url)
    html = (work / "site" / "index.html").read_text()
    assert second.url in html and PASTED in html
    # Nothing was asked of Spotify, EurIA or Discogs.
    assert sum(fake.stats.requests.values()) == 0

    # What is decided is not asked again.
    again = subprocess.run([sys.executable, *review_args(work, "--list", "--format", "json",
                                                         "--not-found")],
                           env=child_env(), capture_output=True, text=True, timeout=60)
    assert [i["album_key"] for i in json.loads(again.stdout)] == [BOWIE, YS]


def test_ctrl_c_keeps_the_choices_made_and_writes_the_page(work):
    child = spawn(work)
    child.expect("1 of 4")
    child.expect(r"\[q\] quit")
    child.send("1")
    child.expect("2 of 4")
    child.expect(r"\[q\] quit")
    child.sendintr()
    child.expect("Stopped")
    child.expect(r"1 decided \(1 linked, 0 not on Spotify\); 3 still to decide")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    albums = page_albums(work)
    assert albums[BOWIE]["spotify_status"] == "manual"
    assert albums[BOWIE]["spotify_url"].startswith("https://open.spotify.com/album/")


def test_refresh_searches_the_album_shown_again_through_the_paced_client(work, fake):
    before = rows(work / "c.duckdb", f"SELECT checked_at FROM spotify_matches "
                                     f"WHERE album_key = '{BOWIE}'")
    fake.reset_stats()
    child = spawn(work, "--refresh", fake=fake)
    child.expect("1 of 4")
    # With the default threshold (0.8) a fresh search links what the strict sync left uncertain.
    child.expect(r"Searched again just now: matched \(score 0\.98\)")
    child.expect(r"\[q\] quit")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    stats = fake.stats
    assert stats.requests["spotify"] >= 1 and stats.requests["euria"] == 0
    assert stats.requests["discogs"] == 0
    status, checked, candidates = rows(work / "c.duckdb", (
        "SELECT status, checked_at, candidates FROM spotify_matches "
        f"WHERE album_key = '{BOWIE}'"))[0]
    assert status == "matched" and checked > before[0][0]
    assert len(json.loads(candidates)) >= 1


def test_without_a_terminal_it_says_how_to_run_it_instead_of_waiting(work):
    done = subprocess.run([sys.executable, *review_args(work)], stdin=subprocess.DEVNULL,
                          env=child_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "needs a terminal" in done.stderr and "--list" in done.stderr
    assert (work / "overrides.csv").read_text() == ORIGINAL_OVERRIDES


def test_list_prints_what_would_be_asked(work):
    table = subprocess.run([sys.executable, *review_args(work, "--list", "--not-found")],
                           env=child_env(), capture_output=True, text=True, timeout=60)
    lines = table.stdout.splitlines()
    assert lines[0].split()[:5] == ["n", "status", "score", "artist", "title"]
    assert [line.split()[1:3] for line in lines[2:7]] == [
        ["uncertain", "0.98"]] * 4 + [["not", "found"]]
    assert lines[-1] == "(5 rows)"
    document = json.loads(subprocess.run(
        [sys.executable, *review_args(work, "--list", "--format", "json")], env=child_env(),
        capture_output=True, text=True, timeout=60).stdout)
    assert [a["album_key"] for a in document] == [BOWIE, KRAFTWERK, NEVERMIND, ABBEY]
    first = document[0]
    assert (first["artist"], first["year"], first["master_year"], first["labels"],
            first["catnos"]) == ("David Bowie", 1972, 1972, ["RCA Victor"], ["SF 8287"])
    assert 1 <= len(first["candidates"]) <= 5
    best = first["candidates"][0]
    assert best["url"] == f"https://open.spotify.com/album/{best['spotify_album_id']}"
    assert best["score"] == 0.98 and best["evidence"]["penalties"] == {"edition": 0.98}
