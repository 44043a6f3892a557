-- Idempotency-Key records: the first request with a key runs, later ones with the same key get its answer.
-- Keys are scoped by caller so that two clients cannot collide on (or probe) each other's keys.
CREATE TABLE idempotency_keys
(
  caller                TEXT        NOT NULL,
  idempotency_key       TEXT        NOT NULL,
  request_hash          TEXT        NOT NULL,
  state                 TEXT        NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
  response_status       INT,
  response_body         TEXT,
  response_content_type TEXT,
  response_location     TEXT,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  completed_at          TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
