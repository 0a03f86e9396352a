package pl.koordes.events.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.events.EventLevel;
import pl.koordes.events.internal.EventForm.AgendaRow;
import pl.koordes.events.internal.EventForm.MaterialRow;
import pl.koordes.events.internal.EventForm.SpeakerRow;

/**
 * What the fields of an {@link EventForm} must be together ({@link EventForm#checkTogether}): the region or
 * macroregion its level needs, the venue, link and seats its format needs, dates in a plausible year and in
 * order, the roles of a restricted audience, and a title (or name, address) in every repeated row that is
 * not left empty.
 */
final class EventFormRules {

    /** The first and last years a date may have: further off is a typing error. */
    private static final int FIRST_YEAR = 2000;

    private static final int LAST_YEAR = 2100;

    private EventFormRules() {}

    static void check(EventForm form, Errors errors) {
        if (form.level() == EventLevel.REGIONAL && form.regionId() == null) {
            errors.rejectValue("regionId", "events.form.region.required");
        }
        if (form.level() == EventLevel.MACROREGIONAL && form.macroregionId() == null) {
            errors.rejectValue("macroregionId", "events.form.macroregion.required");
        }
        EventFormat format = form.format();
        if (format != null) {
            checkFormat(form, format, errors);
        }
        checkYear(errors, "startDate", form.startDate());
        checkYear(errors, "endDate", form.endDate());
        checkYear(errors, "opensDate", form.opensDate());
        checkYear(errors, "closesDate", form.closesDate());
        LocalDate startDate = form.startDate();
        LocalDate endDate = form.endDate();
        LocalTime startTime = form.startTime();
        LocalTime endTime = form.endTime();
        if (startDate != null && startTime != null && endTime != null) {
            LocalDate lastDay = endDate == null ? startDate : endDate;
            if (!lastDay.atTime(endTime).isAfter(startDate.atTime(startTime))) {
                errors.rejectValue(endDate == null ? "endTime" : "endDate", "events.form.end.beforeStart");
            }
        }
        LocalDate opensDate = form.opensDate();
        LocalDate closesDate = form.closesDate();
        if (opensDate != null && closesDate != null && closesDate.isBefore(opensDate)) {
            errors.rejectValue("closesDate", "events.form.closes.beforeOpens");
        }
        if (form.audience() == Audience.ROLES && form.audienceRoles().isEmpty()) {
            errors.rejectValue("audienceRoles", "events.form.roles.required");
        }
        checkRows(form, errors);
    }

    /** The venue, link and seats the format needs, and a regional quota within the seats. */
    private static void checkFormat(EventForm form, EventFormat format, Errors errors) {
        Integer onSite = form.seatsOnSite();
        Integer online = form.seatsOnline();
        if (format.onSite() && isBlank(form.venue())) {
            errors.rejectValue("venue", "events.form.venue.required");
        }
        if (format.online() && isBlank(form.onlineLink())) {
            errors.rejectValue("onlineLink", "events.form.link.required");
        }
        if (format.onSite() && (onSite == null || onSite == 0)) {
            errors.rejectValue("seatsOnSite", "events.form.seats.required");
        }
        if (format.online() && (online == null || online == 0)) {
            errors.rejectValue("seatsOnline", "events.form.seats.required");
        }
        // The seats of the kinds this format offers.
        int seats = (format.onSite() && onSite != null ? onSite : 0) + (format.online() && online != null ? online : 0);
        Integer quota = form.regionQuota();
        if (quota != null && quota > seats) {
            errors.rejectValue("regionQuota", "events.form.quota.aboveSeats");
        }
    }

    /** A row that is not left empty needs its title (a speaker their name, a material its address too). */
    private static void checkRows(EventForm form, Errors errors) {
        for (int i = 0; i < form.agenda().size(); i++) {
            AgendaRow row = form.agenda().get(i);
            if (!row.empty() && isBlank(row.title())) {
                errors.rejectValue("agenda[" + i + "].title", "events.form.agenda.titleRequired");
            }
        }
        for (int i = 0; i < form.speakers().size(); i++) {
            SpeakerRow row = form.speakers().get(i);
            if (!row.empty() && isBlank(row.name())) {
                errors.rejectValue("speakers[" + i + "].name", "events.form.speakers.nameRequired");
            }
        }
        for (int i = 0; i < form.materials().size(); i++) {
            MaterialRow row = form.materials().get(i);
            if (row.empty()) {
                continue;
            }
            if (isBlank(row.title())) {
                errors.rejectValue("materials[" + i + "].title", "events.form.materials.titleRequired");
            }
            if (isBlank(row.address())) {
                errors.rejectValue("materials[" + i + "].address", "events.form.materials.addressRequired");
            }
        }
    }

    private static void checkYear(Errors errors, String field, @Nullable LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            errors.rejectValue(field, "events.form.date.invalid");
        }
    }

    private static boolean isBlank(@Nullable String s) {
        return EventForm.isBlank(s);
    }
}
