-- discogs-sync schema, version 1. Later changes go to sql/migrations/NNNN_name.sql.

-- One row per owned copy of a Discogs release (the same release can be owned twice).
CREATE TABLE IF NOT EXISTS releases (
    release_id       BIGINT    NOT NULL,  -- Discogs release id
    copy_no          INTEGER   NOT NULL,  -- 1..n among the copies of this release
    instance_id      BIGINT,              -- Discogs collection instance (API source only)
    folder           VARCHAR,             -- folder id (API) or name (CSV export)
    master_id        BIGINT,              -- Discogs master release, NULL when none
    artist           VARCHAR   NOT NULL,  -- display artist, joins kept ("Simon & Garfunkel")
    artists          VARCHAR[] NOT NULL,  -- individual artist names
    title            VARCHAR   NOT NULL,
    year             INTEGER,             -- release year of this pressing, NULL when unknown
    labels           VARCHAR[] NOT NULL,
    catnos           VARCHAR[] NOT NULL,  -- catalogue numbers
    formats          VARCHAR[] NOT NULL,  -- "2xVinyl, LP, Album, Gatefold"
    media            VARCHAR,             -- primary medium: Vinyl, CD, Cassette, File...
    genres           VARCHAR[] NOT NULL,
    styles           VARCHAR[] NOT NULL,
    cover_image      VARCHAR,
    thumb            VARCHAR,
    date_added       TIMESTAMPTZ,         -- when it was added to the collection
    rating           INTEGER,             -- 1..5, NULL when unrated
    media_condition  VARCHAR,
    sleeve_condition VARCHAR,
    notes            VARCHAR,
    custom_fields    JSON,                -- other user-defined collection fields, by name
    discogs_url      VARCHAR   NOT NULL,
    album_key        VARCHAR   NOT NULL,  -- normalized "artist|title": the enrichment key
    first_seen_at    TIMESTAMPTZ NOT NULL,
    last_seen_at     TIMESTAMPTZ NOT NULL,
    removed_at       TIMESTAMPTZ,         -- set when gone from Discogs; never deleted
    PRIMARY KEY (release_id, copy_no)
);

-- One Spotify lookup per album (all pressings of an album share it).
CREATE TABLE IF NOT EXISTS spotify_matches (
    album_key             VARCHAR PRIMARY KEY,
    status                VARCHAR NOT NULL,  -- matched | uncertain | not_found | error
    score                 DOUBLE,            -- 0..1 confidence of the chosen candidate
    spotify_album_id      VARCHAR,           -- the best candidate, even when uncertain
    spotify_url           VARCHAR,           -- set only when matched
    spotify_name          VARCHAR,
    spotify_artists       VARCHAR[],
    spotify_album_type    VARCHAR,
    spotify_release_date  VARCHAR,           -- "1973-03-01", "1973-03" or "1973"
    spotify_total_tracks  INTEGER,
    spotify_duration_ms   BIGINT,
    spotify_image         VARCHAR,
    spotify_popularity    INTEGER,           -- absent for apps in development mode
    spotify_label         VARCHAR,           -- absent for apps in development mode
    evidence              JSON,              -- per-field scores, runner-up, queries sent
    error                 VARCHAR,           -- why the last lookup failed
    checked_at            TIMESTAMPTZ NOT NULL
);

-- One AI description per album; a failed attempt keeps the previous text.
CREATE TABLE IF NOT EXISTS ai_descriptions (
    album_key          VARCHAR PRIMARY KEY,
    status             VARCHAR NOT NULL,  -- generated | error
    description        VARCHAR,
    model              VARCHAR,
    prompt_version     VARCHAR,
    language           VARCHAR,
    max_chars          INTEGER,
    prompt_tokens      INTEGER,
    completion_tokens  INTEGER,
    seconds            DOUBLE,            -- generation time
    error              VARCHAR,
    generated_at       TIMESTAMPTZ NOT NULL  -- time of the last attempt
);

-- One row per flow run: what it fetched, changed and asked.
CREATE TABLE IF NOT EXISTS sync_runs (
    run_id             VARCHAR PRIMARY KEY,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    source             VARCHAR,            -- api, or the CSV file name
    username           VARCHAR,
    demo               BOOLEAN,
    albums_fetched     INTEGER,
    added              INTEGER,
    removed            INTEGER,
    spotify_matched    INTEGER,
    spotify_uncertain  INTEGER,
    spotify_not_found  INTEGER,
    spotify_errors     INTEGER,
    ai_generated       INTEGER,
    ai_failed          INTEGER,
    ai_tokens          INTEGER,            -- prompt + completion tokens used by this run
    spotify_pending    INTEGER,            -- lookups left for a later run
    ai_pending         INTEGER,            -- descriptions left for a later run (quota)
    requests           JSON,               -- requests sent per API
    collection_value   JSON,               -- Discogs' minimum / median / maximum estimate
    status             VARCHAR,
    message            VARCHAR,
    duration_s         DOUBLE
);

-- What the page and the reports read: each owned copy with its album's enrichments.
CREATE OR REPLACE VIEW albums AS
SELECT
    r.*,
    s.status           AS spotify_status,
    s.spotify_url,
    s.score            AS spotify_match_score,
    s.spotify_name,
    s.spotify_artists,
    s.spotify_release_date,
    s.spotify_total_tracks,
    s.spotify_image,
    s.checked_at       AS spotify_checked_at,
    d.description      AS ai_description,
    d.model            AS ai_model,
    d.language         AS ai_language,
    d.status           AS ai_status
FROM releases AS r
LEFT JOIN spotify_matches AS s USING (album_key)
LEFT JOIN ai_descriptions AS d USING (album_key)
WHERE r.removed_at IS NULL;
