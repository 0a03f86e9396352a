package pl.koordes.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.Text;

/**
 * A role to grant to a person or take away from them, bound to a region or not.
 *
 * @param role the name of a {@link Role}
 * @param region the slug of a region, or empty for the whole country
 */
public record GrantRoleForm(
        @NotBlank(message = "admin.role.required")
        @Size(max = 40, message = "admin.role.invalid")
        @Text(max = 40, message = "admin.role.invalid")
        @Nullable
        String role,

        @Size(max = 80, message = "admin.role.region.invalid")
        @Text(max = 80, message = "admin.role.region.invalid")
        @Nullable
        String region) {

    public GrantRoleForm {
        role = role == null ? null : role.strip();
        region = region == null ? "" : region.strip();
    }

    public static GrantRoleForm empty() {
        return new GrantRoleForm("", "");
    }
}
