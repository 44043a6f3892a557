-- One row per trip dispatch is asked to match: what to offer, how far matching got, when to try again.
CREATE TABLE dispatches (
    trip_id          uuid PRIMARY KEY,
    rider_id         uuid        NOT NULL,
    pickup_lat       double precision NOT NULL,
    pickup_lng       double precision NOT NULL,
    dropoff_lat      double precision NOT NULL,
    dropoff_lng      double precision NOT NULL,
    vehicle_class    text,
    fare_amount      bigint      NOT NULL,
    fare_currency    char(3)     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('MATCHING', 'ASSIGNED', 'GAVE_UP', 'CANCELLED')),
    offers_made      integer     NOT NULL DEFAULT 0,
    refusals         integer     NOT NULL DEFAULT 0,
    started_at       timestamptz NOT NULL,
    deadline         timestamptz NOT NULL,
    -- The sweep picks up matching trips whose next attempt is due; null while an offer is out or matching is over.
    next_attempt_at  timestamptz
);

CREATE INDEX dispatches_due ON dispatches (next_attempt_at) WHERE status = 'MATCHING';

CREATE TABLE offers (
    offer_id         uuid PRIMARY KEY,
    trip_id          uuid        NOT NULL REFERENCES dispatches (trip_id),
    driver_id        uuid        NOT NULL,
    distance_meters  bigint      NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    made_at          timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    answered_at      timestamptz,
    -- A driver is asked at most once per trip.
    UNIQUE (trip_id, driver_id)
);

-- One offer at a time per trip.
CREATE UNIQUE INDEX offers_one_pending_per_trip ON offers (trip_id) WHERE status = 'PENDING';
CREATE INDEX offers_pending_by_driver ON offers (driver_id) WHERE status = 'PENDING';
CREATE INDEX offers_pending_by_expiry ON offers (expires_at) WHERE status = 'PENDING';

-- Who drives which trip. The primary key gives a trip one driver ever; the partial index gives a driver at most
-- one live trip, whatever the application does under concurrent accepts.
CREATE TABLE assignments (
    trip_id      uuid PRIMARY KEY REFERENCES dispatches (trip_id),
    driver_id    uuid        NOT NULL,
    offer_id     uuid        NOT NULL REFERENCES offers (offer_id),
    live         boolean     NOT NULL,
    assigned_at  timestamptz NOT NULL,
    released_at  timestamptz
);

CREATE UNIQUE INDEX assignments_one_live_trip_per_driver ON assignments (driver_id) WHERE live;
