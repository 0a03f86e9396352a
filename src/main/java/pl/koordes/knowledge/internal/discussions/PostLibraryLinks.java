package pl.koordes.knowledge.internal.discussions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.security.CurrentUser;

/**
 * The library documents a post points to, checked against who reads the space and who reads the page. On saving, a
 * document that does not exist or that some reader of the space may not open is refused (a post must not send its
 * readers to a page that refuses them, nor tell them a document's number exists); on showing, a document the reader
 * may not open (its audience narrowed since, or deleted) is left out, title and number alike. Both compare the
 * document's audience tokens ({@code library_document.audience}, as {@code LibraryAudience} writes them) with the
 * space's ({@link SpacePermissions#audience}) or the reader's ({@link SearchAudience#of}).
 */
@Component
public class PostLibraryLinks {

    private static final String REGION = ":REGION:";

    private final JdbcClient jdbc;
    private final SpacePermissions permissions;
    private final SpaceStore spaces;

    PostLibraryLinks(JdbcClient jdbc, SpacePermissions permissions, SpaceStore spaces) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.spaces = spaces;
    }

    /** Refuses the documents unless each exists and every reader of the space may open it; one or two statements. */
    void check(Space space, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, Set<String>> audiences = new LinkedHashMap<>();
        jdbc.sql("select id, audience from library_document where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    audiences.put(rs.getLong("id"), Set.of((String[])
                            rs.getArray("audience").getArray()));
                });
        if (audiences.size() < ids.size()) {
            throw Refused.field("documents", "knowledge.discussions.documents.notForReaders");
        }
        Set<String> readers = permissions.audience(space, spaces.memberIds(space.id()));
        if (!audiences.values().stream().allMatch(document -> opensForAll(document, readers))) {
            throw Refused.field("documents", "knowledge.discussions.documents.notForReaders");
        }
    }

    /**
     * Whether every holder of every reader token may open a document with these tokens: it is public, or each reader
     * token is the document's, or is a regional one ({@code ROLE:X:REGION:r}) whose role the document admits anywhere.
     * A group's named member ({@code ACCOUNT:n}) is covered only by a document for everyone.
     */
    static boolean opensForAll(Set<String> document, Set<String> readers) {
        if (document.contains(SearchAudience.PUBLIC) || document.contains(SearchAudience.SIGNED_IN)) {
            return true;
        }
        for (String reader : readers) {
            if (document.contains(reader)) {
                continue;
            }
            int region = reader.indexOf(REGION);
            if (region > 0 && document.contains(reader.substring(0, region))) {
                continue;
            }
            return false;
        }
        return true;
    }

    /** The titles of the documents the reader may open, by id (the others are not shown); one statement. */
    public Map<Long, String> openable(CurrentUser reader, Collection<Long> ids) {
        Map<Long, String> titles = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        jdbc.sql("""
                        select id, title from library_document
                        where id = any(:ids) and audience && cast(:tokens as text[])""")
                .param("ids", ids.stream().distinct().toArray(Long[]::new))
                .param("tokens", SearchAudience.of(reader).toArray(String[]::new))
                .query(rs -> {
                    titles.put(rs.getLong("id"), rs.getString("title"));
                });
        return titles;
    }
}
