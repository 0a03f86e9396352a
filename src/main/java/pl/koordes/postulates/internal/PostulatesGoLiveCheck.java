package pl.koordes.postulates.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.shared.golive.GoLiveCheck;

/**
 * Postulates before launch: every central institution the regions may address must have someone holding
 * the central-institution role for it, or its postulates would be forwarded to nobody and wait unseen.
 */
@Component
class PostulatesGoLiveCheck implements GoLiveCheck {

    private final Directory directory;
    private final RoleHolders holders;

    PostulatesGoLiveCheck(Directory directory, RoleHolders holders) {
        this.directory = directory;
        this.holders = holders;
    }

    @Override
    public List<Item> items() {
        List<CentralInstitution> institutions = directory.centralInstitutions();
        List<Finding> unanswered = institutions.stream()
                .filter(institution -> holders.ofInstitution(institution.id()).isEmpty())
                .map(institution -> new Finding(institution.name(), "pl", "/admin/osoby"))
                .toList();
        return List.of(new Item(
                60,
                "postulates.golive.answerers.title",
                unanswered.isEmpty(),
                "postulates.golive.answerers.state",
                List.of(unanswered.size(), institutions.size()),
                "postulates.golive.answerers.advice",
                unanswered));
    }
}
