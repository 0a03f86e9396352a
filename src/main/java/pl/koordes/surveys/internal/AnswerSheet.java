package pl.koordes.surveys.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.text.TextInput;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;

/**
 * What a respondent typed into a survey's form, keyed by the form's field names, and what it means. The
 * form's fields are named after the definition ({@code q12}, {@code q12-inna}, {@code q12-r40}); a
 * parameter whose name the definition does not know, or an option or row id of another question, is
 * dropped when the sheet is read ({@link #read}), so nothing outside the survey reaches a check or a row.
 * Everything typed stays in the sheet, normalised, so that a form shown again shows it as typed.
 *
 * <p>A question is shown when it has no condition, or when the question its condition names is shown and
 * the option is chosen ({@link #shown}); an answer to a question that is not shown is never required and
 * never stored.
 */
public final class AnswerSheet {

    /** The value of the "inna (jaka?)" choice. */
    public static final String OTHER = "inna";

    /** The declared region and institution kind of a respondent whose role says neither. */
    public static final String REGION = "wojewodztwo";

    public static final String KIND = "rodzaj";

    /** The longest short and long text answer, in code points. */
    public static final int SHORT_MAX = 500;

    public static final int LONG_MAX = 10_000;

    private final Map<String, List<String>> values;

    private AnswerSheet(Map<String, List<String>> values) {
        this.values = values;
    }

    public static AnswerSheet empty() {
        return new AnswerSheet(Map.of());
    }

    /** The field of a question (its text, number, date, scale or choices; the fieldset's id). */
    public static String field(Question question) {
        return "q" + question.id();
    }

    /** The text field of a question's "inna (jaka?)" choice. */
    public static String otherField(Question question) {
        return field(question) + "-" + OTHER;
    }

    /** The radio group of a matrix row. */
    public static String rowField(Question question, Choice row) {
        return field(question) + "-r" + row.id();
    }

