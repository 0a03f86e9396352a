package pl.koordes.advisory.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** Why the region withdraws its request; the operator and the region read it on the case's page. */
public record RequestWithdrawalForm(
        @NotBlank(message = "advisory.requests.withdraw.reason.required") @Text(max = 2000, multiline = true) @Nullable
        String reason) {

    public String reasonText() {
        return reason == null ? "" : reason;
    }
}
