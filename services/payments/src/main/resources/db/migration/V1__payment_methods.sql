-- A rider's cards, by the provider's test card they stand for (tokens, never card numbers).
create table payment_methods (
    id       uuid        primary key,
    rider_id uuid        not null,
    card     text        not null check (card in ('VISA', 'CHARGE_DECLINED')),
    added_at timestamptz not null
);
create index payment_methods_rider_idx on payment_methods (rider_id, added_at);
