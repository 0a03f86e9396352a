package pl.koordes.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.text.Text;

/**
 * An administrator's invitation of a new person: who they are, the language of their e-mails and
 * the roles granted. {@code role} and {@code region} are parallel lists, one entry per row of the form;
 * an empty role leaves the row out, an empty region means the whole country.
 */
public record InvitePersonForm(
        @NotBlank(message = "admin.invite.email.required")
        @Size(max = 254, message = "admin.invite.email.tooLong")
        @Text(max = 254, message = "admin.invite.email.invalid")
        @Email(message = "admin.invite.email.invalid")
        @Pattern(regexp = InvitePersonForm.PLAIN_ADDRESS, message = "admin.invite.email.invalid")
        @Nullable
        String email,

        @NotBlank(message = "admin.invite.name.required")
        @Size(max = 200, message = "admin.invite.name.tooLong")
        @Text(max = 200, message = "admin.invite.name.invalid")
        @Nullable
        String displayName,

        @NotBlank(message = "admin.invite.language.required")
        @Pattern(regexp = "pl|en", message = "admin.invite.language.required")
        @Nullable
        String language,

        @Size(max = InvitePersonForm.MAX_ROWS, message = "admin.invite.roles.tooMany") @Nullable
        List<String> role,

        @Size(max = InvitePersonForm.MAX_ROWS, message = "admin.invite.roles.tooMany") @Nullable
        List<String> region) {

    /** The most role rows one invitation takes (there are seven roles, two of them per region). */
    public static final int MAX_ROWS = 20;

    /** {@link EmailAddresses#PLAIN_ADDRESS}, empty allowed here so that only "required" is said. */
    static final String PLAIN_ADDRESS = "|" + EmailAddresses.PLAIN_ADDRESS;

    public InvitePersonForm {
        email = email == null ? null : email.strip();
        displayName = displayName == null ? null : displayName.strip();
        language = language == null ? "pl" : language.strip();
    }

    /** An empty form, as first shown. */
    public static InvitePersonForm empty() {
        return new InvitePersonForm("", "", "pl", List.of(), List.of());
    }

    /** The role chosen in row {@code index} (from 0), or an empty text. */
    public String roleAt(int index) {
        return role != null && index < role.size() && role.get(index) != null ? role.get(index) : "";
    }

    /** The region chosen in row {@code index} (from 0), or an empty text. */
    public String regionAt(int index) {
        return region != null && index < region.size() && region.get(index) != null ? region.get(index) : "";
    }

    /** How many rows the form's roles took. */
    public int rows() {
        return role == null ? 0 : role.size();
    }
}
