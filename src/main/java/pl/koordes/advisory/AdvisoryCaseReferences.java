package pl.koordes.advisory;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.internal.AdvisoryStore;

/**
 * Advisory cases as other modules refer to them (a library document came from one): that it exists, its region
 * and its page. Nothing of its content: who may read a case is this module's question, asked on its page.
 */
@Component
public class AdvisoryCaseReferences {

    /**
     * A case as a reference.
     *
     * @param path its page, {@code /doradztwo/42}
     */
    public record CaseReference(long id, long regionId, String path) {}

    private final AdvisoryStore store;

    AdvisoryCaseReferences(AdvisoryStore store) {
        this.store = store;
    }

    /** The case with this id; one statement. */
    public Optional<CaseReference> find(long id) {
        return store.find(id).map(r -> new CaseReference(r.id(), r.regionId(), "/doradztwo/" + r.id()));
    }
}
