-- Copies in `incoming` that are new, or back after having been removed.
SELECT count(*)
FROM incoming AS i
LEFT JOIN releases AS r USING (release_id, copy_no)
WHERE r.release_id IS NULL OR r.removed_at IS NOT NULL;
