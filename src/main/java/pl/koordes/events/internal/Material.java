package pl.koordes.events.internal;

/** A document or link for an event, public or for its confirmed participants only. */
public record Material(long id, String title, String url, boolean participantsOnly) {}
