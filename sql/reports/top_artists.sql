-- Which 25 artists do you own most releases of (each credited artist counts)?
WITH copy_artists AS (
    SELECT release_id, album_key, year, rating, unnest(list_distinct(artists)) AS artist
    FROM albums
)

SELECT
    artist,
    count(DISTINCT release_id) AS releases,
    count(*) AS copies,
    count(DISTINCT album_key) AS albums,
    min(year) AS first_year,
    max(year) AS last_year,
    round(avg(rating), 1) AS avg_rating
FROM copy_artists
-- Compilations are credited to "Various": not an artist to rank.
WHERE artist <> 'Various'
GROUP BY artist
ORDER BY releases DESC, copies DESC, lower(artist), artist
LIMIT 25;
