-- One row per driver account; the id is the account id from identity.
create table drivers (
    id            uuid primary key,
    plate         varchar(16),
    model         varchar(60),
    vehicle_class varchar(16) check (vehicle_class in ('STANDARD', 'COMFORT', 'XL')),
    shift         varchar(16)  not null default 'OFFLINE' check (shift in ('OFFLINE', 'ONLINE')),
    -- Ratings arrive later (from trips); every driver starts at 5.0.
    rating        numeric(3, 2) not null default 5.00,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    -- A vehicle is all or nothing.
    constraint drivers_vehicle_complete check ((plate is null) = (model is null) and (model is null) = (vehicle_class is null))
);
