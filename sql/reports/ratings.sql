-- How are your copies rated, from five stars to unrated?
WITH scale AS (
    -- Every step of the scale shows, even with no copy; 0 stands for unrated.
    SELECT unnest([5, 4, 3, 2, 1, 0]) AS stars
),

copies AS (
    SELECT coalesce(rating, 0) AS stars FROM albums
)

SELECT
    nullif(s.stars, 0) AS rating,
    CASE WHEN s.stars = 0 THEN 'unrated'
         ELSE repeat('★', s.stars) || repeat('☆', 5 - s.stars) END AS stars,
    count(c.stars) AS copies,
    coalesce(round(100.0 * count(c.stars) / nullif(sum(count(c.stars)) OVER (), 0), 1), 0)
        AS pct
FROM scale AS s
LEFT JOIN copies AS c USING (stars)
GROUP BY s.stars
ORDER BY s.stars = 0, s.stars DESC;
