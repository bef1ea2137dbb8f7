-- How many releases per decade of release (of the pressing owned)?
WITH total AS (
    SELECT count(DISTINCT release_id) AS releases FROM albums
),

copy_decades AS (
    SELECT release_id, year // 10 * 10 AS decade_start
    FROM albums
)

SELECT
    coalesce(CAST(d.decade_start AS VARCHAR) || 's', '(unknown)') AS decade,
    count(DISTINCT d.release_id) AS releases,
    count(*) AS copies,
    round(100.0 * count(DISTINCT d.release_id) / any_value(t.releases), 1) AS pct
FROM copy_decades AS d, total AS t
GROUP BY d.decade_start
ORDER BY d.decade_start NULLS LAST;
