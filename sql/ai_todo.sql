-- Albums of this run (`wanted`) that need a description: none yet, failed last time, or written
-- with another prompt version, language or length. Known Spotify facts ground the prompt.
SELECT
    w.album_key,
    d.generated_at AS previous_attempt,
    s.spotify_release_date,
    s.spotify_total_tracks
FROM wanted AS w
LEFT JOIN ai_descriptions AS d USING (album_key)
LEFT JOIN spotify_matches AS s ON s.album_key = w.album_key AND s.status = 'matched'
WHERE d.album_key IS NULL
   OR d.status = 'error'
   OR d.description IS NULL
   OR d.prompt_version IS DISTINCT FROM $prompt_version
   OR d.language IS DISTINCT FROM $language
   OR d.max_chars IS DISTINCT FROM $max_chars
ORDER BY w.album_key;
