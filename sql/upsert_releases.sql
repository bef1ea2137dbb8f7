-- Insert or refresh the copies seen in this run (from the registered `incoming` frame).
INSERT INTO releases
SELECT
    release_id, copy_no, instance_id, folder, master_id, artist,
    CAST(artists AS JSON)::VARCHAR[], title, year,
    CAST(labels AS JSON)::VARCHAR[], CAST(catnos AS JSON)::VARCHAR[],
    CAST(formats AS JSON)::VARCHAR[], media,
    CAST(genres AS JSON)::VARCHAR[], CAST(styles AS JSON)::VARCHAR[],
    cover_image, thumb, CAST(date_added AS TIMESTAMPTZ), rating,
    media_condition, sleeve_condition, notes, CAST(custom_fields AS JSON), discogs_url, album_key,
    $now AS first_seen_at, $now AS last_seen_at, NULL AS removed_at
FROM incoming
ON CONFLICT (release_id, copy_no) DO UPDATE SET
    instance_id = excluded.instance_id, folder = excluded.folder,
    master_id = excluded.master_id, artist = excluded.artist, artists = excluded.artists,
    title = excluded.title, year = excluded.year, labels = excluded.labels,
    catnos = excluded.catnos, formats = excluded.formats, media = excluded.media,
    genres = excluded.genres, styles = excluded.styles, cover_image = excluded.cover_image,
    thumb = excluded.thumb, date_added = excluded.date_added, rating = excluded.rating,
    media_condition = excluded.media_condition, sleeve_condition = excluded.sleeve_condition,
    notes = excluded.notes, custom_fields = excluded.custom_fields,
    discogs_url = excluded.discogs_url, album_key = excluded.album_key,
    last_seen_at = excluded.last_seen_at, removed_at = NULL;
