-- Version 9 (issue 12): a kiosk no longer answers by NIK and birth date. A NIK holds the birth
-- date, so that was one factor; rows are now found by NIK and KK number, or by registration
-- receipt and birth date (store/kiosk_lookup.hpp). The rows made by earlier syncs cannot be
-- told apart, so the table is emptied, with its old bytes overwritten, and rebuilt from the
-- kiosk.status changes in the log: their kk_lookup and receipt_lookup, never their lookup. The
-- logged changes of hubs older than issue 12 (no kk_lookup) lose their lookup, which was by
-- NIK and birth date; nothing else of the log changes.
PRAGMA secure_delete = ON;
DELETE FROM kiosk_status;
DROP TRIGGER events_immutable;
UPDATE events SET data = json_remove(data, '$.lookup')
 WHERE origin = 'hub' AND type = 'kiosk.status' AND json_valid(data)
   AND json_type(data, '$.kk_lookup') IS NULL AND json_type(data, '$.lookup') IS NOT NULL;
CREATE TRIGGER events_immutable BEFORE UPDATE OF seq, id, type, at, actor, data, origin ON events
BEGIN
    SELECT RAISE(ABORT, 'events are immutable');
END;
INSERT OR REPLACE INTO kiosk_status (lookup, status, class, faskes, card_eta,
                                     card_number_masked, name_masked, as_of)
SELECT k.value, json_extract(e.data, '$.status'),
       CASE WHEN json_extract(e.data, '$.class') IN (1, 2, 3)
            THEN json_extract(e.data, '$.class') END,
       coalesce(json_extract(e.data, '$.faskes'), ''),
       coalesce(json_extract(e.data, '$.card_eta'), ''),
       coalesce(json_extract(e.data, '$.card_number_masked'), ''),
       coalesce(json_extract(e.data, '$.name_masked'), ''),
       json_extract(e.data, '$.as_of')
  FROM events e,
       json_each(json_array(json_extract(e.data, '$.kk_lookup'),
                            json_extract(e.data, '$.receipt_lookup'))) k
 WHERE e.origin = 'hub' AND e.type = 'kiosk.status' AND json_valid(e.data)
   AND EXISTS (SELECT 1 FROM settings WHERE key = 'kiosk.key')
   AND k.type = 'text' AND length(k.value) = 32 AND k.value NOT GLOB '*[^0-9a-f]*'
   AND json_type(e.data, '$.status') = 'text' AND json_extract(e.data, '$.status') <> ''
   AND json_type(e.data, '$.as_of') = 'text' AND json_extract(e.data, '$.as_of') <> ''
 ORDER BY e.seq, k.key;
