-- How many copies loaded before are absent from this (complete) extraction, out of how many.
SELECT
    count(*) FILTER (WHERE i.release_id IS NULL) AS removable,
    count(*) AS active
FROM releases AS r
LEFT JOIN incoming AS i USING (release_id, copy_no)
WHERE r.removed_at IS NULL;
