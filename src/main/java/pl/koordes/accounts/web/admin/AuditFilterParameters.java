package pl.koordes.accounts.web.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.accounts.AuditTrail.AuditFilter;
import pl.koordes.shared.web.FormErrors;

/**
 * The audit log's filters as they come in the address: dates either as a date field sends them
 * (2026-11-29) or as people write them (29.11.2026). A date that cannot be read is an error beside its field.
 */
record AuditFilterParameters(String action, String actor, String from, String to) {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter POLISH =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** Dates outside these years are typing mistakes, and the database could not store some of them. */
    private static final int FIRST_YEAR = 2000;

    private static final int LAST_YEAR = 2999;

    AuditFilterParameters {
        action = action.strip();
        actor = actor.strip();
        from = from.strip();
        to = to.strip();
    }

    FormErrors errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = date(from);
        LocalDate last = date(to);
        if (!from.isEmpty() && first == null) {
            errors.put("od", "admin.audit.date.invalid");
        }
        if (!to.isEmpty() && last == null) {
            errors.put("do", "admin.audit.date.invalid");
        }
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("do", "admin.audit.date.order");
        }
        return FormErrors.of(errors);
    }

    AuditFilter filter() {
        return new AuditFilter(
                action.isEmpty() ? null : action, actor.isEmpty() ? null : actor, date(from), date(to), null);
    }

    /** A date as the form shows it again: ISO when it was understood (a date field needs that), else as typed. */
    static String shown(String value) {
        LocalDate date = date(value.strip());
        return date == null ? value : date.toString();
    }

    static @Nullable LocalDate date(String value) {
        if (value.isEmpty() || value.length() > 10) {
            return null;
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {ISO, POLISH}) {
            try {
                LocalDate date = LocalDate.parse(value, format);
                return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR ? date : null;
            } catch (DateTimeParseException notThisFormat) {
                // try the next format
            }
        }
        return null;
    }
}
