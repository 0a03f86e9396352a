package pl.koordes.shared.notice;

/**
 * Whether a person may still see what a notice is about, asked by the notifications module when it sends a notice
 * later than it was published (the daily digest): a module that publishes notices with a
 * {@link NoticeRequested#scope() scope} implements it for its scope's prefix, so that the notifications module
 * never reads that module's tables. A notice whose scope no bean answers for is left out.
 */
public interface NoticeAccess {

    /** The part of a scope before the colon that this bean answers for ({@code "discussion-space"}). */
    String prefix();

    /** Whether {@code accountId} may still see the thing named by the part of the scope after the colon. */
    boolean allowed(long accountId, String id);
}
