package pl.koordes.knowledge.internal.library;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may add, edit and delete library documents (who may read one is {@link LibraryAudience}'s): editors and
 * administrators for any region or the whole country; regional coordinators for their own region only, and
 * they edit and delete only their region's documents. A null user is a visitor.
 */
@Component
public class LibraryPermissions {

    private final Directory directory;

    LibraryPermissions(Directory directory) {
        this.directory = directory;
    }

    /** Whether the person may add documents at all (the list's button). */
    public boolean canAdd(@Nullable CurrentUser user) {
        return user != null && (staff(user) || user.has(Role.REGIONAL_COORDINATOR));
    }

    /** Whether the person may add or keep a document for this region (null: national). */
    public boolean canAddFor(@Nullable CurrentUser user, @Nullable Long regionId) {
        return user != null && (staff(user) || (regionId != null && user.has(Role.REGIONAL_COORDINATOR, regionId)));
    }

    /** Whether the person may edit and delete the document. */
    public boolean canManage(@Nullable CurrentUser user, LibraryDocument document) {
        return canAddFor(user, document.regionId());
    }

    /** Whether the person may add national documents (the form's "national" choice). */
    public boolean canAddNational(@Nullable CurrentUser user) {
        return user != null && staff(user);
    }

    /** The regions the person may add documents for, in Polish order. */
    public List<Region> regionsFor(CurrentUser user) {
        return directory.regions().stream().filter(r -> canAddFor(user, r.id())).toList();
    }

    private static boolean staff(CurrentUser user) {
        return user.has(Role.EDITOR) || user.administrator();
    }
}
