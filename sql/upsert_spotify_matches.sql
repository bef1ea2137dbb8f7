-- Store this run's Spotify lookups (from the registered `incoming_spotify` frame).
-- Columns named: one added by a migration sits last in an upgraded database only.
INSERT INTO spotify_matches (
    album_key, status, score, spotify_album_id, spotify_url, spotify_name, spotify_artists,
    spotify_album_type, spotify_release_date, spotify_total_tracks, spotify_duration_ms,
    spotify_image, spotify_popularity, spotify_label, evidence, error, checked_at, candidates
)
SELECT
    album_key, status, score, spotify_album_id, spotify_url, spotify_name,
    CAST(spotify_artists AS JSON)::VARCHAR[], spotify_album_type, spotify_release_date,
    spotify_total_tracks, spotify_duration_ms, spotify_image, spotify_popularity, spotify_label,
    CAST(evidence AS JSON), error, CAST(checked_at AS TIMESTAMPTZ), CAST(candidates AS JSON)
FROM incoming_spotify
ON CONFLICT (album_key) DO UPDATE SET
    status = excluded.status, score = excluded.score,
    spotify_album_id = excluded.spotify_album_id, spotify_url = excluded.spotify_url,
    spotify_name = excluded.spotify_name, spotify_artists = excluded.spotify_artists,
    spotify_album_type = excluded.spotify_album_type,
    spotify_release_date = excluded.spotify_release_date,
    spotify_total_tracks = excluded.spotify_total_tracks,
    spotify_duration_ms = excluded.spotify_duration_ms, spotify_image = excluded.spotify_image,
    spotify_popularity = excluded.spotify_popularity, spotify_label = excluded.spotify_label,
    evidence = excluded.evidence, error = excluded.error, checked_at = excluded.checked_at,
    candidates = excluded.candidates;
