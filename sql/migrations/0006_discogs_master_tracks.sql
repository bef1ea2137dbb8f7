-- Version 6: the track count of each master's tracklist (its main release), fetched with its
-- year in the same request (GET /masters/{id}): a lookup that wants both asks Discogs once.
-- NULL for the masters fetched before (the year alone) and those Discogs shows no tracks for.
ALTER TABLE discogs_masters ADD COLUMN IF NOT EXISTS track_count INTEGER;
