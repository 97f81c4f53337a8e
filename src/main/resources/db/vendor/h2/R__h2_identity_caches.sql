-- H2 only (spring.flyway.locations adds classpath:db/vendor/{vendor}). H2 persists an identity
-- column's sequence every CACHE values (default 32) by committing the whole store: with
-- WRITE_DELAY=0 every 32nd record of an ingest wrote out every dirty page, 16 extra store
-- writes per 500-record batch for source_record and as many for catalog_change. A larger cache
-- only leaves a gap in the numbers after a crash (H2's cache is one per database, so values stay
-- increasing in commit order: the change feed stays monotonic). Not for PostgreSQL, whose cache
-- is per session and would hand out catalog_change.seq values out of commit order.
alter table source_record alter column id set cache 1000;
alter table catalog_change alter column seq set cache 1000;
