package pl.koordes.advisory.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * An advisory topic as the operator names it. Names are unique, whatever their case.
 *
 * @param topicPosition the place in the lists (lower first)
 * @param topicActive whether new requests may choose it (a retired topic stays on old cases); null when adding
 */
public record TopicForm(
        @NotBlank(message = "advisory.assignment.topic.namePl.required") @Text(max = 200) @Nullable
        String namePl,

        @NotBlank(message = "advisory.assignment.topic.nameEn.required") @Text(max = 200) @Nullable
        String nameEn,

        @NotNull(message = "advisory.assignment.topic.position.required")
        @Min(value = 1, message = "advisory.assignment.topic.position.range")
        @Max(value = 999, message = "advisory.assignment.topic.position.range")
        @Nullable
        Integer topicPosition,

        @Nullable Boolean topicActive) {

    public static TopicForm empty(int nextPosition) {
        return new TopicForm("", "", nextPosition, null);
    }

    public static TopicForm of(AssignmentQueries.Topic topic) {
        return new TopicForm(topic.namePl(), topic.nameEn(), topic.position(), topic.active());
    }

    public String namePlText() {
        return namePl == null ? "" : namePl;
    }

    public String nameEnText() {
        return nameEn == null ? "" : nameEn;
    }

    public boolean activeChosen() {
        return topicActive == null || topicActive;
    }
}
