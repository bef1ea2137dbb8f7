"""Demo mode: with no Discogs credentials, the bundled sample through local fakes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tasks.config import (
    DEFAULT_DB_PATH,
    DEFAULT_OUT_DIR,
    DEMO_DB_PATH,
    DEMO_OUT_DIR,
    Settings,
)

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


@contextmanager
def demo_services(settings: Settings, source: str,
                  logger: logging.Logger | logging.LoggerAdapter) -> Iterator[Settings]:
    """With no Discogs credentials, serve the bundled sample through a local fake API."""
    if source != "api" or not settings.missing_discogs():
        yield settings
        return
    from tasks.fake_apis import Catalog, FakeApis

    logger.warning(
        "No Discogs credentials (%s not set): running the DEMO on the bundled sample collection "
        "(%s), served by a local fake of the Discogs, Spotify and EurIA APIs. Set them in .env "
        "to sync your own collection.", " and ".join(settings.missing_discogs()), SAMPLE_DIR)
    with FakeApis(Catalog.load_sample(SAMPLE_DIR)) as fake:
        demo = Settings.from_env(env=fake.env()).with_overrides(
            db_path=DEMO_DB_PATH if settings.db_path == DEFAULT_DB_PATH else settings.db_path,
            out_dir=DEMO_OUT_DIR if settings.out_dir == DEFAULT_OUT_DIR else settings.out_dir,
            demo=True)
        yield demo
