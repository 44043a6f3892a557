-- Read models only: every row here can be dropped and rebuilt from the topics (POST /api/ops/history/rebuild).

-- One row per trip, from trips.trips.
CREATE TABLE rider_trips
(
  trip_id        UUID PRIMARY KEY,
  rider_id       UUID NOT NULL,
  driver_id      UUID,
  status         TEXT NOT NULL,
  reason         TEXT,
  pickup_lat     DOUBLE PRECISION,
  pickup_lng     DOUBLE PRECISION,
  dropoff_lat    DOUBLE PRECISION,
  dropoff_lng    DOUBLE PRECISION,
  fare_amount    BIGINT,
  fare_currency  TEXT,
  requested_at   TIMESTAMP WITH TIME ZONE,
  assigned_at    TIMESTAMP WITH TIME ZONE,
  finished_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rider_trips_by_rider ON rider_trips (rider_id, requested_at DESC NULLS LAST, trip_id);
CREATE INDEX rider_trips_by_assignment ON rider_trips (assigned_at DESC) WHERE assigned_at IS NOT NULL;

-- A driver's earnings per day (Asia/Seoul), from payments.payments.
CREATE TABLE driver_earnings_daily
(
  driver_id UUID NOT NULL,
  day       DATE NOT NULL,
  currency  TEXT NOT NULL,
  trips     INT NOT NULL,
  earnings  BIGINT NOT NULL,
  PRIMARY KEY (driver_id, day, currency)
);

-- Trips requested per pickup H3 cell (resolution 7).
CREATE TABLE pickup_cells
(
  cell  TEXT PRIMARY KEY,
  trips BIGINT NOT NULL
);

-- How offers ended, from dispatch.offers (OfferMade, OfferDeclined, OfferExpired, DriverAssigned, NoDriverFound).
CREATE TABLE dispatch_outcomes
(
  outcome TEXT PRIMARY KEY,
  count   BIGINT NOT NULL
);
