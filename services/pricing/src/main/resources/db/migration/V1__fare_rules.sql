-- One rule per vehicle class, amounts in minor units. Operators change them through PUT /api/quotes/fare-rules/{class}.
create table fare_rules (
    vehicle_class     text        primary key check (vehicle_class in ('STANDARD', 'COMFORT', 'XL')),
    currency          char(3)     not null,
    base_amount       bigint      not null check (base_amount >= 0),
    per_km_amount     bigint      not null check (per_km_amount >= 0),
    per_minute_amount bigint      not null check (per_minute_amount >= 0),
    updated_at        timestamptz not null default now()
);

insert into fare_rules (vehicle_class, currency, base_amount, per_km_amount, per_minute_amount) values
    ('STANDARD', 'KRW', 4800, 1000, 200),
    ('COMFORT',  'KRW', 6500, 1300, 260),
    ('XL',       'KRW', 8000, 1500, 300);
