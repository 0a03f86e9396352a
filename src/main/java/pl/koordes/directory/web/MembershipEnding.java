package pl.koordes.directory.web;

import java.util.Map;
import pl.koordes.directory.internal.MembershipEndForm;
import pl.koordes.shared.web.FormErrors;

/**
 * A membership end that came back for correction, on a page where every current member's row has its
 * own end form: the error shows beside that row's field ({@code end-<id>}), with the day as typed;
 * every other row shows today.
 */
public record MembershipEnding(long memberId, String typed, FormErrors errors) {

    public static final MembershipEnding NONE = new MembershipEnding(-1, "", FormErrors.none());

    /** The errors of one member's end form (bound or refused), moved beside that member's field. */
    public static MembershipEnding of(long memberId, MembershipEndForm form, FormErrors errors) {
        String key = errors.key("end") != null
                ? errors.key("end")
                : errors.global().isEmpty() ? "form.invalid" : errors.global().getFirst();
        return new MembershipEnding(
                memberId,
                errors.value("end", form.end()),
                FormErrors.of(Map.of(MembershipEndForm.field(memberId), key)));
    }

    /** What the end field of a member's row shows. */
    public String value(long id, String today) {
        return id == memberId ? typed : today;
    }
}
