-- The overrides file is the truth: its rows replace the table's (from `incoming_overrides`).
DELETE FROM spotify_overrides;
INSERT INTO spotify_overrides
SELECT album_key, artist, title, spotify_album_id, spotify_url, note, $now
FROM incoming_overrides;
