"""The benchmark's pure helpers: API bounds, 429s per window, projection, targets, tables."""

from __future__ import annotations

import pytest

from flows import bench
from flows.bench import Rules, ScenarioResult


def test_window_bound_first_window_is_free_then_one_window_per_limit():
    assert bench.window_bound(0, 60, 60.0) == 0.0
    assert bench.window_bound(1, 60, 60.0) == 0.0
    assert bench.window_bound(60, 60, 60.0) == 0.0  # the first 60 go at once
    assert bench.window_bound(61, 60, 60.0) == 60.0
    assert bench.window_bound(102, 60, 60.0) == 60.0  # 10,000 albums: 100 pages + 2 calls
    assert bench.window_bound(121, 60, 60.0) == 120.0


def test_concurrency_bound_counts_rounds_of_answers():
    assert bench.concurrency_bound(0, 4, 3.0) == 0.0
    assert bench.concurrency_bound(1, 4, 3.0) == 3.0
    assert bench.concurrency_bound(4, 4, 3.0) == 3.0
    assert bench.concurrency_bound(9239, 4, 3.0) == 6930.0


def test_api_bounds_scale_and_the_slowest_service_bounds_the_sync():
    rules = Rules(discogs_per_window=60, discogs_window_s=60.0, spotify_per_window=100,
                  spotify_window_s=30.0, euria_latency_s=3.0, euria_concurrency=4)
    bounds = bench.api_bounds({"discogs": 102, "spotify": 1001, "euria": 8}, rules, 0.01)
    assert bounds == pytest.approx({"discogs": 0.6, "spotify": 3.0, "euria": 0.06})
    assert bench.slowest(bounds) == ("spotify", pytest.approx(3.0))
    assert bench.api_bounds({}, rules) == {"discogs": 0.0, "spotify": 0.0, "euria": 0.0}


def test_max_in_window_finds_the_densest_window_in_any_order():
    assert bench.max_in_window([], 0.3) == 0
    assert bench.max_in_window([5.0], 0.3) == 1
    # four 429s within 0.3 s, then one per window
    times = [1.0, 1.01, 1.02, 1.29, 1.6, 2.0, 2.4]
    assert bench.max_in_window(reversed(times), 0.3) == 4
    assert bench.max_in_window([1.0, 1.3, 1.6], 0.3) == 1  # a window is half-open


def test_first_and_later_splits_the_learning_window_from_the_rest():
    assert bench.first_and_later([], 0.3) == (0, 0)
    assert bench.first_and_later([1.0, 1.01, 1.02], 0.3) == (3, 0)
    assert bench.first_and_later([2.0, 1.0, 1.1, 1.5, 1.6, 2.4], 0.3) == (2, 2)


def test_expected_task_runs_follow_the_flow_batches():
    assert bench.expected_task_runs(0, 0) == 3  # extract, plan, load
    assert bench.expected_task_runs(10, 0) == 3 + 10 + 1  # one album per batch; master years
    assert bench.expected_task_runs(9239, 1) == 3 + 197 + 1 + 1  # 47 albums a batch, then 1
    assert bench.expected_task_runs(9239, 9239) <= bench.MAX_TASK_RUNS


def test_project_separates_fixed_cost_from_pacing_loss():
    # excess does not grow with the API time: all of it is fixed cost
    fixed = bench.project(wall_1=90.0, bound_1=70.0, wall_2=160.0, bound_2=140.0,
                          real_bound=7000.0)
    assert fixed == pytest.approx({"growth": 0.0, "fixed_s": 20.0, "real_ratio": 1 + 20 / 7000})
    # services one after the other: the excess doubles with the API time
    serial = bench.project(wall_1=130.0, bound_1=70.0, wall_2=250.0, bound_2=140.0,
                           real_bound=7000.0)
    assert serial["growth"] == pytest.approx(50 / 70)
    assert serial["real_ratio"] > bench.FIRST_SYNC_MAX_RATIO
    assert bench.project(10.0, 5.0, 11.0, 5.0, 500.0) is None


def _result(**overrides) -> ScenarioResult:
    values = dict(size=10_000, scenario="rerun, no change", albums=10_000, wall_s=8.0,
                  flow_s=7.0, import_s=1.0, rss_mb=380.0, state="COMPLETED",
                  requests={"discogs": 102, "discogs_pages": 102, "spotify": 0, "euria": 0},
                  rate_limited={"discogs": 0, "spotify": 0, "euria": 0},
                  worst_429_window={"discogs": (0, 0), "spotify": (0, 0), "euria": (0, 0)},
                  bounds={"discogs": 0.6, "spotify": 0.0, "euria": 0.0},
                  task_runs=3, task_runs_expected=3, task_runs_terminal=3, time_scale=0.01)
    values.update(overrides)
    return ScenarioResult(**values)


