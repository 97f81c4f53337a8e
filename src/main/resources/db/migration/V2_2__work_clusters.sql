-- Work clusters: records of the same edition from different libraries share a cluster id (the id
-- of the cluster's first record); each member keeps its match signature and why it joined.
create table cluster_member (
    record_id   bigint        not null primary key references source_record (id),
    cluster_id  bigint        not null,
    title_key   varchar(500)  not null,
    creator_key varchar(200)  not null,
    pub_year    varchar(8)    not null,
    edition_key varchar(200)  not null,
    isbns       varchar(500)  not null,
    reasons     varchar(500)  not null
);
create index cluster_member_cluster on cluster_member (cluster_id);

-- Blocking keys (isbn:…, tcy:title|creator|year) of live records.
create table match_key (
    match_key varchar(700) not null,
    record_id bigint       not null references source_record (id),
    primary key (match_key, record_id)
);
create index match_key_record on match_key (record_id);
