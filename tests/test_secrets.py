"""Credentials from the environment, else from the Prefect Secret blocks it names."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from flows.credentials import BLOCK_SUFFIX, CREDENTIAL_VARS, SecretBlockError, secret_env

TOKEN = "s3cr3t-discogs-token"


class Blocks:
    """Stands in for the Prefect API: Secret blocks by name, and the names asked for."""

    def __init__(self, **values: str) -> None:
        self.values = values
        self.asked: list[str] = []

    def __call__(self, name: str) -> str:
        self.asked.append(name)
        if name not in self.values:
            raise ValueError(f"Unable to find block document named {name} for block type secret")
        return self.values[name]


@pytest.fixture(autouse=True)
def no_block_names(monkeypatch):
    for name in CREDENTIAL_VARS:
        monkeypatch.delenv(name + BLOCK_SUFFIX, raising=False)


def test_a_named_block_fills_a_missing_variable():
    blocks = Blocks(**{"discogs-token": TOKEN, "euria-key": "k-123"})
    env = {"DISCOGS_USERNAME": "alice", "DISCOGS_TOKEN_BLOCK": "discogs-token",
           "EURIA_API_KEY_BLOCK": "euria-key"}

    assert secret_env(env, load_block=blocks) == {"DISCOGS_TOKEN": TOKEN,
                                                   "EURIA_API_KEY": "k-123"}


def test_the_variable_wins_over_the_block_which_is_then_not_read():
    blocks = Blocks(**{"discogs-token": TOKEN})
    env = {"DISCOGS_TOKEN": "from-env", "DISCOGS_TOKEN_BLOCK": "discogs-token"}

    assert secret_env(env, load_block=blocks) == {}
    assert blocks.asked == []


def test_a_blank_variable_counts_as_missing():
    env = {"DISCOGS_TOKEN": "  ", "DISCOGS_TOKEN_BLOCK": " discogs-token "}

    assert secret_env(env, load_block=Blocks(**{"discogs-token": TOKEN + "\n"})) == {
        "DISCOGS_TOKEN": TOKEN}


def test_without_block_names_nothing_is_read():
    blocks = Blocks()
    env = {"DISCOGS_USERNAME": "alice", "OTHER_BLOCK": "x", "DISCOGS_TOKEN_BLOCK": ""}

    assert secret_env(env, load_block=blocks) == {}
    assert blocks.asked == []


def test_a_missing_block_is_a_clear_error_naming_variable_and_block():
    env = {"SPOTIFY_CLIENT_SECRET_BLOCK": "spotify-secret"}

    with pytest.raises(SecretBlockError) as error:
        secret_env(env, load_block=Blocks())

    assert str(error.value).startswith(
        "SPOTIFY_CLIENT_SECRET_BLOCK names the Secret block 'spotify-secret', which could not "
        "be read: Unable to find block document named spotify-secret")


def test_block_names_and_values_are_read_from_dotenv_like_settings():
    # The autouse clean_env fixture runs each test in an empty folder: write its .env.
    (Path.cwd() / ".env").write_text("DISCOGS_TOKEN_BLOCK=discogs-token\n"
                                         "EURIA_API_KEY=from-dotenv\n"
                                         "EURIA_API_KEY_BLOCK=euria-key\n")
    blocks = Blocks(**{"discogs-token": TOKEN, "euria-key": "unused"})

    assert secret_env(load_block=blocks) == {"DISCOGS_TOKEN": TOKEN}
    assert blocks.asked == ["discogs-token"]


def test_values_are_never_logged(caplog):
    caplog.set_level(logging.DEBUG)

    secret_env({"DISCOGS_TOKEN_BLOCK": "discogs-token"},
               load_block=Blocks(**{"discogs-token": TOKEN}))

    assert "DISCOGS_TOKEN read from the Secret block 'discogs-token'" in caplog.text
    assert TOKEN not in caplog.text


@pytest.mark.usefixtures("prefect_harness")
def test_a_real_prefect_secret_block(caplog):
    from prefect.blocks.system import Secret

    Secret(value=TOKEN).save("discogs-sync-test-token", overwrite=True)
    caplog.set_level(logging.DEBUG)

    assert secret_env({"DISCOGS_TOKEN_BLOCK": "discogs-sync-test-token"}) == {
        "DISCOGS_TOKEN": TOKEN}
    assert TOKEN not in caplog.text
    with pytest.raises(SecretBlockError, match="'no-such-block'"):
        secret_env({"DISCOGS_TOKEN_BLOCK": "no-such-block"})
