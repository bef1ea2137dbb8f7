-- Version 3: the original year of each Discogs master, fetched once (GET /masters/{id}).
-- The Spotify matcher compares years with it: a reissue's pressing year misleads.
CREATE TABLE IF NOT EXISTS discogs_masters (
    master_id   BIGINT PRIMARY KEY,
    year        INTEGER,              -- NULL when Discogs does not know it
    fetched_at  TIMESTAMPTZ NOT NULL
);
