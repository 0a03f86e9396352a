package pl.koordes.advisory.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The topics and regions an expert covers; no region means every region.
 *
 * @param topicIds the topics ticked
 * @param regionIds the regions ticked
 */
public record ExpertProfileForm(
        @Nullable List<Long> topicIds, @Nullable List<Long> regionIds) {

    public List<Long> topics() {
        return topicIds == null ? List.of() : topicIds;
    }

    public List<Long> regions() {
        return regionIds == null ? List.of() : regionIds;
    }
}
