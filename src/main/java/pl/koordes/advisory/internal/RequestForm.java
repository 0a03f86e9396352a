package pl.koordes.advisory.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import pl.koordes.advisory.AdvisoryKind;
import pl.koordes.advisory.AdvisoryMode;
import pl.koordes.shared.text.Text;

/**
 * What a region (or the operator on its behalf) writes when it asks for advice. The topic, the region and the
 * need are checked against the database by {@link RequestManagement}, beside their fields.
 *
 * @param regionId the region asked for; the operator chooses it, a person acting for one region may leave it out
 * @param needId the surveys' need the request answers, kept from {@code ?potrzeba=} (new requests only)
 * @param version the row version the form was read at (optimistic locking of edits); null for a new request
 */
public record RequestForm(
        @NotNull(message = "advisory.requests.topic.required") @Nullable
        Long topicId,

        @NotBlank(message = "advisory.requests.title.required") @Text(max = 300) @Nullable
        String title,

        @NotBlank(message = "advisory.requests.description.required") @Text(max = 8000, multiline = true) @Nullable
        String description,

        @NotNull(message = "advisory.requests.kind.required") @Nullable
        AdvisoryKind kind,

        @NotNull(message = "advisory.requests.mode.required") @Nullable
        AdvisoryMode mode,

        @Text(max = 2000, multiline = true) @Nullable String preferredDates,

        @Text(max = 2000, multiline = true) @Nullable String peopleConcerned,

        @Nullable Long regionId,
        @Nullable Long needId,
        @Nullable Integer version) {

    public static RequestForm empty(@Nullable Long regionId) {
        return new RequestForm(
                null, "", "", AdvisoryKind.INDIVIDUAL, AdvisoryMode.ONLINE, "", "", regionId, null, null);
    }

    /** A new request prefilled from a need: its topic as the title, its description, its region. */
    public static RequestForm fromNeed(long needId, String title, String description, @Nullable Long regionId) {
        return new RequestForm(
                null, title, description, AdvisoryKind.INDIVIDUAL, AdvisoryMode.ONLINE, "", "", regionId, needId, null);
    }

    public static RequestForm of(AdvisoryRequest request) {
        return new RequestForm(
                request.topicId(),
                request.title(),
                request.description(),
                request.kind(),
                request.mode(),
                request.preferredDates(),
                request.peopleConcerned(),
                request.regionId(),
                request.needId(),
                request.rowVersion());
    }

    public String titleText() {
        return title == null ? "" : title;
    }

    public String descriptionText() {
        return description == null ? "" : description;
    }

    public String preferredDatesText() {
        return preferredDates == null ? "" : preferredDates;
    }

    public String peopleConcernedText() {
        return peopleConcerned == null ? "" : peopleConcerned;
    }

    /** A value for a form field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
