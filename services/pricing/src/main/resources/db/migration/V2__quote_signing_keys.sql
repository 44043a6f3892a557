create table quote_signing_keys (
    kid         text        primary key,
    -- X.509 SubjectPublicKeyInfo, DER.
    public_key  bytea       not null,
    -- PKCS#8, DER, in clear. Fine for local mode; in distributed mode this belongs in a KMS (or is encrypted with
    -- one), so that a database dump cannot mint quotes.
    private_key bytea       not null,
    created_at  timestamptz not null
);
