-- One entry per release in the collection (copies counted), with its album's enrichments.
WITH copies AS (
    SELECT release_id, count(*) AS copies
    FROM albums
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
JOIN copies AS c USING (release_id)
LEFT JOIN spotify_matches AS s USING (album_key)
WHERE a.copy_no = (SELECT min(copy_no) FROM albums AS b WHERE b.release_id = a.release_id)
ORDER BY lower(a.artist), lower(a.title), a.release_id;
