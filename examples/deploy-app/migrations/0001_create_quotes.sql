CREATE TABLE quotes (
  id bigserial PRIMARY KEY,
  pair text NOT NULL,
  bid_minor bigint NOT NULL,
  ask_minor bigint NOT NULL
);
