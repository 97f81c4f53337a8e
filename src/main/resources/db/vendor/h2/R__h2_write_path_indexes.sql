-- H2 only (spring.flyway.locations adds classpath:db/vendor/{vendor}), ADR 0035. H2 gives every
-- foreign key declared in a create table an index of its own: catalog_change (record_id) has
-- one (CONSTRAINT_INDEX_…) beside catalog_change_record, created after it, so every change
-- feed entry was written into two identical indexes. PostgreSQL creates no index for a foreign
-- key and keeps catalog_change_record (V2_1).
drop index if exists catalog_change_record;
