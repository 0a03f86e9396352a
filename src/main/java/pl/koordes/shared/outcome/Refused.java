package pl.koordes.shared.outcome;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A module operation declined to do what was asked, for reasons the person can act on; nothing was
 * saved (the exception rolls the operation's transaction back). This is the one way a module says
 * no: operations return their result on success and throw this on refusal. The web layer turns it
 * into the form's error summary with {@code FormErrors.of(refused)} and status 422 (or 409 for a
 * {@link Kind#CONFLICT}); no module's API carries an HTTP status.
 */
public final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of no it is, for the status the web layer answers with. */
    public enum Kind {
        /** The input breaks a rule of the data (a code already taken, a date in the past): 422. */
        INVALID,
        /** The thing is in a state that does not allow it (registration closed, already cancelled): 409. */
        CONFLICT
    }

    /** One reason: the form field it belongs beside (null for the whole form) and its message key. */
    public record Reason(@Nullable String field, String messageKey) {}

    // Never serialized in practice (a refusal is answered on the request that caused it); List.copyOf's
    // list is serializable, but javac sees only the interface.
    @SuppressWarnings("serial")
    private final List<Reason> reasons;

    private final Kind kind;

    private Refused(Kind kind, List<Reason> reasons) {
        // No stack trace: a refusal is an answer, not a fault, and is thrown on ordinary requests.
        super(reasons.isEmpty() ? "refused" : reasons.getFirst().messageKey(), null, false, false);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
    }

    /** Refused because of one field's value. */
    public static Refused field(String field, String messageKey) {
        return new Refused(Kind.INVALID, List.of(new Reason(field, messageKey)));
    }

    /** Refused beside {@code field}, or for the whole request when it is null. */
    public static Refused of(@Nullable String field, String messageKey) {
        return new Refused(Kind.INVALID, List.of(new Reason(field, messageKey)));
    }

    /** Refused for a reason that concerns the whole request. */
    public static Refused because(String messageKey) {
        return new Refused(Kind.INVALID, List.of(new Reason(null, messageKey)));
    }

    /** Refused because the thing's state does not allow it now. */
    public static Refused conflict(String messageKey) {
        return new Refused(Kind.CONFLICT, List.of(new Reason(null, messageKey)));
    }

    /** Refused for several reasons at once (every field found wrong, in the form's order). */
    public static Refused all(List<Reason> reasons) {
        return new Refused(Kind.INVALID, reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public Kind kind() {
        return kind;
    }

    /** The first reason's message key, for a refusal shown as one notice. */
    public String messageKey() {
        return reasons.getFirst().messageKey();
    }

    /** The first reason's field, or null when it concerns the whole request. */
    public @Nullable String field() {
        return reasons.getFirst().field();
    }
}
