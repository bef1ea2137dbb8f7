-- How many releases per label? (a release counts once in each of its labels)
WITH total AS (
    SELECT count(DISTINCT release_id) AS releases FROM albums
),

copy_labels AS (
    SELECT
        release_id,
        unnest(CASE WHEN len(labels) = 0 THEN ['(none)'] ELSE list_distinct(labels) END) AS label
    FROM albums
)

SELECT
    l.label,
    count(DISTINCT l.release_id) AS releases,
    count(*) AS copies,
    round(100.0 * count(DISTINCT l.release_id) / any_value(t.releases), 1) AS pct
FROM copy_labels AS l, total AS t
GROUP BY l.label
ORDER BY releases DESC, copies DESC, l.label;
