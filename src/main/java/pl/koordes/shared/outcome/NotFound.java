package pl.koordes.shared.outcome;

/**
 * The thing asked for does not exist, or the person may not know that it exists (a draft of another
 * region, an internal event): both look the same from outside. Module operations throw it; the web
 * layer answers 404 with the site's own page ({@code shared.web.ErrorPages}).
 */
public final class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String what, Object id) {
        // No stack trace: asking for what is not there is an ordinary request.
        super(what + " " + id, null, false, false);
    }
}
