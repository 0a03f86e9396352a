package pl.koordes.postulates.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/** The operator's merge of a duplicate into another postulate, named by its number. */
public record MergeForm(
        @NotNull(message = "postulates.answers.merge.target.required")
        @Positive(message = "postulates.answers.merge.target.notFound")
        @Nullable
        Long mergeTarget) {}
