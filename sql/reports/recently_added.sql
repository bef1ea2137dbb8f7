-- Which 25 copies were added to the collection last?
SELECT
    CAST(date_added AS DATE) AS date_added,
    artist,
    title,
    year,
    media,
    labels[1] AS label,
    catnos[1] AS catno,
    discogs_url
FROM albums
WHERE date_added IS NOT NULL
ORDER BY albums.date_added DESC, release_id DESC, copy_no DESC
LIMIT 25;
