-- Links that let a person without an account download or erase what the platform keeps about their
-- address (event registrations, comments): sent to the address, so following one proves it. Only the
-- SHA-256 of the link's secret is kept.
create table accounts_personal_data_link (
    token_hash  char(64)     primary key,
    email       varchar(254) not null,
    expires_at  timestamptz  not null,
    erased_at   timestamptz
);
create index accounts_personal_data_link_expiry_idx on accounts_personal_data_link (expires_at);
