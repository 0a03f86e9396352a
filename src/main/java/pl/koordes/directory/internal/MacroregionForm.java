package pl.koordes.directory.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * A macroregion as an administrator enters it; its web address is made from the Polish name when it is
 * created and kept afterwards, so that links to it keep working.
 *
 * @param code a short code such as the NUTS-1 code PL2
 * @param sortOrder position in lists, lower first
 */
public record MacroregionForm(
        @NotBlank(message = "directory.admin.code.required")
        @Pattern(regexp = "[A-Za-z0-9-]*", message = "directory.admin.code.invalid")
        @Text(max = 8)
        @Nullable
        String code,

        @NotBlank(message = "directory.admin.namePl.required") @Text(max = 160) @Nullable
        String namePl,

        @NotBlank(message = "directory.admin.nameEn.required") @Text(max = 160) @Nullable
        String nameEn,

        @NotNull(message = "directory.admin.sortOrder.required")
        @Min(value = 0, message = "directory.admin.sortOrder.range")
        @Max(value = 999, message = "directory.admin.sortOrder.range")
        @Nullable
        Integer sortOrder) {}
