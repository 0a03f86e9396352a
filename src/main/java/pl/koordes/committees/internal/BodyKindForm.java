package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.BodyKind;

/** The kind of body the Act names that a member is appointed from, as the secretary sets it. */
public record BodyKindForm(
        @NotNull(message = "committees.composition.bodyKind.required") @Nullable
        BodyKind bodyKind) {}
