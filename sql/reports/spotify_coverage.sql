-- How many albums are on Spotify, uncertain, not found, failed or not checked?
WITH album_status AS (
    SELECT DISTINCT album_key, coalesce(spotify_status, 'not_checked') AS status
    FROM albums
)

SELECT
    status,
    count(*) AS albums,
    round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM album_status
GROUP BY status
ORDER BY
    coalesce(list_position(['matched', 'uncertain', 'not_found', 'error', 'not_checked'], status),
             99),
    status;
