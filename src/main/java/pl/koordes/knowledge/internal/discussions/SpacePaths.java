package pl.koordes.knowledge.internal.discussions;

/** The addresses of the discussion spaces, in one place. */
public final class SpacePaths {

    public static final String ROOT = "/dyskusje";

    /** Threads per page of a space. */
    public static final int THREADS_PER_PAGE = 20;

    /** Posts per page of a thread. */
    public static final int POSTS_PER_PAGE = 50;

    private SpacePaths() {}

    public static String thread(String spaceSlug, long threadId) {
        return ROOT + "/" + spaceSlug + "/watki/" + threadId;
    }

    /** The page of the thread that shows the post ({@code position} counted from 1), with the post's anchor. */
    public static String post(String spaceSlug, long threadId, long postId, long position) {
        long page = (position - 1) / POSTS_PER_PAGE + 1;
        return thread(spaceSlug, threadId) + (page > 1 ? "?strona=" + page : "") + "#wpis-" + postId;
    }
}
