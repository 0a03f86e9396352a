package pl.koordes.knowledge.internal.discussions;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.Text;

/**
 * A thematic group as an editor opens or changes it: its name, what it is for, and who may read it besides
 * editors and administrators: holders of the ticked roles (in any region) and the people named by e-mail address.
 *
 * @param members e-mail addresses of active accounts, one a line (or separated by commas)
 * @param version the row version the settings were read at (a change only)
 */
public record SpaceGroupForm(
        @NotBlank(message = "knowledge.discussions.group.name.required") @Text(max = 200) @Nullable
        String name,

        @Text(max = 4000, multiline = true) @Nullable String description,
        @Nullable List<Role> roles,
        @Text(max = 20000, multiline = true) @Nullable String members,
        @Nullable Integer version) {

    public static SpaceGroupForm empty() {
        return new SpaceGroupForm("", "", List.of(), "", null);
    }

    public String nameText() {
        return name == null ? "" : name;
    }

    public String descriptionText() {
        return description == null ? "" : description;
    }

    public String membersText() {
        return members == null ? "" : members;
    }

    /** The ticked roles, each once. */
    public List<Role> roleList() {
        return roles == null
                ? List.of()
                : roles.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** The addresses typed, each once, in lower case. */
    public List<String> addresses() {
        return java.util.Arrays.stream(membersText().split("[\\s,;]+"))
                .filter(a -> !a.isBlank())
                .map(a -> a.toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
    }

    /** A value for a hidden field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
