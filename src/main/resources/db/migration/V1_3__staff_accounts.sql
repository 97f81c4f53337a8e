-- Local staff accounts; the unified-authentication issue extends these.
create table staff_account (
    username      varchar(64)  not null primary key,
    password_hash varchar(200) not null,
    display_name  varchar(100),
    role          varchar(32)  not null,
    library_code  varchar(32)  not null references member_library (code),
    enabled       boolean      not null,
    created_at    timestamp with time zone not null
);
create index staff_account_library on staff_account (library_code);
