package pl.koordes.postulates.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * What a region writes in a postulate's draft. The addressee and the areas are checked against the
 * directory and the programme by the module's operation ({@link DraftingManagement}), beside their fields.
 *
 * @param addressee the id of a central institution
 * @param areas the KPRES area codes ticked
 * @param version the row version the form was read at (optimistic locking of edits); null for a new draft
 */
public record DraftForm(
        @NotBlank(message = "postulates.drafting.title.required") @Text(max = 300) @Nullable
        String title,

        @NotBlank(message = "postulates.drafting.problem.required") @Text(max = 10000, multiline = true) @Nullable
        String problem,

        @NotBlank(message = "postulates.drafting.proposal.required") @Text(max = 10000, multiline = true) @Nullable
        String proposal,

        @Text(max = 10000, multiline = true) @Nullable String justification,

        @NotNull(message = "postulates.drafting.addressee.required") @Nullable
        Long addressee,

        @Nullable List<@Text(max = 8) String> areas,

        @Nullable Integer version) {

    public static DraftForm empty() {
        return new DraftForm("", "", "", "", null, List.of(), null);
    }

    public static DraftForm of(Postulate postulate) {
        return new DraftForm(
                postulate.title(),
                postulate.problem(),
                postulate.proposal(),
                postulate.justification(),
                postulate.addresseeId(),
                postulate.areaCodes(),
                postulate.rowVersion());
    }

    public String titleText() {
        return title == null ? "" : title;
    }

    public String problemText() {
        return problem == null ? "" : problem;
    }

    public String proposalText() {
        return proposal == null ? "" : proposal;
    }

    public String justificationText() {
        return justification == null ? "" : justification;
    }

    public List<String> areaCodes() {
        return areas == null ? List.of() : areas.stream().distinct().toList();
    }

    public String addresseeValue() {
        return addressee == null ? "" : addressee.toString();
    }
}
