-- OIDC provider (identity, ADR 0017): Spring Authorization Server's JDBC tables, adapted so one
-- script runs on H2 (PostgreSQL mode) and PostgreSQL: token and attribute columns are unbounded
-- varchar instead of blob/text (the JDBC services read the column type and bind strings), times
-- carry their zone.
create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null,
    client_id_issued_at           timestamp with time zone default current_timestamp not null,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamp with time zone,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);
create unique index oauth2_registered_client_client_id on oauth2_registered_client (client_id);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    varchar,
    state                         varchar(500),
    authorization_code_value      varchar,
    authorization_code_issued_at  timestamp with time zone,
    authorization_code_expires_at timestamp with time zone,
    authorization_code_metadata   varchar,
    access_token_value            varchar,
    access_token_issued_at        timestamp with time zone,
    access_token_expires_at       timestamp with time zone,
    access_token_metadata         varchar,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           varchar,
    oidc_id_token_issued_at       timestamp with time zone,
    oidc_id_token_expires_at      timestamp with time zone,
    oidc_id_token_metadata        varchar,
    refresh_token_value           varchar,
    refresh_token_issued_at       timestamp with time zone,
    refresh_token_expires_at      timestamp with time zone,
    refresh_token_metadata        varchar,
    user_code_value               varchar,
    user_code_issued_at           timestamp with time zone,
    user_code_expires_at          timestamp with time zone,
    user_code_metadata            varchar,
    device_code_value             varchar,
    device_code_issued_at         timestamp with time zone,
    device_code_expires_at        timestamp with time zone,
    device_code_metadata          varchar
);
create index oauth2_authorization_client on oauth2_authorization (registered_client_id);

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- What NDLP knows of a client beyond the OAuth registration: owner, kind, third party, role ceiling.
create table oidc_client (
    client_id    varchar(100) not null primary key,
    name         varchar(200) not null,
    library_code varchar(32)  not null references member_library (code),
    kind         varchar(20)  not null,
    third_party  boolean      not null,
    role_ceiling varchar(32)  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)  not null
);
create index oidc_client_library on oidc_client (library_code);

-- Token signing keys, shared by every node. The newest unretired key signs; retired keys stay
-- published until the tokens they signed have expired.
create table oidc_signing_key (
    kid         varchar(64)   not null primary key,
    public_jwk  varchar(4000) not null,
    private_jwk varchar(8000) not null,
    created_at  timestamp with time zone not null,
    retired_at  timestamp with time zone
);

-- Spring Session JDBC (ndlp.identity.sessions=jdbc): browser sessions shared by every node.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
