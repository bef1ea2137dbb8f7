-- Which Spotify matches are uncertain and worth a look (best candidate first)?
WITH first_copy AS (
    -- An album's pressings share one lookup: show it once, as its first copy.
    SELECT album_key, artist, title, year, discogs_url
    FROM albums
    QUALIFY row_number() OVER (PARTITION BY album_key ORDER BY release_id, copy_no) = 1
)

SELECT
    f.artist,
    f.title,
    f.year,
    round(s.score, 2) AS score,
    s.spotify_name,
    array_to_string(s.spotify_artists, ', ') AS spotify_artists,
    s.spotify_release_date,
    'https://open.spotify.com/album/' || s.spotify_album_id AS candidate_url,
    f.discogs_url
FROM first_copy AS f
JOIN spotify_matches AS s USING (album_key)
WHERE s.status = 'uncertain'
ORDER BY s.score DESC NULLS LAST, lower(f.artist), lower(f.title);
