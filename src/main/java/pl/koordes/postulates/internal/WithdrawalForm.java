package pl.koordes.postulates.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** Why the region withdraws its postulate: the public reads it on the postulate's page. */
public record WithdrawalForm(
        @NotBlank(message = "postulates.drafting.withdraw.reason.required")
        @Text(max = 2000, multiline = true)
        @Nullable
        String reason) {

    public String reasonText() {
        return reason == null ? "" : reason;
    }
}
