-- Harvesting (OAI-PMH) lists records by datestamp = the store time of their current version
-- (source_record.updated_at), paged by a keyset (updated_at, id): never by offset.
create index source_record_datestamp on source_record (updated_at, id);
-- a set of one or a few libraries (set library:..., province:...) pages through its own rows
create index source_record_library_datestamp on source_record (library_code, updated_at, id);
