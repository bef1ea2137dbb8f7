"""Security: no token in any output, a timeout and TLS checks on every call, no shell, no XSS.

The end-to-end test runs the flow with distinctive credentials against fake APIs that fail and
even echo the credentials back in their error bodies, then searches every output for them: the
logs, the console, the DuckDB file (rows and raw bytes), the exported site, the exceptions, and
everything Prefect stored (its database and persisted results).
"""

from __future__ import annotations

import ast
import json
import logging
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import requests
from test_export import XSS_VECTORS, embedded_document, parse_page

from tasks.config import Settings
from tasks.fake_apis import Catalog, FakeApis, FakeConfig, Fault
from tasks.normalize import clean_text

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("tasks", "flows", "bench", "scripts")  # scripts/ holds deploy.sh only: no Python yet

DISCOGS_TOKEN = "dscTOK-4f7c1e9a2b6d8053"
SPOTIFY_ID = "spID-93be41c07d5a"
SPOTIFY_SECRET = "spSEC-2d8f6a0c4e1b7395"
EURIA_KEY = "eurKEY-7a3e9c1f5b0d2468"
SECRETS = (DISCOGS_TOKEN, SPOTIFY_ID, SPOTIFY_SECRET, EURIA_KEY)
CONFIG = {"discogs_token": DISCOGS_TOKEN, "spotify_client_id": SPOTIFY_ID,
          "spotify_client_secret": SPOTIFY_SECRET, "euria_api_key": EURIA_KEY}


# --- what to search ------------------------------------------------------------------------------


def found(secrets: tuple[str, ...], text: str | bytes, where: str) -> list[str]:
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    return [f"{secret} in {where}" for secret in secrets if secret.encode() in data]


def files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield path


def database_text(db: Path) -> str:
    """Every row of every table of the DuckDB file, as text."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()]
        return "\n".join(f"{t}: {con.execute(f'SELECT * FROM {t}').fetchall()}" for t in tables)


def prefect_stores() -> list[Path]:
    """Where Prefect keeps what it was told: the test server's database and its results."""
    from prefect.settings import PREFECT_HOME, PREFECT_SERVER_DATABASE_CONNECTION_URL

    url = PREFECT_SERVER_DATABASE_CONNECTION_URL.value() or ""
    database = Path(url.split("///", 1)[-1])
    return [Path(PREFECT_HOME.value()), database.parent]


def flush_prefect_logs(canary: str) -> None:
    """Send the queued run logs to the test server, and wait until they are stored."""
    from prefect.logging.handlers import APILogHandler

    APILogHandler().flush()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if any(canary.encode() in path.read_bytes()
               for folder in prefect_stores() for path in files_under(folder)):
            return
        time.sleep(0.2)
    raise AssertionError(f"the run's logs never reached Prefect's database ({canary!r})")


class Everything(logging.Handler):
    """Every record of every logger, formatted with its traceback as a handler would write it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def every_log() -> Iterator[Everything]:
    handler = Everything()
    loggers = [logging.getLogger(), logging.getLogger("prefect")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


@pytest.fixture
def wire(monkeypatch) -> list[dict]:
    """Every HTTP request the clients send: its timeout and whether TLS is verified."""
    sent: list[dict] = []
    real = requests.Session.request

    def request(self, method, url, *args, **kwargs):
        sent.append({"url": url, "timeout": kwargs.get("timeout"),
                     "verify": kwargs.get("verify", self.verify)})
        return real(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", request)
    return sent


def run_flow(tmp_path: Path, **params) -> dict:
    from flows.discogs_sync import discogs_sync

    return discogs_sync(db_path=str(tmp_path / "c.duckdb"), out_dir=str(tmp_path / "site"),
                        **params)


def with_vectors(catalog: Catalog) -> Catalog:
    """The catalog with the page issue's XSS vectors as artist, title and notes."""
    releases = json.loads(json.dumps(catalog.releases))
    owned = Counter(item["id"] for item in releases)
    # Copies of one release must keep one title: the vectors go to releases owned once.
    for item, vector in zip([i for i in releases if owned[i["id"]] == 1], XSS_VECTORS,
                            strict=False):
        info = item["basic_information"]
        info["title"] = f"{vector} {info['title']}"
        info["artists"][0]["name"] = f"{vector} {info['artists'][0]['name']}"
        item["notes"] = [{"field_id": 3, "value": vector}]
    return Catalog(releases=releases, spotify=catalog.spotify, value=catalog.value)


def victims(catalog: Catalog, n: int) -> list[str]:
    """n titles owned once, without a vector, contained in no other title (for Fault.title)."""
    every = Counter(r["basic_information"]["title"] for r in catalog.releases)
    return [title for title, count in every.items()
            if count == 1 and not any(vector in title for vector in XSS_VECTORS)
            and not any(title.casefold() in other.casefold() for other in every
                        if other != title)][:n]


# --- the end-to-end search ---------------------------------------------------------------------


