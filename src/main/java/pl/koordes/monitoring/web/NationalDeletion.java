package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.Confirmation;

/**
 * Deleting a record of the national programme from the administration ({@link NationalProgrammeAdminController},
 * {@link NationalIndicatorAdminController}): without the question's answer, back to the question; a deletion
 * the module refuses because the record is in use (a forced or stale POST) answers 409 with the question
 * saying why; otherwise the notice and the way back.
 */
final class NationalDeletion {

    private NationalDeletion() {}

    static String delete(
            @Nullable String confirmed,
            String question,
            Runnable deletion,
            HttpServletResponse response,
            Supplier<String> refused,
            RedirectAttributes redirect,
            String notice,
            String back) {
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + question;
        }
        try {
            deletion.run();
        } catch (Refused refusal) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return refused.get();
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + back;
    }
}
