package pl.koordes.events.web;

import java.util.List;
import java.util.Map;
import pl.koordes.directory.Region;
import pl.koordes.events.internal.Participant;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Page;

/** The columns of the registration exports (CSV and XLSX), in the reader's language. */
final class ParticipantRows {

    private ParticipantRows() {}

    static List<String> header(Page page) {
        return List.of(
                page.t("events.participants.column.number"),
                page.t("events.register.fullName"),
                page.t("events.register.email"),
                page.t("events.register.institution"),
                page.t("events.register.institutionKind"),
                page.t("events.register.region"),
                page.t("events.register.position"),
                page.t("events.participants.column.status"),
                page.t("events.register.mode"),
                page.t("events.register.accessibility"),
                page.t("events.register.dietary"),
                page.t("events.participants.photoYes"),
                page.t("events.participants.column.attendance"),
                page.t("events.export.registeredAt"));
    }

    static List<String> row(Page page, Participant r, Map<Long, Region> regions) {
        Region region = r.regionId() == null ? null : regions.get(r.regionId());
        return List.of(
                Long.toString(r.id()),
                r.fullName(),
                r.email(),
                r.institution(),
                r.institutionKind() == null ? "" : page.t("institution.kind." + r.institutionKind()),
                region == null ? "" : region.name(page.locale()),
                r.position(),
                page.t("events.registrationStatus." + r.status().name()),
                page.t("events.mode." + r.mode().name()),
                r.accessibilityNeeds(),
                r.dietaryNeeds(),
                r.photoConsent() ? page.t("events.export.yes") : page.t("events.export.no"),
                r.attendance() == null
                        ? ""
                        : page.t("events.attendance." + r.attendance().name()),
                Formats.dateTime(r.createdAt()));
    }
}
