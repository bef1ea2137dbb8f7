-- Which albums do you own more than once (other pressings, or a release twice)?
WITH copies AS (
    SELECT
        album_key,
        release_id,
        copy_no,
        artist,
        title,
        year,
        -- "1973, Vinyl, Harvest, SHVL 804": what tells the copies apart.
        concat_ws(', ', CAST(year AS VARCHAR), media, labels[1], catnos[1]) AS copy
    FROM albums
),

owned_twice AS (
    SELECT
        album_key,
        arg_min(artist, (release_id, copy_no)) AS artist,
        arg_min(title, (release_id, copy_no)) AS title,
        count(DISTINCT release_id) AS pressings,
        count(*) AS copies,
        string_agg(copy, '; ' ORDER BY year NULLS LAST, release_id, copy_no) AS details
    FROM copies
    GROUP BY album_key
    HAVING count(*) > 1
)

SELECT artist, title, pressings, copies, details, album_key
FROM owned_twice
ORDER BY copies DESC, pressings DESC, lower(artist), lower(title), album_key;
