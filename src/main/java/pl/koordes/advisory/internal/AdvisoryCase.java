package pl.koordes.advisory.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A case as its page shows it: the request with the names it refers to (topic, region, the person who
 * requested it) and the experts assigned. Read in a fixed number of statements whatever the case holds.
 *
 * @param requestedBy the name of the person who requested it, or null when unknown or erased
 */
public record AdvisoryCase(
        AdvisoryRequest request,
        String topicPl,
        String topicEn,
        String regionSlug,
        String regionPl,
        String regionEn,
        @Nullable String requestedBy,
        List<Expert> experts) {

    /** An assigned expert; {@code name} is the account's display name. */
    public record Expert(long accountId, String name) {}

    public String topic(Locale locale) {
        return locale.getLanguage().equals("en") ? topicEn : topicPl;
    }

    public String region(Locale locale) {
        return locale.getLanguage().equals("en") ? regionEn : regionPl;
    }

    /** The accounts of the assigned experts, for {@link AdvisoryPermissions}. */
    public List<Long> expertIds() {
        return experts.stream().map(Expert::accountId).toList();
    }
}
