-- Version 5: the track count of a Discogs release, fetched once (GET /releases/{id}) for a
-- Spotify lookup that ended without a link: the collection API gives no tracklist, and the
-- matcher weighs the count as evidence. NULL track_count: Discogs answered 404 or an empty
-- tracklist (unknown, not asked again).
CREATE TABLE IF NOT EXISTS discogs_release_tracks (
    release_id   BIGINT PRIMARY KEY,
    track_count  INTEGER,
    fetched_at   TIMESTAMPTZ NOT NULL
);
