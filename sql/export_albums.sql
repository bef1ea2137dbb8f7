-- One entry per release in the collection (copies counted), with its album's enrichments.
-- The copies are counted, and each release's first copy chosen, from releases alone: through
-- the albums view (its joins) each took tens of MB of DuckDB's memory at 10,000 albums.
WITH copies AS (
    SELECT release_id, count(*) AS copies, min(copy_no) AS first_copy
    FROM releases
    WHERE removed_at IS NULL
    GROUP BY release_id
)
SELECT
    a.release_id, a.discogs_url, a.artist, a.artists, a.title, a.year, a.labels, a.catnos,
    a.formats, a.media, a.genres, a.styles, a.cover_image, a.thumb,
    strftime(a.date_added AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS date_added,
    a.rating, a.media_condition, a.sleeve_condition, a.notes, a.custom_fields, a.folder,
    a.master_id, a.album_key, c.copies,
    a.spotify_status, a.spotify_url, a.spotify_match_score, a.spotify_name, a.spotify_artists,
    a.spotify_release_date, a.spotify_total_tracks, a.spotify_image,
    -- an uncertain match's best candidate: offered on the page as "not confirmed"
    CASE WHEN a.spotify_status = 'uncertain' AND s.spotify_album_id IS NOT NULL
        THEN 'https://open.spotify.com/album/' || s.spotify_album_id END AS spotify_candidate_url,
    a.ai_description, a.ai_model, a.ai_language
FROM albums AS a
JOIN copies AS c ON c.release_id = a.release_id AND c.first_copy = a.copy_no
LEFT JOIN spotify_matches AS s USING (album_key)
ORDER BY lower(a.artist), lower(a.title), a.release_id;
