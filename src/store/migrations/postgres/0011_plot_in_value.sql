-- Decision F18 (revised): a stored chart is {"type":"plot","value":{...the plot object...}}, the
-- shape both versions of the old service store and the current React app draws after a reload.
-- Rows this service stored before, with a caption in `value` and the object under `plot`, are
-- converted. (A message added by hand may hold any text: a row that is not valid JSON is left
-- as it is, never a reason for the migration to fail.)
CREATE OR REPLACE FUNCTION pg_temp.solarintel_try_json(t TEXT) RETURNS JSONB LANGUAGE plpgsql AS $$
BEGIN
    RETURN t::jsonb;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
UPDATE fastapi_messages m
   SET content = json_build_object('type', 'plot', 'value', j.doc -> 'plot')::text
  FROM (SELECT id, pg_temp.solarintel_try_json(content) AS doc
          FROM fastapi_messages
         WHERE content LIKE '{"type":"plot",%') j
 WHERE m.id = j.id
   AND jsonb_typeof(j.doc -> 'plot') = 'object'
   AND jsonb_typeof(j.doc -> 'value') = 'string'
   AND j.doc ->> 'type' = 'plot';
