-- One hold per trip at most (the primary key), settled once: HELD -> CAPTURED | RELEASED | FEE_CHARGED.
create table authorizations (
    trip_id           uuid        primary key,
    id                uuid        not null unique,
    rider_id          uuid        not null,
    payment_method_id uuid        not null references payment_methods (id),
    amount            bigint      not null check (amount > 0),
    currency          char(3)     not null,
    state             text        not null check (state in ('HELD', 'CAPTURED', 'RELEASED', 'FEE_CHARGED')),
    captured_amount   bigint      check (captured_amount > 0 and captured_amount <= amount),
    held_at           timestamptz not null,
    settled_at        timestamptz,
    check ((state = 'HELD') = (settled_at is null)),
    check ((state in ('CAPTURED', 'FEE_CHARGED')) = (captured_amount is not null))
);

-- One decline per trip at most; a trip is either declined or authorized, decided by its first TripRequested.
create table declines (
    trip_id     uuid        primary key,
    rider_id    uuid        not null,
    reason      text        not null,
    declined_at timestamptz not null
);
