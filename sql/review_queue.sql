-- The albums whose Spotify match a person should decide (`discogs-sync review`): uncertain ones,
-- highest score first, then, when $not_found, those not found, likeliest candidate first.
-- Albums already overridden are not in the view's uncertain / not_found statuses.
WITH pressings AS (
    -- The names each pressing would give an overrides line (one of them maps to album_key).
    SELECT
        album_key,
        list(struct_pack(artist := artist, title := title) ORDER BY release_id, copy_no)
            AS pressings
    FROM albums
    GROUP BY album_key
),

first_copy AS (
    SELECT *
    FROM albums
    QUALIFY row_number() OVER (PARTITION BY album_key ORDER BY release_id, copy_no) = 1
)

SELECT
    f.album_key, f.release_id, f.artist, f.artists, f.title, f.year,
    m.year AS master_year, f.labels, f.catnos, f.formats, f.discogs_url,
    f.spotify_status AS status, s.score, s.checked_at,
    s.spotify_album_id, s.spotify_name, s.spotify_artists, s.spotify_release_date,
    s.spotify_album_type, s.spotify_total_tracks, s.evidence, s.candidates,
    to_json(p.pressings) AS pressings
FROM first_copy AS f
JOIN spotify_matches AS s USING (album_key)
JOIN pressings AS p USING (album_key)
LEFT JOIN discogs_masters AS m ON m.master_id = f.master_id
WHERE f.spotify_status = 'uncertain' OR ($not_found AND f.spotify_status = 'not_found')
ORDER BY
    f.spotify_status = 'not_found',
    coalesce(s.score, TRY_CAST(json_extract_string(s.candidates, '$[0].score') AS DOUBLE))
        DESC NULLS LAST,
    lower(f.artist), lower(f.title);
