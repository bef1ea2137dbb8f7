-- Version 4: the best few Spotify candidates of each lookup, kept for `discogs-sync review`.
-- A JSON list, best first, of {spotify_album_id, url, name, artists, release_date, album_type,
-- total_tracks, score, evidence}; NULL for lookups stored before this version.
ALTER TABLE spotify_matches ADD COLUMN IF NOT EXISTS candidates JSON;
