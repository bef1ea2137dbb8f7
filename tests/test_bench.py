"""The benchmark's pure helpers: API bounds, time scales, storm figures, targets, tables."""

from __future__ import annotations

import pytest

from bench import bounds, proctree, report, scenarios, targets
from bench.bounds import Rules
from bench.results import Run
from bench.scenarios import QUICK


def test_window_bound_first_window_is_free_then_one_window_per_limit():
    assert bounds.window_bound(0, 60, 60.0) == 0.0
    assert bounds.window_bound(1, 60, 60.0) == 0.0
    assert bounds.window_bound(60, 60, 60.0) == 0.0  # the first 60 go at once
    assert bounds.window_bound(61, 60, 60.0) == 60.0
    assert bounds.window_bound(102, 60, 60.0) == 60.0  # 10,000 albums: 100 pages + 2 calls
    assert bounds.window_bound(691, 150, 30.0) == 120.0  # the issue's 360 albums at 150


def test_concurrency_bound_counts_rounds_of_answers():
    assert bounds.concurrency_bound(0, 4, 0.8) == 0.0
    assert bounds.concurrency_bound(4, 4, 0.8) == 0.8
    assert bounds.concurrency_bound(9239, 4, 3.0) == 6930.0


def test_time_scale_keeps_api_time_above_the_requests_own_cost_and_a_bound_of_minutes():
    # 300 albums at 150: Spotify's 555 requests take 90 s at real time; x0.34 gives >= 30 s
    assert bounds.estimated_bound(300, 150) == 90.0
    assert scenarios.time_scale_for(300, 150, QUICK) == 0.34
    # 10,000 albums at 100 a window: 5,550 s; the floor (0.1) gives 555 s
    assert scenarios.time_scale_for(10_000, 100, scenarios.FULL) == 0.1
    assert scenarios.time_scale_for(10, 150, QUICK) == 1.0  # never slower than real time


def test_per_window_and_max_in_window():
    assert bounds.per_window([0.0, 0.5, 1.0, 2.9, 3.0, 7.0], 0.0, 1.0, 4) == [2, 1, 1, 1]
    assert bounds.max_in_window([1.0, 1.01, 1.02, 1.29, 1.6, 2.0], 0.3) == 4
    assert bounds.max_in_window([1.0, 1.3, 1.6], 0.3) == 1  # a window is half-open


def test_a_request_is_a_retry_after_violation_only_if_it_came_after_the_429_could_be_read():
    refusals = [(10.0, 2.0), (20.0, 0.004)]  # answered at 10 s: wait 2 s; at 20 s: 4 ms
    # 10.05: on its way already; 11.0: sent while told to wait; 12.5: after the wait;
    # 20.003: a wait too short to tell a call sent during it from one in flight
    assert targets.retry_after_violations(refusals, [10.05, 11.0, 12.5, 20.003]) == 1
    assert targets.retry_after_violations([], [11.0]) == 0


def test_recovery_finds_the_first_window_back_at_the_ceiling():
    accepted = [0.1] * 80 + [3.1] * 140 + [6.1] * 150  # 3 s windows after a storm ending at 0
    counts, back = targets.recovery(accepted, 0.0, 3.0, 150, work_end=9.0)
    assert (counts, back) == ([80, 140, 150], 2)  # 140 >= 135
    # a last window cut short by the end of the work counts in proportion
    assert targets.recovery([0.1] * 50, 0.0, 3.0, 150, work_end=1.0) == ([50], 1)
    assert targets.recovery([0.1] * 20, 0.0, 3.0, 150, work_end=6.0)[1] is None


def _run(**overrides) -> Run:
    values = dict(scenario="first sync", albums=1_000, ceiling=150, time_scale=0.1,
                  wall_s=80.0, start_s=15.0, exit_code=0, tree_mb=500.0, sync_mb=300.0,
                  server_mb=200.0, cpu_s={"sync": 30.0, "server": 10.0},
                  requests={"discogs": 132, "discogs_pages": 12, "discogs_masters": 120,
                            "spotify": 1851, "spotify_token": 1, "euria": 930},
                  refused={"discogs": 0, "spotify": 1, "euria": 0}, euria_latency_s=74.4)
    values.update(overrides)
    return Run(**values)


