package pl.koordes.monitoring.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A national indicator's yearly targets, each a row of its own ({@code targets[0].year},
 * {@code targets[0].value}); a row left empty is ignored, so the form can always offer a blank one.
 *
 * @param rowVersion the indicator's version the form was shown with: targets saved over someone else's
 *     change are refused like the indicator itself
 */
public record NationalTargetsForm(
        @Nullable List<@Valid Row> targets, @Nullable Integer rowVersion) implements CrossFieldRules {

    /** At most this many rows: a century of years. */
    static final int MAX_ROWS = 101;

    /** One year's target. */
    public record Row(
            @Min(value = NationalForms.FIRST_YEAR, message = "monitoring.national.year.range")
            @Max(value = NationalForms.LAST_YEAR, message = "monitoring.national.year.range")
            @Nullable
            Integer year,

            @Nullable BigDecimal value) {

        public static Row blank() {
            return new Row(null, null);
        }

        public boolean empty() {
            return year == null && value == null;
        }
    }

    public NationalTargetsForm {
        targets = targets == null
                ? List.of()
                : targets.stream().map(r -> r == null ? Row.blank() : r).toList();
    }

    /** The rows as shown: those given, or one blank row when there are none. */
    public List<Row> rows() {
        List<Row> rows = targets();
        return rows.isEmpty() ? List.of(Row.blank()) : rows;
    }

    @Override
    public List<Row> targets() {
        List<Row> rows = targets;
        return rows == null ? List.of() : rows;
    }

    /** The rows that are filled in, as saved. */
    public List<Row> filled() {
        return targets().stream().filter(r -> !r.empty()).toList();
    }

    public NationalTargetsForm withRow() {
        List<Row> more = new ArrayList<>(targets());
        if (more.size() < MAX_ROWS) {
            more.add(Row.blank());
        }
        return new NationalTargetsForm(more, rowVersion);
    }

    public NationalTargetsForm withoutRow(int index) {
        List<Row> fewer = new ArrayList<>(targets());
        if (index >= 0 && index < fewer.size()) {
            fewer.remove(index);
        }
        return new NationalTargetsForm(fewer, rowVersion);
    }

    @Override
    public void checkTogether(Errors errors) {
        List<Row> rows = targets();
        if (rows.size() > MAX_ROWS) {
            errors.rejectValue("targets", "monitoring.national.targets.tooMany");
            return;
        }
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.empty()) {
                continue;
            }
            if (row.year() == null) {
                errors.rejectValue("targets[" + i + "].year", "monitoring.national.targets.yearMissing");
            } else if (NationalForms.outOfRange(row.year())) {
                // Said here too: Spring skips the annotations when another row's value did not convert.
                errors.rejectValue("targets[" + i + "].year", "monitoring.national.year.range");
            } else if (!years.add(row.year())) {
                errors.rejectValue("targets[" + i + "].year", "monitoring.national.targets.yearTwice");
            }
            if (row.value() == null) {
                errors.rejectValue("targets[" + i + "].value", "monitoring.national.targets.valueMissing");
            } else if (NationalForms.outOfRange(row.value())) {
                errors.rejectValue("targets[" + i + "].value", "monitoring.national.number.range");
            }
        }
    }
}
