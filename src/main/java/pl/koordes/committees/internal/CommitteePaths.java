package pl.koordes.committees.internal;

/** The addresses of a committee's space and its meetings. */
public final class CommitteePaths {

    /** The chooser of spaces, and where {@code /komitet} leads. */
    public static final String ROOT = "/komitet";

    private CommitteePaths() {}

    /** {@code /komitet/malopolskie} */
    public static String space(CommitteeSpace space) {
        return ROOT + "/" + space.region().slug();
    }

    /** {@code /komitet/malopolskie/posiedzenia/42} */
    public static String meeting(CommitteeSpace space, long meetingId) {
        return space(space) + "/posiedzenia/" + meetingId;
    }
}