def test_checks_of_a_rerun_with_no_change():
    assert [(target, measured, ok) for target, measured, ok in bench.checks(_result())] == [
        ("no Spotify (search, album, token) or EurIA request", "0", True),
        ("wall <= Discogs pagination 0.6 s + 15 s", "8.0 s", True),
        ("the same at real time: <= 75 s", "67 s (0 Discogs requests besides the pages)", True),
        ("<= 1 429 per service per window", "discogs 0, spotify 0, euria 0", True),
        ("peak RSS < 500 MB", "380 MB", True),
        ("task runs <= 500, all recorded", "3 recorded of 3", True),
    ]


def test_rerun_at_real_time_grows_the_discogs_time_back():
    # 102 pages (0.6 s at 0.01) and 120 master lookups: 3 windows instead of 1
    real, target = bench.rerun_at_real_time(wall_s=8.0, discogs_s=1.8, pagination_s=0.6,
                                            time_scale=0.01)
    assert (real, target) == (pytest.approx(186.2), pytest.approx(75.0))


def test_checks_of_a_rerun_that_looks_things_up_beyond_the_pages():
    result = _result(requests={"discogs": 222, "discogs_pages": 102, "spotify": 0, "euria": 0},
                     bounds={"discogs": 1.8, "discogs_pages": 0.6, "spotify": 0.0, "euria": 0.0})
    found = {target: (measured, ok) for target, measured, ok in bench.checks(result)}
    assert found["wall <= Discogs pagination 0.6 s + 15 s"] == ("8.0 s", True)
    assert found["the same at real time: <= 75 s"] == (
        "186 s (120 Discogs requests besides the pages)", False)


def test_checks_flag_what_is_missed():
    missed = {target: ok for target, _, ok in bench.checks(_result(
        scenario="first sync", wall_s=100.0, bounds={"discogs": 0.6, "spotify": 55.0,
                                                     "euria": 69.3},
        worst_429_window={"discogs": (0, 0), "spotify": (4, 1), "euria": (0, 0)}, rss_mb=520.0,
        task_runs=390, task_runs_expected=403, task_runs_terminal=390))}
    assert missed == {
        "wall <= 1.15x bound (euria 69.3 s) at time scale 0.01": False,
        "<= 1 429 per service per window": False,
        "peak RSS < 500 MB": False,
        "task runs <= 500, all recorded": False,
    }


def test_isolated_keeps_the_developers_settings_and_secrets_out():
    shell = {"PATH": "/usr/bin", "DISCOGS_TOKEN": "t", "SPOTIFY_MATCH_THRESHOLD": "0.9",
             "EURIA_API_KEY": "k", "DISCOGS_TOKEN_BLOCK": "discogs-token",
             "PREFECT_API_URL": "http://server/api", "PREFECT_LOGGING_LEVEL": "INFO"}
    assert bench.isolated(shell) == {"PATH": "/usr/bin", "PREFECT_LOGGING_LEVEL": "INFO"}


def test_render_table_aligns_numbers_right_and_marks_missing_values():
    table = bench.render_table(["albums", "scenario", "wall s"],
                               [[1000, "first sync", 12.345], [10000, "rerun", None]])
    assert table.splitlines() == [
        "| albums | scenario   | wall s |",
        "|-------:|------------|-------:|",
        "|   1000 | first sync |  12.35 |",
        "|  10000 | rerun      |      - |",
    ]


def test_render_table_with_no_rows_is_its_header():
    assert bench.render_table(["albums", "wall s"], []).splitlines() == [
        "| albums | wall s |", "|--------|--------|"]


def test_each_size_runs_at_a_time_scale_where_api_time_dominates():
    # 1,000 albums: 750 s of EurIA at real time; x0.14 gives a bound of 105 s (>= 100 s)
    assert bench.time_scale_for(1_000) == 0.14
    # 10,000 albums: 7,500 s; x0.04 (the floor) gives 300 s
    assert bench.time_scale_for(10_000) == 0.04
    assert bench.time_scale_for(100_000) == 0.04
    assert bench.time_scale_for(10) == 1.0  # never slower than real time
    for size in (1_000, 3_000, 10_000):  # (100 albums: real time, 75 s, is the most)
        scale = bench.time_scale_for(size)
        assert scale >= bench.MIN_TIME_SCALE
        assert bench.concurrency_bound(size, 4, 3.0) * scale >= bench.MIN_BOUND_S


def test_scenario_tags_are_plain_file_names():
    assert bench.scenario_tag(10_000, bench.PROJECTION_SCENARIO) == \
        "n10000-first-sync-1-4-time-scale"
    assert bench.scenario_tag(1_000, "rerun, +1% albums") == "n1000-rerun-1pct-albums"
