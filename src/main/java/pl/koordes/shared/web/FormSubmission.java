package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import pl.koordes.shared.outcome.Refused;

/**
 * The one way a controller handles a submitted form: check it ({@link FormErrors#check}); when it
 * passes, run the module's operation, which answers with the next view (usually a redirect); when the
 * form fails its checks or the operation refuses ({@link Refused}), answer 422 (409 for a conflict)
 * and show the form again with the errors.
 */
public final class FormSubmission {

    private FormSubmission() {}

    /**
     * @param operation runs the module's operation and returns the view to go to
     * @param again the view showing the form again with these errors
     */
    public static String submit(
            Object form,
            BindingResult result,
            HttpServletResponse response,
            Supplier<String> operation,
            Function<FormErrors, String> again) {
        FormErrors errors = FormErrors.check(form, result);
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        if (!errors.any()) {
            try {
                return operation.get();
            } catch (Refused refused) {
                errors = FormErrors.of(refused);
                if (refused.kind() == Refused.Kind.CONFLICT) {
                    status = HttpStatus.CONFLICT;
                }
            }
        }
        response.setStatus(status.value());
        return again.apply(errors);
    }
}
