package pl.koordes.postulates.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import pl.koordes.postulates.PostulateStatus;

/**
 * The status filter of the public list, as written in the address ({@code ?status=po-terminie}): two groups
 * a reader asks for first (waiting for an answer, overdue) and each public status.
 */
public enum StatusFilter {
    WAITING("czeka-na-odpowiedz", List.of(PostulateStatus.FORWARDED, PostulateStatus.IN_ANALYSIS)),
    /** Waiting, with the answer deadline passed (compared with today in Europe/Warsaw). */
    OVERDUE("po-terminie", List.of(PostulateStatus.FORWARDED, PostulateStatus.IN_ANALYSIS)),
    SUBMITTED("zlozony", List.of(PostulateStatus.SUBMITTED)),
    FORWARDED("przekazany", List.of(PostulateStatus.FORWARDED)),
    IN_ANALYSIS("w-analizie", List.of(PostulateStatus.IN_ANALYSIS)),
    ACCEPTED("przyjety", List.of(PostulateStatus.ACCEPTED)),
    PARTLY_ACCEPTED("przyjety-czesciowo", List.of(PostulateStatus.PARTLY_ACCEPTED)),
    REJECTED("odrzucony", List.of(PostulateStatus.REJECTED)),
    WITHDRAWN("wycofany", List.of(PostulateStatus.WITHDRAWN)),
    MERGED("polaczony", List.of(PostulateStatus.MERGED));

    private final String slug;
    private final List<PostulateStatus> statuses;

    StatusFilter(String slug, List<PostulateStatus> statuses) {
        this.slug = slug;
        this.statuses = statuses;
    }

    public String slug() {
        return slug;
    }

    public List<PostulateStatus> statuses() {
        return statuses;
    }

    /** Whether this is one of the groups (shown first in the form) rather than a single status. */
    public boolean group() {
        return this == WAITING || this == OVERDUE;
    }

    public String messageKey() {
        return "postulates.public.filter.status." + name();
    }

    public static Optional<StatusFilter> of(String slug) {
        return Arrays.stream(values()).filter(f -> f.slug.equals(slug)).findFirst();
    }
}
