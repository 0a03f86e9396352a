package pl.koordes.advisory.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * The topics and regions an expert covers (at least one topic); no region means every region.
 *
 * @param topicIds the topics ticked
 * @param regionIds the regions ticked
 */
public record ExpertProfileForm(
        @Nullable List<Long> topicIds, @Nullable List<Long> regionIds) implements CrossFieldRules {

    @Override
    public void checkTogether(Errors errors) {
        if (topics().isEmpty()) {
            errors.rejectValue("topicIds", "advisory.assignment.profile.topics.required");
        }
    }

    public List<Long> topics() {
        return topicIds == null ? List.of() : topicIds;
    }

    public List<Long> regions() {
        return regionIds == null ? List.of() : regionIds;
    }
}
