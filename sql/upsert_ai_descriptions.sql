-- Store this run's descriptions (from `incoming_ai`); a failed attempt keeps the earlier text.
INSERT INTO ai_descriptions
SELECT
    album_key, status, description, model, prompt_version, language, max_chars,
    prompt_tokens, completion_tokens, seconds, error, CAST(generated_at AS TIMESTAMPTZ)
FROM incoming_ai
ON CONFLICT (album_key) DO UPDATE SET
    status = excluded.status,
    description = coalesce(excluded.description, ai_descriptions.description),
    model = coalesce(excluded.model, ai_descriptions.model),
    prompt_version = CASE WHEN excluded.description IS NULL THEN ai_descriptions.prompt_version
                          ELSE excluded.prompt_version END,
    language = CASE WHEN excluded.description IS NULL THEN ai_descriptions.language
                    ELSE excluded.language END,
    max_chars = CASE WHEN excluded.description IS NULL THEN ai_descriptions.max_chars
                     ELSE excluded.max_chars END,
    prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
    seconds = excluded.seconds, error = excluded.error, generated_at = excluded.generated_at;
