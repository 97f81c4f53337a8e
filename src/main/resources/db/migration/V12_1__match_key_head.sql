-- Blocking-key lookups compare a new record with each cluster's first record only. Without a
-- flag, a key shared by the records of N libraries made every lookup visit N rows and their
-- cluster_member rows (quadratic for popular books); head marks the rows of cluster heads and
-- the index lets a lookup visit those alone.
alter table match_key add column head boolean default false not null;
update match_key set head = true
    where exists (select 1 from cluster_member m where m.record_id = match_key.record_id
                  and m.cluster_id = match_key.record_id);
create index match_key_head on match_key (match_key, head);
