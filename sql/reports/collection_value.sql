-- What was the collection worth at each sync, by Discogs' estimate?
WITH amounts AS (
    -- sync_runs.collection_value holds Discogs' formatted strings: {"median": "€1,234.56"}.
    SELECT
        r.run_id,
        r.started_at,
        f.field,
        json_extract_string(r.collection_value, '$.' || f.field) AS text
    FROM sync_runs AS r
    CROSS JOIN (VALUES ('minimum'), ('median'), ('maximum')) AS f (field)
    WHERE r.collection_value IS NOT NULL
),

parsed AS (
    SELECT
        run_id,
        started_at,
        field,
        -- The currency is what is left once digits, separators and spaces are gone: €, $, CA$.
        nullif(trim(regexp_replace(text, '[0-9.,\s]', '', 'g')), '') AS currency,
        regexp_replace(text, '[^0-9.,]', '', 'g') AS digits
    FROM amounts
),

numbers AS (
    SELECT
        run_id,
        started_at,
        field,
        currency,
        -- "1,234.56" is what the API sends; "1.234,56" (decimal comma) is read too.
        TRY_CAST(
            CASE
                WHEN regexp_matches(digits, ',[0-9]{1,2}$')
                    THEN replace(replace(digits, '.', ''), ',', '.')
                ELSE replace(digits, ',', '')
            END AS DECIMAL(14, 2)
        ) AS amount
    FROM parsed
),

runs AS (
    SELECT
        run_id,
        any_value(started_at) AS started_at,
        any_value(currency) AS currency,
        any_value(amount) FILTER (WHERE field = 'minimum') AS minimum,
        any_value(amount) FILTER (WHERE field = 'median') AS median,
        any_value(amount) FILTER (WHERE field = 'maximum') AS maximum
    FROM numbers
    GROUP BY run_id
)

SELECT
    started_at,
    currency,
    minimum,
    median,
    maximum,
    median - lag(median) OVER (ORDER BY started_at, run_id) AS median_change,
    run_id
FROM runs
ORDER BY started_at, run_id;