@pytest.mark.usefixtures("prefect_harness")
def test_no_token_anywhere_after_a_run_with_faults(tmp_path, monkeypatch, capfd, caplog,
                                                   every_log, wire):
    monkeypatch.setattr("tasks.http.backoff_delay", lambda *a, **k: 0.0)
    catalog = with_vectors(Catalog.synthetic(30, seed=11))
    plain = victims(catalog, 4)
    echo = f"{DISCOGS_TOKEN} {SPOTIFY_ID}:{SPOTIFY_SECRET} Bearer {EURIA_KEY}"
    faults = [
        # Servers that echo the credentials back in their errors.
        Fault(service="discogs", path="/collection/value", status=500,
              body={"message": f"upstream said: {echo}"}),
        Fault(service="discogs", path="/collection/fields", status=502,
              body=f"<html>proxy error for {echo}</html>"),
        Fault(service="spotify_token", status=503, times=2,
              body={"error": "server_error", "error_description": echo}),
        Fault(service="spotify", title=plain[0], status=500,
              body={"error": {"status": 500, "message": echo}}),
        Fault(service="euria", title=plain[1], status=503,
              body={"error": {"message": echo, "type": "server_error"}}),
        Fault(service="spotify", title=plain[2], action="reset"),
        Fault(service="euria", title=plain[3], action="malformed"),
    ]
    with FakeApis(catalog, FakeConfig(faults=faults, **CONFIG)) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        summary = run_flow(tmp_path)
        access_tokens = tuple(fake._tokens)  # what the fake issued: secrets too
    secrets = SECRETS + access_tokens
    assert access_tokens

    db = tmp_path / "c.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        failed = dict(con.execute(
            "SELECT r.title, e.error FROM releases AS r JOIN ("
            "SELECT album_key, error FROM spotify_matches WHERE status = 'error' UNION ALL "
            "SELECT album_key, error FROM ai_descriptions WHERE status = 'error') AS e "
            "USING (album_key)").fetchall())
    assert set(plain[:4]) <= set(failed)
    assert "***" in failed[plain[0]] and "***" in failed[plain[1]]  # echoed back, masked

    flush_prefect_logs(f"Database: {summary['db_path']}")
    out, err = capfd.readouterr()
    leaks = [
        *found(secrets, out + err, "the console"),
        *found(secrets, caplog.text, "the captured log"),
        *found(secrets, "\n".join(every_log.lines), "a log handler"),
        *found(secrets, database_text(db), "the database's rows"),
        *found(secrets, json.dumps(summary), "the flow's result"),
    ]
    for folder in (tmp_path, *prefect_stores()):
        for path in files_under(folder):
            leaks += found(secrets, path.read_bytes(), str(path))
    assert leaks == []
    assert any("Collection value not available" in line for line in every_log.lines)

    # Every request had a timeout and verified TLS (were it https).
    assert wire and all(
        isinstance(call["timeout"], tuple) and all(t > 0 for t in call["timeout"])
        for call in wire)
    assert all(call["verify"] is not False for call in wire)

    # The page: the data block is what collection.json holds, and nothing broke out of it.
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    document = json.loads((tmp_path / "site" / "collection.json").read_text(encoding="utf-8"))
    assert embedded_document(page) == document
    assert len(parse_page(page).scripts) == 2 and page.lower().count("</script") == 2
    shown = {a["title"] for a in document["albums"]}
    for vector in XSS_VECTORS:
        assert any(title.startswith(clean_text(vector)) for title in shown), vector


@pytest.mark.usefixtures("prefect_harness")
@pytest.mark.parametrize("variable", ["DISCOGS_TOKEN", "SPOTIFY_CLIENT_SECRET", "EURIA_API_KEY"])
def test_a_refused_credential_is_named_but_never_shown(tmp_path, monkeypatch, capfd, every_log,
                                                       variable):
    wrong = f"wrong-{variable.lower()}-5e0d9c8b"
    with FakeApis(Catalog.synthetic(8, seed=5), FakeConfig(**CONFIG)) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv(variable, wrong)
        with pytest.raises(Exception) as failure:  # noqa: B017 - AuthError or RunFailed
            run_flow(tmp_path)

    text = "".join(traceback.format_exception(failure.value))
    assert variable in str(failure.value)
    out, err = capfd.readouterr()
    leaks = [*found((wrong, *SECRETS), text, "the exception"),
             *found((wrong, *SECRETS), out + err, "the console"),
             *found((wrong, *SECRETS), "\n".join(every_log.lines), "the logs")]
    if (tmp_path / "c.duckdb").exists():
        leaks += found((wrong, *SECRETS), database_text(tmp_path / "c.duckdb"), "the database")
    assert leaks == []


