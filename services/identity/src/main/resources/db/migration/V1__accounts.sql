create table accounts (
    id            uuid primary key,
    -- Stored normalised (trimmed, lower-case) by the service, so a plain unique index is case-insensitive in effect.
    email         varchar(254) not null,
    name          varchar(100) not null,
    role          varchar(16)  not null check (role in ('RIDER', 'DRIVER', 'OPERATOR')),
    password_hash varchar(255) not null,
    created_at    timestamptz  not null,
    constraint accounts_email_key unique (email)
);
