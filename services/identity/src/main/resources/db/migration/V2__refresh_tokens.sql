create table refresh_tokens (
    id         uuid primary key,
    family_id  uuid        not null,
    account_id uuid        not null references accounts (id) on delete cascade,
    -- SHA-256 of the token, hex; the token itself is never stored.
    token_hash char(64)    not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz,
    constraint refresh_tokens_hash_key unique (token_hash)
);

create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_account_idx on refresh_tokens (account_id);
