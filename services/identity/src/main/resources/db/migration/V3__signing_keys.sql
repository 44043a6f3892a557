create table signing_keys (
    kid         varchar(64) primary key,
    state       varchar(16) not null check (state in ('ACTIVE', 'RETIRED')),
    -- X.509 SubjectPublicKeyInfo, DER.
    public_key  bytea       not null,
    -- PKCS#8, DER, in clear. Fine for local mode; in distributed mode this must be encrypted with a KMS key
    -- (envelope encryption) or the key kept in the KMS/HSM itself, so a database dump cannot mint tokens.
    private_key bytea       not null,
    created_at  timestamptz not null,
    retired_at  timestamptz,
    check ((state = 'RETIRED') = (retired_at is not null))
);

-- At most one active key, whatever two instances do at the same time.
create unique index signing_keys_one_active on signing_keys (state) where state = 'ACTIVE';
