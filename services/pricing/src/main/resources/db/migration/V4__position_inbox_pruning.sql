-- Every driver ping leaves an inbox row, pruned after an hour (PositionInboxPruning). Without this index each prune
-- scans the whole inbox, which also keeps every other event's row for good.
create index inbox_positions_by_received_at on inbox (received_at) where event_type = 'DriverPositionReported';
