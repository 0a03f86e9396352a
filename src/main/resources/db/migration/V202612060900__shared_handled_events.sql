-- Listeners of events kept in the publication registry run again after a crash or when a publication is
-- resubmitted; each records the event it handled here, in its own transaction, and skips one it finds.
CREATE TABLE shared_handled_event
(
    listener   TEXT                     NOT NULL,
    event_id   UUID                     NOT NULL,
    handled_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (listener, event_id)
);
CREATE INDEX shared_handled_event_by_time ON shared_handled_event (handled_at);

-- Publications are looked at by status and age by the recovery job (EventPublicationRecovery).
CREATE INDEX IF NOT EXISTS event_publication_incomplete_idx ON event_publication (status, publication_date)
    WHERE completion_date IS NULL;
