-- Which albums failed their last Spotify lookup or description, and why?
WITH first_copy AS (
    SELECT album_key, artist, title
    FROM albums
    QUALIFY row_number() OVER (PARTITION BY album_key ORDER BY release_id, copy_no) = 1
),

failures AS (
    SELECT 'spotify' AS step, album_key, s.error, s.checked_at AS last_attempt
    FROM spotify_matches AS s
    WHERE s.status = 'error'

    UNION ALL

    SELECT 'description' AS step, album_key, d.error, d.generated_at AS last_attempt
    FROM ai_descriptions AS d
    WHERE d.status = 'error'
)

SELECT
    x.step,
    f.artist,
    f.title,
    x.error,
    x.last_attempt,
    x.album_key
FROM failures AS x
JOIN first_copy AS f USING (album_key)
ORDER BY x.step = 'description', lower(f.artist), lower(f.title);
