-- Registered resources get identifiers as they are published (ResourceMinter follows the
-- resources module's change feed from here).
insert into cdoi_follower (name, last_seq, updated_at) values ('published-resources', 0, current_timestamp);
