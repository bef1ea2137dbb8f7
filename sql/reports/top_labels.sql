-- Which 25 labels do you own most releases of (with their artists and years)?
WITH copy_labels AS (
    SELECT release_id, artist, year, unnest(list_distinct(labels)) AS label
    FROM albums
)

SELECT
    label,
    count(DISTINCT release_id) AS releases,
    count(*) AS copies,
    count(DISTINCT artist) AS artists,
    min(year) AS first_year,
    max(year) AS last_year
FROM copy_labels
-- Discogs' placeholder for self-released records: "Not On Label (Xyz Self-released)".
WHERE label NOT LIKE 'Not On Label%'
GROUP BY label
ORDER BY releases DESC, copies DESC, lower(label), label
LIMIT 25;
