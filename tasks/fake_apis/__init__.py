"""A local fake of the Discogs, Spotify and EurIA HTTP APIs, stdlib only.

It serves the offline demo (`make run` with no credentials), the end-to-end tests and the
benchmarks. It answers with the real APIs' shapes, status codes, headers and quirks (see
docs in ../shared/api/README.md), from a `Catalog` held in memory:

    with FakeApis(Catalog.load_sample()) as fake:
        os.environ.update(fake.env())
        ...  # run the pipeline; then look at fake.stats

Everything runs on 127.0.0.1 on a free port, in a daemon thread; nothing is global, so several
fakes can run side by side. The package must not import the project's own code: the fake would
then agree with the client's bugs instead of catching them.

One module per service (discogs, spotify, euria: each a mixin of FakeApis, in apis), the
catalogue (catalog, synthetic), the strict Spotify search engine that the HTTP fake and the
matcher's evaluation share (search), what a fake is told and counts (config), and the HTTP
server they share (server).
"""

from .apis import FakeApis, main
from .catalog import (
    REAL_DISCOGS_URL,
    REAL_SPOTIFY_API_URL,
    SAMPLE_DIR,
    STANDARD_FIELDS,
    Catalog,
    discogs_display_artist,
    normalize_key,
    normalize_text,
    spotify_id,
)
from .config import FAULT_ACTIONS, MAX_LOGGED_CALLS, SERVICES, FakeConfig, FakeStats, Fault
from .discogs import (
    DISCOGS_DEFAULT_LIMIT,
    DISCOGS_DEFAULT_PER_PAGE,
    DISCOGS_MAX_PER_PAGE,
    DISCOGS_WINDOW_S,
)
from .euria import EURIA_MODELS, grounded_description, prompt_facts
from .search import FakeSearch, ParsedQuery, QueryError, fold_words, parse_query
from .spotify import (
    DEV_MODE_ABSENT,
    SPOTIFY_DEFAULT_LIMIT,
    SPOTIFY_MAX_LIMIT,
    SPOTIFY_MAX_OFFSET,
    dev_mode_album,
)
from .synthetic import discogs_image_urls

__all__ = [
    "DEV_MODE_ABSENT", "DISCOGS_DEFAULT_LIMIT", "DISCOGS_DEFAULT_PER_PAGE", "DISCOGS_MAX_PER_PAGE",
    "DISCOGS_WINDOW_S", "EURIA_MODELS", "FAULT_ACTIONS", "MAX_LOGGED_CALLS", "REAL_DISCOGS_URL",
    "REAL_SPOTIFY_API_URL", "SAMPLE_DIR", "SERVICES", "SPOTIFY_DEFAULT_LIMIT",
    "SPOTIFY_MAX_LIMIT", "SPOTIFY_MAX_OFFSET", "STANDARD_FIELDS", "Catalog", "FakeApis",
    "FakeConfig", "FakeSearch", "FakeStats", "Fault", "ParsedQuery", "QueryError",
    "dev_mode_album", "discogs_display_artist", "discogs_image_urls", "fold_words",
    "grounded_description", "main", "normalize_key", "normalize_text", "parse_query",
    "prompt_facts", "spotify_id",
]
