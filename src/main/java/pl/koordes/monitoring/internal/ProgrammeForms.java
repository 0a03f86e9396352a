package pl.koordes.monitoring.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.monitoring.internal.ProgrammeViews.Action;
import pl.koordes.monitoring.internal.ProgrammeViews.Goal;
import pl.koordes.monitoring.internal.ProgrammeViews.Indicator;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * The forms of a regional programme's update: the draft's details, a goal, an action, an indicator with its
 * yearly targets as rows of their own, the committee's opinion, and the adopting resolution. Every editing
 * form carries the draft's {@code rowVersion} as it was shown, so a change made meanwhile by someone else
 * is a conflict, never a silent overwrite.
 */
public final class ProgrammeForms {

    private ProgrammeForms() {}

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private static boolean plausibleYear(@Nullable Integer year) {
        return year == null || (year >= FIRST_YEAR && year <= LAST_YEAR);
    }

    /** The draft's (or a new programme's) name, period and the rationale of the update. */
    public record DetailsForm(
            @NotBlank(message = "monitoring.programmes.name.required") @Text(max = 300) @Nullable
            String name,

            @NotNull(message = "monitoring.programmes.periodStart.required") @Nullable
            Integer periodStart,

            @NotNull(message = "monitoring.programmes.periodEnd.required") @Nullable
            Integer periodEnd,

            @NotBlank(message = "monitoring.programmes.rationale.required") @Text(max = 4000) @Nullable
            String rationale,

            @Nullable Integer rowVersion)
            implements CrossFieldRules {

        /** A new programme: the period of the national programme's horizon as a start. */
        public static DetailsForm blank() {
            return new DetailsForm("", 2021, 2030, "", null);
        }

        public static DetailsForm of(Version version) {
            return new DetailsForm(
                    version.name(),
                    version.periodStart(),
                    version.periodEnd(),
                    version.rationale(),
                    version.rowVersion());
        }

        @Override
        public void checkTogether(Errors errors) {
            if (!plausibleYear(periodStart)) {
                errors.rejectValue("periodStart", "monitoring.programmes.year.range");
            }
            if (!plausibleYear(periodEnd)) {
                errors.rejectValue("periodEnd", "monitoring.programmes.year.range");
            }
            if (periodStart != null && periodEnd != null && periodEnd < periodStart) {
                errors.rejectValue("periodEnd", "monitoring.programmes.periodEnd.beforeStart");
            }
        }
    }

    /** Starting an update: why the programme is updated. */
    public record StartForm(
            @NotBlank(message = "monitoring.programmes.rationale.required") @Text(max = 4000) @Nullable
            String rationale) {}

    public record GoalForm(
            @NotBlank(message = "monitoring.programmes.goalName.required") @Text(max = 600) @Nullable
            String name,

            @Text(max = 4000) @Nullable String description,
            @Nullable Integer rowVersion) {

        public static GoalForm of(Goal goal, int rowVersion) {
            return new GoalForm(goal.name(), goal.description(), rowVersion);
        }
    }

    /** An action of a goal, mapped to one or more KPRES directions. */
    public record ActionForm(
            @NotNull(message = "monitoring.programmes.actionGoal.required") @Nullable
            Long goalId,

            @NotBlank(message = "monitoring.programmes.actionName.required") @Text(max = 600) @Nullable
            String name,

            @Text(max = 4000) @Nullable String description,
            @Nullable List<Long> directions,
            @Nullable Integer rowVersion) {

        public static ActionForm of(Action action, int rowVersion) {
            return new ActionForm(
                    action.goalId(),
                    action.name(),
                    action.description(),
                    action.directions().stream()
                            .map(ProgrammeViews.Direction::id)
                            .toList(),
                    rowVersion);
        }

        public List<Long> chosen() {
            return directions == null
                    ? List.of()
                    : directions.stream().distinct().toList();
        }
    }

    /** One year's target of an indicator: the year and the value as typed ("12,5"). */
    public record TargetRow(
            @Nullable Integer year,
            @Text(max = 40) @Nullable String value) {

        public static TargetRow blank() {
            return new TargetRow(null, "");
        }

        boolean empty() {
            return year == null && (value == null || value.isBlank());
        }
    }

