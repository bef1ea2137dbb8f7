-- Version 2: manual Spotify overrides (data/overrides.csv), which every run respects.

-- A user's pin of an album to a Spotify album, or a "not on Spotify" mark (spotify_url NULL).
CREATE TABLE IF NOT EXISTS spotify_overrides (
    album_key         VARCHAR PRIMARY KEY,  -- normalized "artist|title", as in releases
    artist            VARCHAR NOT NULL,     -- as written in the overrides file
    title             VARCHAR NOT NULL,
    spotify_album_id  VARCHAR,              -- NULL: the album is not on Spotify
    spotify_url       VARCHAR,
    note              VARCHAR,
    loaded_at         TIMESTAMPTZ NOT NULL
);

-- The albums view, now with the overrides winning over the lookups.
CREATE OR REPLACE VIEW albums AS
SELECT
    r.*,
    CASE
        WHEN o.album_key IS NULL THEN s.status
        WHEN o.spotify_url IS NULL THEN 'not_on_spotify'
        ELSE 'manual'
    END                AS spotify_status,
    CASE WHEN o.album_key IS NULL THEN s.spotify_url ELSE o.spotify_url END AS spotify_url,
    CASE WHEN o.album_key IS NULL THEN s.score END AS spotify_match_score,
    -- the looked-up details stay only when they describe the album the user chose
    CASE WHEN same.ok THEN s.spotify_name END           AS spotify_name,
    CASE WHEN same.ok THEN s.spotify_artists END        AS spotify_artists,
    CASE WHEN same.ok THEN s.spotify_release_date END   AS spotify_release_date,
    CASE WHEN same.ok THEN s.spotify_total_tracks END   AS spotify_total_tracks,
    CASE WHEN same.ok THEN s.spotify_image END          AS spotify_image,
    s.checked_at       AS spotify_checked_at,
    d.description      AS ai_description,
    d.model            AS ai_model,
    d.language         AS ai_language,
    d.status           AS ai_status
FROM releases AS r
LEFT JOIN spotify_matches AS s USING (album_key)
LEFT JOIN spotify_overrides AS o USING (album_key)
LEFT JOIN ai_descriptions AS d USING (album_key)
CROSS JOIN LATERAL (
    SELECT o.album_key IS NULL OR o.spotify_album_id IS NOT DISTINCT FROM s.spotify_album_id
) AS same(ok)
WHERE r.removed_at IS NULL;
