package pl.koordes.comments;

import java.time.Instant;

/** A phrase the editors refuse in comments (compared without regard to capitals and spacing). */
public record BannedPhrase(long id, String phrase, Instant addedAt, String addedBy) {}
