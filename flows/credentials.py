"""Credentials from environment variables, or from Prefect Secret blocks named in them.

A credential comes from its environment variable (or the project's .env) when set. Otherwise,
when `<VAR>_BLOCK` names a Prefect Secret block (`DISCOGS_TOKEN_BLOCK=discogs-token`), from
that block. Values are never logged: only variable and block names are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from dotenv import dotenv_values

from tasks.config import run_logger

CREDENTIAL_VARS = (
    "DISCOGS_USERNAME", "DISCOGS_TOKEN", "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET",
    "EURIA_API_KEY", "EURIA_PRODUCT_ID",
)
BLOCK_SUFFIX = "_BLOCK"


class SecretBlockError(RuntimeError):
    """A Secret block named in the environment could not be read."""


def load_secret_block(name: str) -> str:
    """The value of the Prefect Secret block `name` (from the Prefect API in use)."""
    from prefect.blocks.system import Secret

    value = Secret.load(name, _sync=True).get()
    return value if isinstance(value, str) else str(value)


def current_env() -> dict[str, str]:
    """The environment as Settings sees it: ./.env, overridden by the process environment."""
    dotenv = {k: v for k, v in dotenv_values(Path.cwd() / ".env").items() if v is not None}
    return {**dotenv, **os.environ}


def secret_env(
    env: Mapping[str, str] | None = None,
    load_block: Callable[[str], str] = load_secret_block,
    names: tuple[str, ...] = CREDENTIAL_VARS,
) -> dict[str, str]:
    """The credentials missing from env that a Secret block named by `<VAR>_BLOCK` provides."""
    env = current_env() if env is None else env
    found: dict[str, str] = {}
    for name in names:
        block = (env.get(name + BLOCK_SUFFIX) or "").strip()
        if not block or (env.get(name) or "").strip():
            continue
        try:
            value = load_block(block)
        except Exception as exc:  # noqa: BLE001 - one clear message, whatever the cause
            raise SecretBlockError(
                f"{name}{BLOCK_SUFFIX} names the Secret block {block!r}, which could not be "
                f"read: {exc}. Create it in the Prefect UI (Blocks > Secret) or set {name} "
                "instead.") from exc
        found[name] = value.strip()
        run_logger().info("%s read from the Secret block %r", name, block)
    return found
