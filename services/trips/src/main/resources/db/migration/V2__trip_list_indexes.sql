-- The timeout sweep counts live trips every few seconds for its gauges: with this, it reads the live trips only,
-- not every trip ever made (the predicate is the query's, so the planner can use it).
create index trips_live_by_status on trips (status) where status not in ('PAID', 'CANCELLED');

-- Operators page through /api/trips newest first, by (updated_at, id), in one status or in all.
create index trips_by_update on trips (updated_at desc, id desc);
drop index trips_by_status_and_update;
create index trips_by_status_and_update on trips (status, updated_at desc, id desc);
