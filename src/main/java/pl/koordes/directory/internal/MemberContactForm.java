package pl.koordes.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a committee member: not public; the region's coordinators and administrators see it.
 * Both fields optional.
 */
public record MemberContactForm(
        @Size(max = 254, message = "directory.admin.size.254")
        @Email(message = "directory.admin.email.invalid")
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "directory.admin.email.invalid") @Nullable String email,
        @Size(max = 40, message = "directory.admin.size.40")
        @Pattern(regexp = "[0-9+()./ -]+", message = "directory.admin.phone.invalid") @Nullable String phone) {
}
