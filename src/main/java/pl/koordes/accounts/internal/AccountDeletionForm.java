package pl.koordes.accounts.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** Erasing one's own account: ticked on purpose and confirmed with the current password (as typed). */
public record AccountDeletionForm(
        // An unticked box sends nothing: null, which @AssertTrue alone would let pass.
        @NotNull(message = "profile.delete.confirmRequired")
        @AssertTrue(message = "profile.delete.confirmRequired")
        @Nullable
        Boolean confirm,

        @Nullable String currentPasswordDelete) {}
