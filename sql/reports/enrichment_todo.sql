-- How far along are the enrichments: albums done, failed, never tried?
WITH album_keys AS (
    SELECT DISTINCT album_key FROM albums
),

states AS (
    SELECT
        'spotify' AS step,
        CASE
            WHEN s.album_key IS NULL THEN 'not_tried'
            WHEN s.status = 'error' THEN 'failed'
            ELSE 'done'
        END AS state
    FROM album_keys
    LEFT JOIN spotify_matches AS s USING (album_key)

    UNION ALL

    SELECT
        'description' AS step,
        CASE
            WHEN d.album_key IS NULL THEN 'not_tried'
            -- A failed attempt keeps the earlier text, but is still asked again.
            WHEN d.status = 'error' OR d.description IS NULL THEN 'failed'
            ELSE 'done'
        END AS state
    FROM album_keys
    LEFT JOIN ai_descriptions AS d USING (album_key)
)

SELECT
    step,
    count(*) AS albums,
    count(*) FILTER (WHERE state = 'done') AS done,
    count(*) FILTER (WHERE state = 'failed') AS failed,
    count(*) FILTER (WHERE state = 'not_tried') AS not_tried,
    round(100.0 * count(*) FILTER (WHERE state = 'done') / count(*), 1) AS pct_done
FROM states
GROUP BY step
ORDER BY step = 'description', step;
