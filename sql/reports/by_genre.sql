-- How many releases per genre? (a release counts once in each of its genres)
WITH total AS (
    SELECT count(DISTINCT release_id) AS releases FROM albums
),

copy_genres AS (
    -- CSV exports carry no genres: those copies count under "(none)".
    SELECT
        release_id,
        unnest(CASE WHEN len(genres) = 0 THEN ['(none)'] ELSE list_distinct(genres) END) AS genre
    FROM albums
)

SELECT
    g.genre,
    count(DISTINCT g.release_id) AS releases,
    count(*) AS copies,
    round(100.0 * count(DISTINCT g.release_id) / any_value(t.releases), 1) AS pct
FROM copy_genres AS g, total AS t
GROUP BY g.genre
ORDER BY releases DESC, copies DESC, g.genre;
