package pl.koordes.committees.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.monitoring.ProgrammeOpinions;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.security.CurrentUser;

/**
 * The committee's numbered opinions on a programme version, for the draft's page in monitoring: the public ones
 * for everyone, the internal ones for the committee's insiders ({@link CommitteePermissions#canSeeInternal}).
 */
@Component
class CommitteeProgrammeOpinions implements ProgrammeOpinions {

    private final ResolutionStore store;
    private final CommitteePermissions permissions;
    private final Directory directory;
    private final Messages messages;

    CommitteeProgrammeOpinions(
            ResolutionStore store, CommitteePermissions permissions, Directory directory, Messages messages) {
        this.store = store;
        this.permissions = permissions;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public List<Opinion> opinions(long regionId, long versionId, @Nullable CurrentUser viewer) {
        List<Resolution> found =
                store.onProgrammeVersion(regionId, versionId, permissions.canSeeInternal(viewer, regionId));
        if (found.isEmpty()) {
            return List.of();
        }
        String slug = directory.region(regionId).orElseThrow().slug();
        return found.stream()
                .map(r -> new Opinion(
                        messages.get(Language.PL.locale(), r.labelKey(), r.numberText()),
                        r.title(),
                        r.adoptedOn(),
                        r.path(slug)))
                .toList();
    }
}