def test_the_bound_is_the_slowest_service_and_prefects_start_is_allowed_apart():
    run = _run()
    # Spotify: 1,850 answered, 12 windows of 3 s; EurIA: 74.4 s of answers / 4; Discogs' 12
    # pages fit its first window. Its 132 requests with the facts the lookups asked for take 2
    # windows of 6 s beyond the first: the sync's choice, printed apart, not in the bound.
    assert run.bounds() == pytest.approx({"discogs": 0.0, "spotify": 36.0, "euria": 18.6})
    assert run.discogs_all() == pytest.approx(12.0)
    assert _run(requests={**run.requests, "discogs": 700}).bound() == (
        "spotify", pytest.approx(36.0))
    assert _run(requests={**run.requests, "discogs_pages": 700}).bound() == (
        "discogs", pytest.approx(66.0))
    assert run.bound() == ("spotify", pytest.approx(36.0))
    assert run.ratio() == pytest.approx(80.0 / (36.0 + 15.0))
    [(target, measured, ok)] = targets.first_sync_checks(run)
    assert (measured, ok) == ("80.0 s = 1.57x", False)
    assert targets.first_sync_checks(_run(wall_s=55.0))[0][2] is True


def test_instant_checks_at_the_target_size():
    run = _run(scenario="first sync, instant APIs", albums=10_000, ceiling=None,
               time_scale=1.0, wall_s=140.0, tree_mb=560.0)
    assert [(m, ok) for _, m, ok in targets.instant_checks(run)] == [
        ("14.0 ms", True), ("560 MB (sync 300, temporary server 200)", False)]
    small = targets.instant_checks(_run(albums=2_000, wall_s=40.0))
    assert small[0][0] == "wall / albums <= 15 ms (target set at 10,000 albums)"


def test_rerun_checks_count_only_the_time_after_prefects_start():
    run = _run(scenario="nightly rerun, no change", albums=10_000, time_scale=1.0,
               wall_s=82.0, start_s=14.0,
               requests={"discogs": 102, "discogs_pages": 102, "discogs_masters": 0,
                         "spotify": 0, "spotify_token": 0, "euria": 0})
    assert targets.rerun_checks(run) == [
        ("asks Spotify (search, album, token) and EurIA nothing", "0", True),
        ("wall - Prefect's start <= Discogs paging 60 s + 10 s",
         "68.0 s (102 Discogs requests)", True),
    ]
    failed = targets.rerun_checks(_run(exit_code=1, requests={**run.requests, "euria": 3}))
    assert [ok for _, _, ok in failed] == [False, False, False]


def test_storm_checks():
    calm = _run(scenario="first sync, no storm", wall_s=60.0)
    stormy = _run(scenario="first sync, 429 storm", wall_s=69.0, start_s=20.0,  # +4 s, +5 s start
                  notes={"windows_after": [140, 150, 150], "back_in": 1, "violations": 0,
                         "later_429s": 1, "later_429s_worst_window": 1})
    assert [ok for _, _, ok in targets.storm_checks(stormy, calm)] == [True, True, True, True]
    stormy.notes.update(back_in=None, violations=2, later_429s_worst_window=4)
    assert [ok for _, _, ok in targets.storm_checks(stormy, _run(wall_s=50.0))] == \
        [False, False, False, False]
    assert targets.storm_checks(_run(), calm)[0][2] is False  # no storm seen


def test_descendants_follow_the_parent_links():
    table = {1: (0, 0, 0.0), 10: (1, 0, 0.0), 11: (10, 0, 0.0), 12: (10, 0, 0.0),
             20: (1, 0, 0.0), 21: (99, 0, 0.0)}
    assert proctree.descendants(table, 10) == {10, 11, 12}
    assert proctree.descendants(table, 5) == set()


def test_isolated_keeps_the_developers_settings_and_secrets_out():
    shell = {"PATH": "/usr/bin", "DISCOGS_TOKEN": "t", "SPOTIFY_MATCH_THRESHOLD": "0.9",
             "EURIA_API_KEY": "k", "DISCOGS_TOKEN_BLOCK": "discogs-token",
             "PREFECT_API_URL": "http://server/api", "PREFECT_LOGGING_LEVEL": "INFO"}
    assert scenarios.isolated(shell) == {"PATH": "/usr/bin", "PREFECT_LOGGING_LEVEL": "INFO"}


def test_render_table_aligns_numbers_right_and_marks_missing_values():
    table = report.render_table(["albums", "scenario", "wall s"],
                               [[1000, "first sync", 12.345], [10000, "rerun", None]])
    assert table.splitlines() == [
        "| albums | scenario   | wall s |",
        "|-------:|------------|-------:|",
        "|   1000 | first sync |  12.35 |",
        "|  10000 | rerun      |      - |",
    ]


