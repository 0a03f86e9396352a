package pl.koordes.postulates.internal;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The operator's forwarding of a submitted postulate: the day the answer is due and the addressee (a
 * central institution), which the operator may correct.
 */
public record ForwardForm(
        @NotNull(message = "postulates.answers.forward.due.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate forwardDue,

        @NotNull(message = "postulates.answers.forward.addressee.required") @Nullable
        Long forwardAddressee) {}
