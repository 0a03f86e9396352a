package pl.koordes.events.internal;

/**
 * What a registration came to: its id and status, and whether it was found registered before (a
 * repeated submission, a double click) instead of being made now. A refusal is not a result: the
 * operation throws {@link pl.koordes.shared.outcome.Refused}.
 */
public record RegistrationResult(long id, RegistrationStatus status, boolean repeated) {}