def test_scenario_tags_are_plain_file_names():
    assert scenarios.scenario_tag("n10000", "c150", "first sync, 429 storm") == \
        "n10000-c150-first-sync-429-storm"
    assert scenarios.scenario_tag("n1000", "rerun, +1% albums") == "n1000-rerun-1pct-albums"


def test_rules_are_the_issues():
    rules = Rules()
    assert (rules.discogs_per_window, rules.discogs_window_s) == (60, 60.0)
    assert (rules.spotify_window_s, rules.euria_latency_s, rules.euria_concurrency) == \
        (30.0, (0.4, 1.2), 4)
    assert {c for _, c in scenarios.FULL.first_syncs} == {100, 150, 300}
    assert {n for n, _ in scenarios.FULL.first_syncs} == {1_000, 10_000}


def test_the_labeled_collection_is_the_labeled_albums_as_discogs_serves_them():
    """The real-albums first sync serves the holdout albums first: each collection item reads
    back as its labeled album (credit, title, year), with its master's year and its track
    count on Discogs, and the labeled set's whole catalogue as Spotify."""
    from bench.labeled import MASTER_IDS, RELEASE_IDS, labeled_catalog
    from tasks.discogs import collection_item_to_album
    from tasks.match_eval import load_set

    albums, engine = load_set()
    holdout = sorted((a for a in albums if a.holdout_only), key=lambda a: a.id)[:40]
    catalog = labeled_catalog(40)
    assert len(catalog.releases) == 40
    assert len(catalog.spotify_catalogue) == len(engine.catalogue)
    for n, (item, labeled) in enumerate(zip(catalog.releases, holdout, strict=True)):
        album = collection_item_to_album(item)
        assert (album["artist"], album["title"], album["year"] or None) == (
            labeled.album["artist"], labeled.album["title"], labeled.album.get("year")), n
        assert len(catalog.tracklists[RELEASE_IDS + n]) == (labeled.album.get("track_count")
                                                            or 0)
        if labeled.album.get("master_year"):
            assert catalog.masters[MASTER_IDS + n]["year"] == labeled.album["master_year"]
    dates = [item["date_added"] for item in labeled_catalog(100).releases]
    assert len(set(dates)) == 100  # valid and distinct past the first month


def test_a_labeled_runs_links_are_scored_against_the_labels(tmp_path):
    """Links as the page shows them (matched only), right when the label accepts them; an
    album on Spotify left unlinked counts against recall, an uncertain one links nothing."""
    import duckdb

    from bench.labeled import RELEASE_IDS, run_links
    from bench.report import links_table
    from bench.results import Run
    from tasks.match_eval import load_set

    albums, _ = load_set()
    ordered = sorted(albums, key=lambda a: (not a.holdout_only, a.id))[:4]
    on = [n for n, a in enumerate(ordered) if a.acceptable]
    assert len(on) >= 3
    right, wrong, uncertain = on[:3]
    db = tmp_path / "collection.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE releases (release_id BIGINT, album_key VARCHAR)")
        con.execute("CREATE TABLE spotify_matches (album_key VARCHAR, status VARCHAR, "
                    "spotify_album_id VARCHAR)")
        for n in range(4):
            con.execute("INSERT INTO releases VALUES (?, ?)", [RELEASE_IDS + n, f"k{n}"])
        con.execute("INSERT INTO spotify_matches VALUES (?, 'matched', ?), (?, 'matched', ?), "
                    "(?, 'uncertain', ?)",
                    [f"k{right}", sorted(ordered[right].acceptable)[0], f"k{wrong}",
                     "not-this-one", f"k{uncertain}", sorted(ordered[uncertain].acceptable)[0]])
    links = run_links(db, 4)
    assert links == {"links": 2, "right": 1, "on_spotify": len(on)}
    run = Run(scenario="first sync, real albums", albums=4, ceiling=300, time_scale=1.0,
              wall_s=1.0, start_s=0.5, exit_code=0, tree_mb=1.0, sync_mb=1.0, server_mb=1.0,
              cpu_s={}, requests={}, refused={}, euria_latency_s=0.0, notes={"links": links})
    row = links_table([run]).splitlines()[-1]
    assert row.replace(" ", "").split("|")[6:8] == ["0.5000", "0.2500"]  # one right of 2, of 4