    /**
     * The submitted parameters the definition knows, each text normalised ({@link TextInput#normalise});
     * choices keep only values that are options of their question (or "inna" where it is offered).
     */
    public static AnswerSheet read(SurveyDefinition definition, Map<String, List<String>> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Question question : definition.questions().toList()) {
            String field = field(question);
            List<String> given = normalised(parameters.get(field));
            if (question.type().choice()) {
                Set<String> allowed = new HashSet<>();
                question.options().forEach(option -> allowed.add(Long.toString(option.id())));
                if (question.otherOption()) {
                    allowed.add(OTHER);
                }
                List<String> chosen =
                        given.stream().filter(allowed::contains).distinct().toList();
                if (question.type() == QuestionType.SINGLE_CHOICE && chosen.size() > 1) {
                    chosen = List.of(chosen.getFirst());
                }
                put(values, field, chosen);
                if (question.otherOption()) {
                    put(values, otherField(question), first(normalised(parameters.get(otherField(question)))));
                }
            } else if (question.type() == QuestionType.MATRIX) {
                for (Choice row : question.rows()) {
                    put(values, rowField(question, row), first(normalised(parameters.get(rowField(question, row)))));
                }
            } else {
                put(values, field, first(given));
            }
        }
        put(values, REGION, first(normalised(parameters.get(REGION))));
        put(values, KIND, first(normalised(parameters.get(KIND))));
        return new AnswerSheet(values);
    }

    /** The sheet of stored answers, as the form shows them. */
    public static AnswerSheet of(
            SurveyDefinition definition,
            List<AnswerRow> rows,
            @Nullable Long regionId,
            @Nullable InstitutionKind kind) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (AnswerRow row : rows) {
            definition.question(row.questionId()).ifPresent(question -> {
                String field = field(question);
                switch (question.type()) {
                    case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                        if (row.optionId() != null) {
                            add(values, field, row.optionId().toString());
                        } else {
                            add(values, field, OTHER);
                            put(values, otherField(question), List.of(text(row.textValue())));
                        }
                    }
                    case SCALE -> add(values, field, String.valueOf(row.scaleValue()));
                    case MATRIX ->
                        question.rows().stream()
                                .filter(r -> row.matrixRowId() != null && r.id() == row.matrixRowId())
                                .findFirst()
                                .ifPresent(r ->
                                        put(values, rowField(question, r), List.of(String.valueOf(row.scaleValue()))));
                    case SHORT_TEXT, LONG_TEXT -> add(values, field, text(row.textValue()));
                    case NUMBER -> add(values, field, AnswerValues.number(row.numberValue()));
                    case DATE ->
                        add(
                                values,
                                field,
                                row.dateValue() == null ? "" : row.dateValue().toString());
                }
            });
        }
        if (regionId != null) {
            put(values, REGION, List.of(regionId.toString()));
        }
        if (kind != null) {
            put(values, KIND, List.of(kind.name()));
        }
        return new AnswerSheet(values);
    }

    /** The values as a plain map that can travel to the next page (the copy of an anonymous answer). */
    public LinkedHashMap<String, ArrayList<String>> snapshot() {
        LinkedHashMap<String, ArrayList<String>> copy = new LinkedHashMap<>();
        values.forEach((field, list) -> copy.put(field, new ArrayList<>(list)));
        return copy;
    }

    /** The sheet of a {@link #snapshot}, its fields checked against the definition again. */
    public static AnswerSheet restore(SurveyDefinition definition, Map<?, ?> snapshot) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        snapshot.forEach((field, list) -> {
            if (field instanceof String name && list instanceof List<?> given) {
                parameters.put(name, given.stream().map(String::valueOf).toList());
            }
        });
        return read(definition, parameters);
    }

    /** The first value of a field, or "" (what the form shows). */
    public String value(String field) {
        List<String> list = values.get(field);
        return list == null || list.isEmpty() ? "" : list.getFirst();
    }

    /** Whether this value of a choice field is chosen. */
    public boolean chosen(String field, String value) {
        List<String> list = values.get(field);
        return list != null && list.contains(value);
    }

    /** Whether this question is shown with these answers: no condition, or its condition's option chosen. */
    public boolean shown(SurveyDefinition definition, Question question) {
        return shown(definition, question, 0);
    }

    private boolean shown(SurveyDefinition definition, Question question, int depth) {
        Long option = question.conditionOptionId();
        if (option == null) {
            return true;
        }
        // A condition names an earlier question; a chain longer than the survey is a loop, never shown.
        if (depth > 100) {
            return false;
        }
        return definition
                .questionOfOption(option)
                .filter(source -> source.id() != question.id())
                .map(source -> chosen(field(source), option.toString()) && shown(definition, source, depth + 1))
                .orElse(false);
    }

    /**
     * Checks the sheet: formats always (a number, a date, a scale value, a text's length and characters),
     * and when {@code submitting} also what must be answered. Questions that are not shown are skipped.
     *
     * @param declareRegion whether the respondent must declare a region (the role does not say one)
     * @param kinds the institution kinds the respondent may declare, or empty when the role says it
     * @return field → message key, in the order of the form
     */
    public Map<String, String> check(
            SurveyDefinition definition,
            boolean submitting,
            boolean declareRegion,
            Set<Long> regions,
            List<InstitutionKind> kinds) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (declareRegion) {
            String region = value(REGION);
            if (!region.isEmpty()
                    && (AnswerValues.parseLong(region) == null || !regions.contains(AnswerValues.parseLong(region)))) {
                errors.put(REGION, "surveys.answering.error.region");
            } else if (submitting && region.isEmpty()) {
                errors.put(REGION, "surveys.answering.error.regionRequired");
            }
        }
        if (!kinds.isEmpty()) {
            String kind = value(KIND);
            if (!kind.isEmpty() && kinds.stream().noneMatch(k -> k.name().equals(kind))) {
                errors.put(KIND, "surveys.answering.error.kind");
            } else if (submitting && kind.isEmpty()) {
                errors.put(KIND, "surveys.answering.error.kindRequired");
            }
        }
        for (Question question : definition.questions().toList()) {
            if (!shown(definition, question)) {
                continue;
            }
            String field = field(question);
            String value = value(field);
            switch (question.type()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    boolean any =
                            values.containsKey(field) && !values.get(field).isEmpty();
                    String other = value(otherField(question));
                    if (question.otherOption() && unprintable(other, false)) {
                        errors.put(otherField(question), "form.unprintable");
                    } else if (question.otherOption() && TextInput.length(other) > SHORT_MAX) {
                        errors.put(otherField(question), "surveys.answering.error.tooLong");
                    } else if (submitting && question.required() && !any) {
                        errors.put(field, "surveys.answering.error.choose");
                    } else if (submitting && chosen(field, OTHER) && other.isEmpty()) {
                        errors.put(otherField(question), "surveys.answering.error.other");
                    }
                }
                case SCALE -> {
                    if (!value.isEmpty() && AnswerValues.scale(value) == null) {
                        errors.put(field, "surveys.answering.error.scale");
                    } else if (submitting && question.required() && value.isEmpty()) {
                        errors.put(field, "surveys.answering.error.choose");
                    }
                }
                case MATRIX -> {
                    boolean wrong = false;
                    boolean missing = false;
                    for (Choice row : question.rows()) {
                        String rowValue = value(rowField(question, row));
                        if (!rowValue.isEmpty() && AnswerValues.scale(rowValue) == null) {
                            wrong = true;
                        } else if (rowValue.isEmpty()) {
                            missing = true;
                        }
                    }
                    if (wrong) {
                        errors.put(field, "surveys.answering.error.scale");
                    } else if (submitting && question.required() && missing) {
                        errors.put(field, "surveys.answering.error.matrix");
                    }
                }
                case SHORT_TEXT, LONG_TEXT -> {
                    boolean multiline = question.type() == QuestionType.LONG_TEXT;
                    if (unprintable(value, multiline)) {
                        errors.put(field, "form.unprintable");
                    } else if (TextInput.length(value) > (multiline ? LONG_MAX : SHORT_MAX)) {
                        errors.put(field, "surveys.answering.error.tooLong");
                    } else if (submitting && question.required() && value.isEmpty()) {
                        errors.put(field, "surveys.answering.error.required");
                    }
                }
                case NUMBER -> {
                    if (!value.isEmpty() && AnswerValues.number(value) == null) {
                        errors.put(field, "surveys.answering.error.number");
                    } else if (submitting && question.required() && value.isEmpty()) {
                        errors.put(field, "surveys.answering.error.required");
                    }
                }
                case DATE -> {
                    if (!value.isEmpty() && AnswerValues.date(value) == null) {
                        errors.put(field, "surveys.answering.error.date");
                    } else if (submitting && question.required() && value.isEmpty()) {
                        errors.put(field, "surveys.answering.error.required");
                    }
                }
            }
        }
        return errors;
    }

    /** The rows to store: answers of shown questions only, in the shape of their type. Call after {@link #check}. */
    public List<AnswerRow> rows(SurveyDefinition definition) {
        List<AnswerRow> rows = new ArrayList<>();
        for (Question question : definition.questions().toList()) {
            if (!shown(definition, question)) {
                continue;
            }
            String field = field(question);
            String value = value(field);
            long id = question.id();
            switch (question.type()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    for (String chosen : values.getOrDefault(field, List.of())) {
                        if (OTHER.equals(chosen)) {
                            String other = value(otherField(question));
                            if (!other.isEmpty()) {
                                rows.add(new AnswerRow(id, null, null, null, other, null, null));
                            }
                        } else {
                            rows.add(new AnswerRow(id, Long.parseLong(chosen), null, null, null, null, null));
                        }
                    }
                }
                case SCALE -> {
                    Integer scale = AnswerValues.scale(value);
                    if (scale != null) {
                        rows.add(new AnswerRow(id, null, null, scale, null, null, null));
                    }
                }
                case MATRIX -> {
                    for (Choice row : question.rows()) {
                        Integer scale = AnswerValues.scale(value(rowField(question, row)));
                        if (scale != null) {
                            rows.add(new AnswerRow(id, null, row.id(), scale, null, null, null));
                        }
                    }
                }
                case SHORT_TEXT, LONG_TEXT -> {
                    if (!value.isEmpty()) {
                        rows.add(new AnswerRow(id, null, null, null, value, null, null));
                    }
                }
                case NUMBER -> {
                    BigDecimal number = AnswerValues.number(value);
                    if (number != null) {
                        rows.add(new AnswerRow(id, null, null, null, null, number, null));
                    }
                }
                case DATE -> {
                    LocalDate date = AnswerValues.date(value);
                    if (date != null) {
                        rows.add(new AnswerRow(id, null, null, null, null, null, date));
                    }
                }
            }
        }
        return rows;
    }

    /** The declared region, when it is a number (checked against the regions by {@link #check}). */
    public @Nullable Long declaredRegion() {
        return AnswerValues.parseLong(value(REGION));
    }

    /** The declared institution kind, when it is one. */
    public @Nullable InstitutionKind declaredKind() {
        String kind = value(KIND);
        for (InstitutionKind k : InstitutionKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    private static boolean unprintable(String text, boolean multiline) {
        return TextInput.unprintable(text, multiline);
    }

    private static List<String> normalised(@Nullable List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : given) {
            String normal = TextInput.normalise(value);
            if (normal != null) {
                out.add(normal);
            }
        }
        return out;
    }

    private static List<String> first(List<String> given) {
        return given.isEmpty() ? List.of() : List.of(given.getFirst());
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static void put(Map<String, List<String>> values, String field, List<String> given) {
        if (!given.isEmpty()) {
            values.put(field, given);
        }
    }

    private static void add(Map<String, List<String>> values, String field, String value) {
        values.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
    }

    @Override
    public String toString() {
        return "AnswerSheet" + values.keySet().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * One stored value of an answer (see the schema: one row per chosen option, matrix row or typed value).
     */
    public record AnswerRow(
            long questionId,
            @Nullable Long optionId,
            @Nullable Long matrixRowId,
            @Nullable Integer scaleValue,
            @Nullable String textValue,
            @Nullable BigDecimal numberValue,
            @Nullable LocalDate dateValue) {}
}
