-- Which node follows the change feeds into a shared (SolrCloud) index: one at a time, so that
-- two nodes never index the same batch or move the position backwards. The holder renews its
-- lease with every pass; a node that dies loses it when it expires.
create table search_index_lease (
    name   varchar(64)  not null primary key,
    holder varchar(200) not null,
    until  timestamp with time zone not null
);
