-- Blocking keys looked up by a 64-bit hash of the key (ADR 0035). match_key's primary key
-- (match_key varchar(700), record_id) put long random-order strings in a B-tree: H2 rewrote a
-- whole leaf page of them for almost every key inserted, at every commit (half of all bytes an
-- ingest wrote). Here the indexed part is two bigints; the key's text is kept in the row to tell
-- a hash collision from a match. Keys of cluster heads only, as before (V13_1).
create table blocking_key (
    key_hash  bigint       not null,
    record_id bigint       not null,
    match_key varchar(700) not null,
    constraint blocking_key_pk primary key (key_hash, record_id)
);
-- dropping a record's keys; created before the foreign key so that H2 uses it for the
-- constraint instead of adding an index of its own
create index blocking_key_record on blocking_key (record_id);
alter table blocking_key add constraint blocking_key_record_fk foreign key (record_id)
    references source_record (id);
-- match_key keeps the keys written before this version (no SQL computes the same hash on H2
-- and PostgreSQL, so they are not copied): lookups read both tables, new keys go to
-- blocking_key only, and a record's old keys are dropped from both when it changes or moves.
