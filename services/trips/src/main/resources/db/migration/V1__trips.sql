create table trips (
    id                  uuid primary key,
    rider_id            uuid         not null,
    -- A quote buys one trip: the unique index is what turns a second request with it into a conflict.
    quote_id            uuid         not null,
    payment_method_id   uuid         not null,
    pickup_lat          double precision not null,
    pickup_lng          double precision not null,
    dropoff_lat         double precision not null,
    dropoff_lng         double precision not null,
    vehicle_class       varchar(16)  not null,
    fare_amount         bigint       not null,
    fare_currency       char(3)      not null,
    status              varchar(24)  not null,
    driver_id           uuid,
    authorization_id    uuid,
    cancellation_reason varchar(24),
    cancelled_in        varchar(24),
    cancellation_fee    bigint,
    driver_earnings     bigint,
    requested_at        timestamptz  not null,
    updated_at          timestamptz  not null,
    -- Set once when a completed trip waits too long for its capture, so it is flagged once, not every sweep.
    capture_overdue_at  timestamptz,
    constraint trips_quote_id_key unique (quote_id)
);

-- The timeout sweep looks for trips in a status since before a cutoff.
create index trips_by_status_and_update on trips (status, updated_at);

create table trip_history (
    id          bigint generated always as identity primary key,
    trip_id     uuid        not null references trips (id),
    from_status varchar(24),
    to_status   varchar(24) not null,
    cause       varchar(200) not null,
    at          timestamptz not null
);

create index trip_history_by_trip on trip_history (trip_id, id);