def test_settings_never_show_their_secrets():
    settings = Settings.from_env(env={"DISCOGS_TOKEN": DISCOGS_TOKEN,
                                      "SPOTIFY_CLIENT_ID": SPOTIFY_ID,
                                      "SPOTIFY_CLIENT_SECRET": SPOTIFY_SECRET,
                                      "EURIA_API_KEY": EURIA_KEY, "DISCOGS_USERNAME": "me"})
    assert found(SECRETS, repr(settings) + str(settings), "repr") == []


# --- static checks of the code -----------------------------------------------------------------

MODULES = {"requests", "subprocess", "os", "urllib"}
HTTP_VERBS = {"request", "get", "post", "put", "patch", "delete", "head", "options"}
SHELL_CALLS = {("os", "system"), ("os", "popen"), ("os", "execl"), ("os", "execlp"),
               ("os", "execv"), ("os", "execvp"), ("os", "spawnl"), ("pty", "spawn"),
               ("subprocess", "getoutput"), ("subprocess", "getstatusoutput")}
TLS_OFF = ("_create_unverified_context", "CERT_NONE", "disable_warnings")


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return "?"


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((k for k in call.keywords if k.arg == name), None)


def is_false(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def findings(source: str, label: str) -> dict[str, list[str]]:
    """What the code does that it must not: HTTP without timeout, TLS checks off, a shell.

    A call on a parameter that shadows a module is not that module's: a `requests: dict`
    parameter's requests.get() is a dict's.
    """
    tree = ast.parse(source, filename=label)
    shadowed: set[int] = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            params = {a.arg for a in ast.walk(function.args)
                      if isinstance(a, ast.arg) and a.arg in MODULES}
            shadowed |= {id(n) for n in ast.walk(function)
                         if isinstance(n, ast.Name) and n.id in params}
    found_: dict[str, list[str]] = {"http": [], "timeout": [], "tls": [], "shell": []}
    for node in ast.walk(tree):
        where = f"{label}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.keyword) and node.arg == "verify" and is_false(node.value):
            found_["tls"].append(f"{where}: verify=False")
        if isinstance(node, ast.Assign) and is_false(node.value) and any(
                isinstance(t, ast.Attribute) and t.attr in ("verify", "check_hostname")
                for t in node.targets):
            found_["tls"].append(f"{where}: TLS check turned off")
        if isinstance(node, ast.Attribute) and node.attr in TLS_OFF:
            found_["tls"].append(f"{where}: {node.attr}")
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute) and id(node.func.value) in shadowed:
            continue
        name = dotted(node.func)
        target, _, verb = name.rpartition(".")
        if (verb in HTTP_VERBS and (target == "requests" or target.endswith("session"))) \
                or name.endswith("urlopen"):
            found_["http"].append(f"{where}: {name}")
            if keyword(node, "timeout") is None:
                found_["timeout"].append(f"{where}: {name}(...) without timeout=")
        shell = keyword(node, "shell")
        if shell is not None and not is_false(shell.value):
            found_["shell"].append(f"{where}: {name}(shell=...)")
        if tuple(name.split(".")[-2:]) in SHELL_CALLS or name in ("eval", "exec"):
            found_["shell"].append(f"{where}: {name}(...)")
        if name.startswith("subprocess.") and node.args and \
                isinstance(node.args[0], ast.Constant | ast.JoinedStr):
            found_["shell"].append(f"{where}: {name} given a command string")
    return found_


def project_findings() -> dict[str, list[str]]:
    total: dict[str, list[str]] = {"http": [], "timeout": [], "tls": [], "shell": []}
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")) if (ROOT / folder).is_dir() else []:
            for kind, items in findings(path.read_text(encoding="utf-8"),
                                        str(path.relative_to(ROOT))).items():
                total[kind] += items
    return total


def test_the_static_checks_catch_what_they_look_for():
    bad = """
import requests, subprocess, os, ssl, urllib.request
requests.get("https://x")
s = requests.Session()
s.verify = False
def f(session, requests):
    session.post("https://x", verify=False)
    requests.get("a key")  # a dict parameter: not flagged
urllib.request.urlopen("https://x", context=ssl._create_unverified_context())
subprocess.run("ls " + name, shell=True)
subprocess.check_output(f"ls {name}")
os.system("ls")
"""
    got = findings(bad, "bad.py")
    assert sorted(w.split(": ", 1)[1] for w in got["timeout"]) == [
        "requests.get(...) without timeout=", "session.post(...) without timeout=",
        "urllib.request.urlopen(...) without timeout="]
    assert len(got["tls"]) == 3
    assert sorted(w.split(": ", 1)[1] for w in got["shell"]) == [
        "os.system(...)", "subprocess.check_output given a command string",
        "subprocess.run(shell=...)"]


def test_every_http_call_passes_a_timeout():
    found_ = project_findings()
    assert any("session.request" in call for call in found_["http"])  # tasks/http.send
    assert found_["timeout"] == []


def test_tls_is_never_turned_off():
    assert project_findings()["tls"] == []


def test_nothing_is_passed_to_a_shell():
    assert project_findings()["shell"] == []
