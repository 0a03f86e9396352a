package pl.koordes.accounts.web.admin;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.accounts.AuditTrail.AuditEntry;
import pl.koordes.shared.web.Paged;

/**
 * What the audit log page shows: the filters as typed, the actions to choose from, one page of entries.
 *
 * @param from the first day as typed (or as an ISO date when it was understood)
 * @param to the last day as typed (or as an ISO date when it was understood)
 */
public record AuditLogView(
        String action,
        String actor,
        String from,
        String to,
        List<String> actions,
        Paged<AuditEntry> entries,
        ActionLabels labels,
        AuditDescriptions descriptions) {

    public String pageUrl(int number) {
        Map<String, @Nullable String> parameters = filters();
        if (number > 1) {
            parameters.put("strona", Integer.toString(number));
        }
        return Links.of("/admin/dziennik", parameters);
    }

    /** The CSV export of the entries these filters select. */
    public String csvUrl() {
        return Links.of("/admin/dziennik.csv", filters());
    }

    private Map<String, @Nullable String> filters() {
        return Links.parameters("akcja", action, "kto", actor, "od", from, "do", to);
    }
}
