-- Webhooks: subscriptions to the changes feed and one delivery row per event sent to each. Written for H2 and
-- PostgreSQL.

CREATE TABLE webhook_subscription (
    id           UUID          PRIMARY KEY,
    url          VARCHAR(2000) NOT NULL,
    -- the event types delivered, comma-separated; empty: every type
    event_types  VARCHAR(400)  NOT NULL,
    -- the HMAC key; never returned by a read nor written to the audit trail
    secret       VARCHAR(256)  NOT NULL,
    description  VARCHAR(500),
    -- ACTIVE or PAUSED
    status       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(200)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the last change_event.seq turned into deliveries (or skipped as of another type): the subscription's cursor
    cursor_seq   BIGINT        NOT NULL,
    -- the sender that holds the subscription while it sends its next delivery, and until when; an expired lease is
    -- free for any instance to take (its holder died or hung)
    lease_token  VARCHAR(64),
    lease_until  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE webhook_delivery (
    id               UUID         PRIMARY KEY,
    subscription_id  UUID         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    -- the change_event delivered; NULL for a PING, which is no event of the feed
    event_seq        BIGINT,
    event_id         UUID         NOT NULL,
    event_type       VARCHAR(40)  NOT NULL,
    -- PENDING, DELIVERED, FAILED
    status           VARCHAR(16)  NOT NULL,
    -- attempts since the delivery was created or last re-sent by hand
    attempts         INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- when the current series of attempts began (creation, or a re-send by hand): the start of its maximum age
    cycle_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    -- the receiver's HTTP status of the last attempt, NULL when it gave none (timeout, connection refused)
    last_status      INTEGER,
    last_error       VARCHAR(500),
    -- an event is delivered once per subscription, however many instances fan it out
    CONSTRAINT webhook_delivery_event_uq UNIQUE (subscription_id, event_seq)
);
-- The head of a subscription's queue (its oldest pending event), and its log newest first.
CREATE INDEX webhook_delivery_queue_idx ON webhook_delivery (subscription_id, status, event_seq);
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, created_at);
