package pl.koordes.comments.internal;

import pl.koordes.comments.CommentSubject;

/**
 * What comments hang under, as the pages name and link it: an article or a public postulate.
 *
 * @param path its address on this site; the comments' form posts to {@code path + "/komentarze"}
 */
public record Subject(CommentSubject kind, long id, String title, String path) {

    public boolean isPostulate() {
        return kind == CommentSubject.POSTULATE;
    }

    public CommentStore.Key key() {
        return new CommentStore.Key(kind, id);
    }
}
