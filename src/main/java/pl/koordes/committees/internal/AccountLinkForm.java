package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * The account a member answers invitations and reads internal matters with, named by its address: an existing
 * account holding the committee-member role for the committee's region.
 */
public record AccountLinkForm(
        @NotBlank(message = "committees.composition.account.required") @Text(max = 254) @Nullable
        String accountEmail) {

    public static AccountLinkForm of(@Nullable String email) {
        return new AccountLinkForm(email == null ? "" : email);
    }

    public String text() {
        return accountEmail == null ? "" : accountEmail;
    }
}