    /** An indicator of the draft: its definition, its mapping to a KPRES indicator and its yearly targets. */
    public record IndicatorForm(
            @NotBlank(message = "monitoring.programmes.indicatorCode.required") @Text(max = 16) @Nullable
            String code,

            @NotBlank(message = "monitoring.programmes.indicatorName.required") @Text(max = 400) @Nullable
            String name,

            @NotBlank(message = "monitoring.programmes.unit.required") @Text(max = 40) @Nullable
            String unit,

            @Text(max = 40) @Nullable String baseline,
            @Nullable Integer baselineYear,
            @Text(max = 200) @Nullable String source,

            @NotNull(message = "monitoring.programmes.improvement.required") @Nullable
            Improvement improvement,

            @NotNull(message = "monitoring.programmes.timeRule.required") @Nullable
            TimeRule timeRule,

            @Nullable Long goalId,
            @Nullable Long nationalIndicatorId,
            @Nullable RegionRule regionRule,
            @Nullable List<@Valid TargetRow> targets,
            @Nullable Integer rowVersion)
            implements CrossFieldRules {

        public static IndicatorForm blank(int rowVersion) {
            List<TargetRow> rows = new ArrayList<>();
            rows.add(TargetRow.blank());
            return new IndicatorForm(
                    "",
                    "",
                    "",
                    "",
                    null,
                    "",
                    Improvement.UP,
                    TimeRule.STOCK,
                    null,
                    null,
                    RegionRule.NONE,
                    rows,
                    rowVersion);
        }

        public static IndicatorForm of(Indicator indicator, int rowVersion) {
            List<TargetRow> rows = new ArrayList<>();
            indicator.targets().forEach((year, value) -> rows.add(new TargetRow(year, ProgrammeNumbers.input(value))));
            if (rows.isEmpty()) {
                rows.add(TargetRow.blank());
            }
            return new IndicatorForm(
                    indicator.code(),
                    indicator.name(),
                    indicator.unit(),
                    ProgrammeNumbers.input(indicator.baseline()),
                    indicator.baselineYear(),
                    indicator.source(),
                    indicator.improvement(),
                    indicator.timeRule(),
                    indicator.goalId(),
                    indicator.national() == null ? null : indicator.national().id(),
                    indicator.regionRule(),
                    rows,
                    rowVersion);
        }

        public List<TargetRow> rows() {
            return targets == null ? List.of() : targets;
        }

        public IndicatorForm withRow() {
            List<TargetRow> rows = new ArrayList<>(rows());
            rows.add(TargetRow.blank());
            return withRows(rows);
        }

        public IndicatorForm withoutRow(int index) {
            List<TargetRow> rows = new ArrayList<>(rows());
            if (index >= 0 && index < rows.size()) {
                rows.remove(index);
            }
            return withRows(rows);
        }

        private IndicatorForm withRows(List<TargetRow> rows) {
            return new IndicatorForm(
                    code,
                    name,
                    unit,
                    baseline,
                    baselineYear,
                    source,
                    improvement,
                    timeRule,
                    goalId,
                    nationalIndicatorId,
                    regionRule,
                    rows,
                    rowVersion);
        }

        /** The targets typed (blank rows left out), year → value; call after the checks passed. */
        public SortedMap<Integer, BigDecimal> targetValues() {
            SortedMap<Integer, BigDecimal> values = new TreeMap<>();
            for (TargetRow row : rows()) {
                BigDecimal value = ProgrammeNumbers.parse(row.value());
                if (row.year() != null && value != null) {
                    values.put(row.year(), value);
                }
            }
            return values;
        }

        public @Nullable BigDecimal baselineValue() {
            return ProgrammeNumbers.parse(baseline);
        }

        /** Without a KPRES indicator there is nothing to add up to. */
        public RegionRule rule() {
            return nationalIndicatorId == null || regionRule == null ? RegionRule.NONE : regionRule;
        }

        @Override
        public void checkTogether(Errors errors) {
            if (code != null && !code.isBlank() && !code.matches("[\\p{L}\\p{N}._-]{1,16}")) {
                errors.rejectValue("code", "monitoring.programmes.indicatorCode.invalid");
            }
            if (!ProgrammeNumbers.validOrEmpty(baseline)) {
                errors.rejectValue("baseline", "monitoring.programmes.number.invalid");
            }
            if (!plausibleYear(baselineYear)) {
                errors.rejectValue("baselineYear", "monitoring.programmes.year.range");
            }
            Set<Integer> years = new HashSet<>();
            List<TargetRow> rows = rows();
            for (int i = 0; i < rows.size(); i++) {
                TargetRow row = rows.get(i);
                if (row.empty()) {
                    continue;
                }
                String prefix = "targets[" + i + "].";
                if (row.year() == null) {
                    errors.rejectValue(prefix + "year", "monitoring.programmes.targetYear.required");
                } else if (!plausibleYear(row.year())) {
                    errors.rejectValue(prefix + "year", "monitoring.programmes.year.range");
                } else if (!years.add(row.year())) {
                    errors.rejectValue(prefix + "year", "monitoring.programmes.targetYear.twice");
                }
                if (row.value() == null || row.value().isBlank()) {
                    errors.rejectValue(prefix + "value", "monitoring.programmes.targetValue.required");
                } else if (ProgrammeNumbers.parse(row.value()) == null) {
                    errors.rejectValue(prefix + "value", "monitoring.programmes.number.invalid");
                }
            }
        }
    }

    /** The regional committee's opinion on the draft. */
    public record OpinionForm(
            @NotBlank(message = "monitoring.programmes.opinion.required") @Text(max = 8000) @Nullable
            String opinion,

            @NotNull(message = "monitoring.programmes.opinionDate.required")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Nullable
            LocalDate opinionDate,

            @Nullable Integer rowVersion) {}

    /** The resolution that adopts the draft. */
    public record AdoptForm(
            @NotBlank(message = "monitoring.programmes.resolutionNumber.required") @Text(max = 120) @Nullable
            String resolutionNumber,

            @NotNull(message = "monitoring.programmes.resolutionDate.required")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Nullable
            LocalDate resolutionDate,

            @Nullable Integer rowVersion)
            implements CrossFieldRules {

        @Override
        public void checkTogether(Errors errors) {
            if (resolutionDate != null
                    && (resolutionDate.getYear() < FIRST_YEAR || resolutionDate.getYear() > LAST_YEAR)) {
                errors.rejectValue("resolutionDate", "monitoring.programmes.resolutionDate.range");
            }
        }
    }
}
