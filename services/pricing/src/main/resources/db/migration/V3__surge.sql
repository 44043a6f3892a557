-- Demand: quotes issued here and trips requested (trips.trips), one row per quote or trip, by pickup cell.
create table demand_signals (
    source_id uuid        primary key,
    kind      text        not null check (kind in ('QUOTE', 'TRIP_REQUEST')),
    cell      text        not null,
    at        timestamptz not null
);
create index demand_signals_at_idx on demand_signals (at);

-- Supply: each driver's latest cell (location.positions) and shift state (drivers.drivers). A driver with a
-- position but no shift event yet counts as online: the location service only takes pings from drivers on shift.
create table driver_presence (
    driver_id   uuid        primary key,
    cell        text,
    position_at timestamptz,
    online      boolean     not null default true,
    shift_at    timestamptz
);
create index driver_presence_cell_idx on driver_presence (cell, position_at);

-- The multiplier of every cell that surges; any other cell has none (1.00).
create table surge_cells (
    cell        text          primary key,
    multiplier  numeric(4, 2) not null check (multiplier > 1.00 and multiplier <= 3.00),
    computed_at timestamptz   not null
);
