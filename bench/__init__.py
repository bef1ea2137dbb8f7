"""`make bench`: `discogs-sync run` as a user runs it, against fakes with the real services' rules.

    python -m bench            # everything (make bench)
    python -m bench --quick    # small sizes, a few minutes (make bench-quick)

Each scenario runs the command a user runs, `discogs-sync run`, as a subprocess: no
PREFECT_API_URL, so Prefect starts its temporary server for the run (in a PREFECT_HOME of the
benchmark's own, kept across runs as a user's is), with credentials for the three services
pointing at the fakes (tasks/fake_apis/). The fakes keep the real rules: Discogs 60 requests
per moving minute with its X-Discogs-Ratelimit headers; Spotify a ceiling per rolling 30 s that
the client is NOT told (Spotify publishes none); EurIA 0.4-1.2 s an answer, 4 at once. API time
is compressed by a time scale (the fakes' durations, and DISCOGS_SYNC_TIME_SCALE for the clients'
own periods); the pipeline's own work, Prefect's start and the process tree's memory are not.

Measured from outside: wall time from spawn to exit, when the flow run began (Prefect's start),
the peak memory of the whole process tree (the sync and its temporary server, RSS summed over
/proc every proctree.SAMPLE_S), CPU per process, and from the fakes every request's arrival and
answer.
Exit code 0 even when a target is missed (printed MISSED). Results: BENCHMARKS.md.

The rooms: bounds.py (the services' rules and the least time requests take under them),
scenarios.py (the profiles and the Bench that runs `discogs-sync run` for each scenario),
fakes.py (the fakes that record every request, and a 429 storm), proctree.py (memory and CPU of
the process tree), results.py (a Run, seen from outside), targets.py (the issue's targets and
the checks against them), report.py (the tables printed), __main__.py (the command line).
"""
