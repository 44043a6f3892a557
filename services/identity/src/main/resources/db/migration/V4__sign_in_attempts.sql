-- Recent failed sign-ins per e-mail address, registered or not (an unknown address is limited the same way, so that
-- a 429 says nothing about whether the account exists). Keyed by the SHA-256 of the normalised address: strangers'
-- guesses are not kept in clear. A successful sign-in deletes its row; a scheduled job deletes quiet ones.
create table sign_in_attempts (
    address_hash      char(64)    primary key,
    failures          int         not null check (failures >= 0),
    window_started_at timestamptz not null,
    lockouts          int         not null check (lockouts >= 0),
    locked_until      timestamptz,
    last_attempt_at   timestamptz not null
);

create index sign_in_attempts_last_attempt_idx on sign_in_attempts (last_attempt_at);
