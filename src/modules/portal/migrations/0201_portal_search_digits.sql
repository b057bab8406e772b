-- Search text keeps digits as 0–9 (portal/search.ts searchColumns): rows written before that get
-- their Thai digits ๐–๙ rewritten, in the text and in the words of the tsvector, so "๒๕๖๖" and
-- "2566" find the same records.
UPDATE portal_posts
   SET search_text = translate(search_text, '๐๑๒๓๔๕๖๗๘๙', '0123456789'),
       search_tsv = to_tsvector('simple', translate(array_to_string(tsvector_to_array(search_tsv), ' '), '๐๑๒๓๔๕๖๗๘๙', '0123456789'))
 WHERE search_text ~ '[๐-๙]';
UPDATE portal_documents
   SET search_text = translate(search_text, '๐๑๒๓๔๕๖๗๘๙', '0123456789'),
       search_tsv = to_tsvector('simple', translate(array_to_string(tsvector_to_array(search_tsv), ' '), '๐๑๒๓๔๕๖๗๘๙', '0123456789'))
 WHERE search_text ~ '[๐-๙]';
