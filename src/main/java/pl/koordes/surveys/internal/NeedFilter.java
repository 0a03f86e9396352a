package pl.koordes.surveys.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.surveys.NeedStatus;

/**
 * The list's filters, each optional.
 *
 * @param national only national needs (no region); otherwise {@code regionId} chooses one region or none does
 * @param topic a part of the topic, any case
 */
public record NeedFilter(
        @Nullable NeedStatus status,
        @Nullable Long regionId,
        boolean national,
        @Nullable String topic,
        @Nullable Long surveyId) {

    public static NeedFilter none() {
        return new NeedFilter(null, null, false, null, null);
    }

    /** The same filter for every status: the summary counts collected and answered needs together. */
    public NeedFilter anyStatus() {
        return new NeedFilter(null, regionId, national, topic, surveyId);
    }
}
