-- Ids of the events this service has applied: a redelivered event finds its id here and changes nothing.
CREATE TABLE inbox
(
  event_id    UUID PRIMARY KEY,
  event_type  TEXT NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
