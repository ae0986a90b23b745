-- Decision F18 (revised): a stored chart is {"type":"plot","value":{...the plot object...}}, the
-- shape both versions of the old service store and the current React app draws after a reload.
-- Rows this service stored before, with a caption in `value` and the object under `plot`, are
-- converted. (A message added by hand may hold any text: only valid JSON of exactly that shape is
-- touched; CASE keeps json_type away from the rest.)
UPDATE fastapi_messages
   SET content = json_object('type', 'plot', 'value', json(json_extract(content, '$.plot')))
 WHERE content LIKE '{"type":"plot",%'
   AND CASE WHEN json_valid(content)
            THEN json_type(content, '$.plot') = 'object'
                 AND json_type(content, '$.value') = 'text'
                 AND json_extract(content, '$.type') = 'plot'
            ELSE 0 END;
