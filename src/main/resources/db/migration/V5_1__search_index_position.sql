-- Where each search index follower stopped on the catalog's change feed (the last seq it handled).
create table search_index_position (
    name       varchar(64) not null primary key,
    seq        bigint      not null,
    updated_at timestamp with time zone not null
);
