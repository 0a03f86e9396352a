package pl.koordes.monitoring;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import pl.koordes.shared.security.CurrentUser;

/**
 * Extension point of a programme version's page: a module that keeps opinions on a region's programme (the
 * regional committee's numbered opinions) registers a bean of this type, and the draft's page shows them beside
 * the draft, so that monitoring never depends on that module. A named interface of the module, so that the
 * modules that implement it can say that this is what they depend on.
 */
@NamedInterface("programme-opinions")
public interface ProgrammeOpinions {

    /**
     * One opinion on a version, as the page lists it.
     *
     * @param label what it is called ("Opinia nr 2/2026"), in Polish
     * @param title its title
     * @param adoptedOn the day it was adopted
     * @param href its page
     */
    record Opinion(String label, String title, LocalDate adoptedOn, String href) {}

    /** The opinions on the region's programme version this viewer may read (null: an anonymous visitor), oldest first. */
    List<Opinion> opinions(long regionId, long versionId, @Nullable CurrentUser viewer);
}
