-- Who is online, with which vehicle class: from drivers.drivers (DriverWentOnline / DriverWentOffline).
create table driver_shifts (
    driver_id     uuid primary key,
    vehicle_class varchar(16) not null check (vehicle_class in ('STANDARD', 'COMFORT', 'XL')),
    online        boolean     not null,
    updated_at    timestamptz not null
);

-- Trips a driver is busy with: from DriverAssigned (dispatch.offers) until TripPaid or TripCancelled (trips.trips).
create table busy_trips (
    trip_id     uuid primary key,
    driver_id   uuid        not null,
    assigned_at timestamptz not null
);
create index busy_trips_driver_idx on busy_trips (driver_id);
