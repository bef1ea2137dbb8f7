-- How many releases per style? (a release counts once in each of its styles)
WITH total AS (
    SELECT count(DISTINCT release_id) AS releases FROM albums
),

copy_styles AS (
    -- CSV exports carry no styles, and Discogs leaves some releases without: "(none)".
    SELECT
        release_id,
        unnest(CASE WHEN len(styles) = 0 THEN ['(none)'] ELSE list_distinct(styles) END) AS style
    FROM albums
)

SELECT
    s.style,
    count(DISTINCT s.release_id) AS releases,
    count(*) AS copies,
    round(100.0 * count(DISTINCT s.release_id) / any_value(t.releases), 1) AS pct
FROM copy_styles AS s, total AS t
GROUP BY s.style
ORDER BY releases DESC, copies DESC, s.style;
