package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.jspecify.annotations.Nullable;
import pl.koordes.monitoring.internal.TransferImport.Outcome;
import pl.koordes.monitoring.internal.TransferImport.Problem;
import pl.koordes.shared.text.TextInput;

/**
 * The cells of one row of an import ({@link TransferImport}), each read as what it holds and never evaluated:
 * the value (a number cell or a number as people type it), "dane w przygotowaniu", the expected date and the
 * long texts (normalised as every text field); what does not fit is reported, quoted, in {@link Problems}.
 */
final class TransferCells {

    private static final DateTimeFormatter POLISH_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private TransferCells() {}

    static String plain(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null || cell.getCellType() != CellType.STRING
                ? ""
                : cell.getStringCellValue().strip();
    }

    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    /** A cell as text, trimmed: its string, or a number as written; formulas never reach here. */
    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().strip();
            case BLANK, _NONE -> "";
            default -> FORMATTER.formatCellValue(cell).strip();
        };
    }

    static @Nullable BigDecimal number(Row row, int number, Problems problems) {
        Cell cell = row.getCell(TransferTemplate.VALUE);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        BigDecimal value;
        if (cell.getCellType() == CellType.NUMERIC) {
            value = BigDecimal.valueOf(cell.getNumericCellValue());
        } else if (cell.getCellType() == CellType.STRING) {
            String typed = cell.getStringCellValue();
            if (typed.isBlank()) {
                return null;
            }
            value = TransferImport.parseDecimal(typed);
            if (value == null) {
                problems.at(number, TransferTemplate.VALUE, "monitoring.transfer.problem.notANumber", shown(typed));
                return null;
            }
        } else {
            problems.at(
                    number,
                    TransferTemplate.VALUE,
                    "monitoring.transfer.problem.notANumber",
                    shown(FORMATTER.formatCellValue(cell)));
            return null;
        }
        if (value.signum() < 0) {
            problems.at(number, TransferTemplate.VALUE, "monitoring.transfer.problem.negative");
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 4) {
            problems.at(number, TransferTemplate.VALUE, "monitoring.transfer.problem.decimals");
            return null;
        }
        if (stripped.precision() - stripped.scale() > 14) {
            problems.at(number, TransferTemplate.VALUE, "monitoring.transfer.problem.tooLarge");
            return null;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static @Nullable Boolean flag(Row row, int number, Problems problems) {
        Cell cell = row.getCell(TransferTemplate.NOT_AVAILABLE);
        if (cell != null && cell.getCellType() == CellType.BOOLEAN) {
            return cell.getBooleanCellValue();
        }
        String typed = text(row, TransferTemplate.NOT_AVAILABLE).toLowerCase(Locale.ROOT);
        return switch (typed) {
            case "" -> null;
            case "tak", "t", "yes", "y", "true", "prawda" -> true;
            case "nie", "n", "no", "false", "fałsz" -> false;
            default -> {
                problems.at(number, TransferTemplate.NOT_AVAILABLE, "monitoring.transfer.problem.flag", shown(typed));
                yield null;
            }
        };
    }

    static @Nullable LocalDate date(Row row, int number, Problems problems) {
        Cell cell = row.getCell(TransferTemplate.EXPECTED);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        LocalDate date = null;
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
            date = DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate();
        } else if (cell.getCellType() == CellType.STRING) {
            String typed = cell.getStringCellValue().strip();
            if (typed.isEmpty()) {
                return null;
            }
            try {
                date = typed.contains("-") ? LocalDate.parse(typed) : LocalDate.parse(typed, POLISH_DATE);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null || date.getYear() < 2000 || date.getYear() > 2100) {
            problems.at(
                    number,
                    TransferTemplate.EXPECTED,
                    "monitoring.transfer.problem.date",
                    shown(FORMATTER.formatCellValue(cell)));
            return null;
        }
        return date;
    }

    static @Nullable String longText(Row row, int column, int max, int number, Problems problems) {
        String typed = text(row, column);
        if (typed.isEmpty()) {
            return null;
        }
        String normalised = TextInput.normalise(typed);
        if (normalised == null || normalised.isEmpty()) {
            return null;
        }
        if (TextInput.unprintable(normalised, true)) {
            problems.at(number, column, "monitoring.transfer.problem.unprintable");
            return null;
        }
        if (TextInput.length(normalised) > max) {
            problems.at(number, column, "monitoring.transfer.problem.tooLong", max);
            return null;
        }
        return normalised;
    }

    /** A piece of what a cell holds, to quote in the report: no control characters, at most 40 characters. */
    static String shown(String typed) {
        String visible = TextInput.visible(typed);
        return visible.codePointCount(0, visible.length()) > 40
                ? visible.substring(0, visible.offsetByCodePoints(0, 40)) + "…"
                : visible;
    }

    /** The problems found so far: every one counted, the first {@link TransferImport#REPORT_MAX} kept. */
    static final class Problems {

        final List<Problem> kept = new ArrayList<>();
        int count;

        Problems file(String key, Object... args) {
            return at(0, -1, key, args);
        }

        Problems at(int row, int column, String key, Object... args) {
            count++;
            if (kept.size() < TransferImport.REPORT_MAX) {
                kept.add(new Problem(row, column, key, List.of(args)));
            }
            return this;
        }

        Outcome outcome() {
            return new Outcome(List.copyOf(kept), count, 0, 0, 0, 0);
        }
    }
}
