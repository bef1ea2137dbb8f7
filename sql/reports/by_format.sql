-- How many releases per medium (Vinyl, CD, Cassette, File...)?
WITH total AS (
    SELECT count(DISTINCT release_id) AS releases FROM albums
)

SELECT
    coalesce(a.media, '(unknown)') AS media,
    count(DISTINCT a.release_id) AS releases,
    count(*) AS copies,
    round(100.0 * count(DISTINCT a.release_id) / any_value(t.releases), 1) AS pct
FROM albums AS a, total AS t
GROUP BY a.media
ORDER BY releases DESC, copies DESC, media;
