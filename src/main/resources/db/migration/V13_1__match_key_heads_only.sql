-- Only cluster heads keep blocking keys: lookups compare a new record with cluster heads alone
-- (V12_1), so a member's keys were rows and index entries written for nothing (one to three per
-- record, most records being members). A staff split or join writes the keys of a record that
-- becomes a head from its stored signature. The primary key (match_key, record_id) serves the
-- lookup by key; every row left is a head's.
delete from match_key where head = false;
drop index match_key_head;
