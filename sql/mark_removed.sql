-- Copies no longer in the (complete) extraction are marked removed, never deleted.
UPDATE releases SET removed_at = $now
WHERE removed_at IS NULL
  AND NOT EXISTS (
      SELECT 1 FROM incoming AS i
      WHERE i.release_id = releases.release_id AND i.copy_no = releases.copy_no
  )
RETURNING release_id;
