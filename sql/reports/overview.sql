-- How big is the collection: releases, copies, albums, artists, labels, years?
WITH totals AS (
    SELECT
        count(DISTINCT release_id) AS releases,
        count(*) AS copies,
        count(DISTINCT album_key) AS albums,
        count(DISTINCT album_key) FILTER (WHERE spotify_status = 'matched') AS albums_on_spotify,
        count(DISTINCT album_key) FILTER (WHERE ai_description IS NOT NULL) AS albums_described,
        count(*) FILTER (WHERE rating IS NOT NULL) AS rated_copies,
        min(year) AS oldest_year,
        max(year) AS newest_year
    FROM albums
),

distinct_names AS (
    SELECT
        (SELECT count(DISTINCT artist) FROM (SELECT unnest(artists) AS artist FROM albums))
            AS artists,
        (SELECT count(DISTINCT label) FROM (SELECT unnest(labels) AS label FROM albums))
            AS labels,
        (SELECT count(DISTINCT genre) FROM (SELECT unnest(genres) AS genre FROM albums))
            AS genres,
        (SELECT count(DISTINCT style) FROM (SELECT unnest(styles) AS style FROM albums))
            AS styles
)

-- Two lists unnested side by side: one row per metric, in this order.
SELECT
    unnest([
        'releases', 'copies', 'albums', 'artists', 'labels', 'genres', 'styles',
        'oldest_year', 'newest_year', 'rated_copies', 'albums_on_spotify', 'albums_described'
    ]) AS metric,
    unnest([
        t.releases, t.copies, t.albums, n.artists, n.labels, n.genres, n.styles,
        t.oldest_year, t.newest_year, t.rated_copies, t.albums_on_spotify, t.albums_described
    ]::BIGINT[]) AS value
FROM totals AS t, distinct_names AS n;
