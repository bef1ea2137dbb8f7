-- Albums of this run (`wanted`) that need a Spotify lookup: never looked up, failed last time,
-- or not found / uncertain longer ago than the recheck delay. A match is never asked again, nor
-- an album the user's overrides file decides (`overridden`).
SELECT w.album_key, s.checked_at AS previous_check
FROM wanted AS w
LEFT JOIN spotify_matches AS s USING (album_key)
WHERE w.album_key NOT IN (SELECT album_key FROM overridden)
  AND (s.album_key IS NULL
   OR s.status = 'error'
   OR (s.status IN ('not_found', 'uncertain')
       AND s.checked_at < $now - to_days(CAST($recheck_days AS INTEGER))))
ORDER BY w.album_key;
