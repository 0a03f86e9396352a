package pl.koordes.monitoring.internal;

import static pl.koordes.monitoring.internal.TransferCells.date;
import static pl.koordes.monitoring.internal.TransferCells.flag;
import static pl.koordes.monitoring.internal.TransferCells.longText;
import static pl.koordes.monitoring.internal.TransferCells.number;
import static pl.koordes.monitoring.internal.TransferCells.plain;
import static pl.koordes.monitoring.internal.TransferCells.shown;
import static pl.koordes.monitoring.internal.TransferCells.text;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.TransferCells.Problems;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.TextInput;

/**
 * Reads a filled-in template ({@link TransferTemplate}) and checks every row before anything is saved;
 * then {@link TransferDrafts#save} writes all changed values as drafts in one transaction, or none.
 *
 * <p>Cells are read as the values they hold and never evaluated: a formula cell is refused with its
 * address (its cached result is not used, since nobody can see in the file which value was meant), and
 * so are merged cells, text in the value column, and values already submitted or approved that the file
 * would change. A value may be a number cell or text with a decimal comma or dot ("12,5", "1 234,5").
 * Rows without a value (and not marked "dane w przygotowaniu") are skipped and counted.
 *
 * <p>Hostile files: a file that is not an XLSX, an empty one, one over {@link #MAX_SIZE}, and a zip bomb
 * (POI's {@link ZipSecureFile} limits: an entry inflating more than 100 times or over 20 MB) are refused
 * with a message before any row is read.
 */
@Component
public class TransferImport {

    public static final DataSize MAX_SIZE = DataSize.ofMegabytes(5);
    public static final int MAX_ROWS = 10_000;
    /** The report lists this many problems, then says how many more there are. */
    public static final int REPORT_MAX = 200;

    static final int COMMENT_MAX = 4000;
    static final int SOURCE_MAX = 300;

    private static final long MAX_ENTRY_SIZE = DataSize.ofMegabytes(20).toBytes();
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,14}(?:[.,]\\d+)?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2009]");

    static {
        // The limits every XLSX read in this application obeys (only this class reads XLSX).
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxTextSize(10_000_000);
    }

    /**
     * Something wrong with the file (row 0) or with one cell (column ≥ 0) or row (column -1).
     *
     * @param row the row as the spreadsheet numbers it (from 1), or 0 for the whole file
     * @param key the message key, with {@code args}
     */
    public record Problem(int row, int column, String key, List<Object> args) {

        /** The column's heading key, for "Wiersz 7, kolumna „Wartość”". */
        public String columnKey() {
            return column >= 0 && column < TransferTemplate.COLUMNS
                    ? TransferTemplate.COLUMN_KEYS.get(column)
                    : "monitoring.transfer.column.other";
        }

        /** The cell's address as the spreadsheet shows it (G7). */
        public String cell() {
            return CellReference.convertNumToColString(Math.max(0, column)) + row;
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    /**
     * What the import found: either problems (nothing saved) or the counts of what was saved.
     *
     * @param problems at most {@link #REPORT_MAX} problems, in the file's order
     * @param problemCount how many problems in all
     * @param saved values written as drafts
     * @param unchanged rows that say what is already recorded
     * @param skipped rows without a value
     */
    public record Outcome(List<Problem> problems, int problemCount, int rows, int saved, int unchanged, int skipped) {

        public boolean accepted() {
            return problemCount == 0;
        }

        public int notListed() {
            return problemCount - problems.size();
        }
    }

    /** A changed value, checked and ready to save as the region's draft ({@link TransferDrafts#save}). */
    public record Draft(
            TransferStore.Line line,
            @Nullable BigDecimal value,
            boolean notAvailable,
            @Nullable LocalDate expectedDate,
            @Nullable String comment,
            @Nullable String source) {}

    private final TransferStore store;
    private final TransferDrafts drafts;

    TransferImport(TransferStore store, TransferDrafts drafts) {
        this.store = store;
        this.drafts = drafts;
    }

    /**
     * Checks the whole file and, when every row is right, saves its changed values as drafts in one
     * transaction (the caller has checked {@link MonitoringPermissions#canReport}).
     *
     * @throws Refused when a value changed state between the check and the save (nothing saved)
     */
    public Outcome importFile(
            CurrentUser user,
            Region region,
            TransferStore.Period period,
            @Nullable String fileName,
            long size,
            InputStreamSource content) {
        Problems problems = new Problems();
        if (!period.open()) {
            return problems.file("monitoring.transfer.file.closed").outcome();
        }
        if (TextInput.fileNameTooLong(fileName)) {
            return problems.file("monitoring.transfer.file.nameTooLong", TextInput.FILE_NAME_MAX)
                    .outcome();
        }
        if (size <= 0) {
            return problems.file("monitoring.transfer.file.empty").outcome();
        }
        if (size > MAX_SIZE.toBytes()) {
            return problems.file("monitoring.transfer.file.tooLarge", MAX_SIZE.toMegabytes())
                    .outcome();
        }
        List<TransferStore.Line> lines = store.lines(region.id(), period);
        Checked checked;
        try (InputStream in = content.getInputStream()) {
            byte[] head = in.readNBytes(8);
            String kind = kindOf(head);
            if (kind != null) {
                return problems.file(kind).outcome();
            }
            try (InputStream again = content.getInputStream();
                    OPCPackage pkg = OPCPackage.open(again);
                    XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
                checked = check(workbook, region, period, lines, problems);
            }
        } catch (IOException | RuntimeException | InvalidFormatException e) {
            // POI fails on a damaged or hostile file in many ways (zip bombs among them): each is a file
            // the person can replace, so a message, never a server error.
            return problems.file(zipBomb(e) ? "monitoring.transfer.file.bomb" : "monitoring.transfer.file.unreadable")
                    .outcome();
        }
        if (checked == null || problems.count > 0) {
            return problems.outcome();
        }
        drafts.save(user, region.id(), period.id(), displayName(fileName), checked.drafts(), checked.counts());
        return new Outcome(
                List.of(),
                0,
                checked.counts().rows(),
                checked.drafts().size(),
                checked.counts().unchanged(),
                checked.counts().skipped());
    }

    /** The counts an import's audit line records. */
    public record Counts(int rows, int unchanged, int skipped) {}

    private record Checked(List<Draft> drafts, Counts counts) {}

    private @Nullable Checked check(
            XSSFWorkbook workbook,
            Region region,
            TransferStore.Period period,
            List<TransferStore.Line> lines,
            Problems problems) {
        Sheet marker = workbook.getSheet(TransferTemplate.MARKER_SHEET);
        if (marker == null || !TransferTemplate.MARKER.equals(plain(marker, 0, 0))) {
            problems.file("monitoring.transfer.file.notTemplate");
            return null;
        }
        if (!region.teryt().equals(plain(marker, 1, 1))) {
            problems.file("monitoring.transfer.file.otherRegion", region.namePl());
            return null;
        }
        if (!Long.toString(period.id()).equals(plain(marker, 2, 1))) {
            problems.file("monitoring.transfer.file.otherPeriod");
            return null;
        }
        Sheet sheet = workbook.getSheetAt(0);
        if (sheet.getLastRowNum() - TransferTemplate.FIRST_DATA_ROW + 1 > MAX_ROWS) {
            problems.file("monitoring.transfer.file.tooManyRows", MAX_ROWS);
            return null;
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            problems.at(
                    merged.getFirstRow() + 1,
                    merged.getFirstColumn(),
                    "monitoring.transfer.problem.merged",
                    merged.formatAsString());
        }
        Map<String, TransferStore.Line> byCode =
                lines.stream().collect(Collectors.toMap(TransferStore.Line::code, Function.identity(), (a, b) -> a));
        Map<String, Integer> seen = new HashMap<>();
        List<Draft> changes = new ArrayList<>();
        int rows = 0;
        int unchanged = 0;
        int skipped = 0;
        for (int r = TransferTemplate.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int number = r + 1;
            int before = problems.count;
            boolean formula = false;
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.FORMULA) {
                    formula = true;
                    problems.at(
                            number,
                            cell.getColumnIndex(),
                            "monitoring.transfer.problem.formula",
                            shown(cell.getCellFormula()));
                }
            }
            if (formula) {
                continue;
            }
            String code = text(row, TransferTemplate.CODE);
            String valueText = text(row, TransferTemplate.VALUE);
            String flag = text(row, TransferTemplate.NOT_AVAILABLE);
            boolean anyInput = !valueText.isEmpty()
                    || !flag.isEmpty()
                    || !text(row, TransferTemplate.EXPECTED).isEmpty()
                    || !text(row, TransferTemplate.COMMENT).isEmpty()
                    || !text(row, TransferTemplate.SOURCE).isEmpty();
            if (code.isEmpty() && !anyInput) {
                continue;
            }
            rows++;
            TransferStore.Line line = null;
            if (code.isEmpty()) {
                problems.at(number, TransferTemplate.CODE, "monitoring.transfer.problem.noCode");
            } else {
                Integer first = seen.putIfAbsent(code, number);
                line = byCode.get(code);
                if (first != null) {
                    problems.at(
                            number,
                            TransferTemplate.CODE,
                            "monitoring.transfer.problem.duplicate",
                            shown(code),
                            Integer.toString(first));
                    line = null;
                } else if (line == null) {
                    problems.at(number, TransferTemplate.CODE, "monitoring.transfer.problem.unknownCode", shown(code));
                }
            }
            BigDecimal value = number(row, number, problems);
            Boolean notAvailable = flag(row, number, problems);
            LocalDate expected = date(row, number, problems);
            String comment = longText(row, TransferTemplate.COMMENT, COMMENT_MAX, number, problems);
            String source = longText(row, TransferTemplate.SOURCE, SOURCE_MAX, number, problems);
            boolean na = Boolean.TRUE.equals(notAvailable);
            if (problems.count > before || line == null) {
                continue;
            }
            if (value == null && !na) {
                if (expected != null) {
                    problems.at(number, TransferTemplate.EXPECTED, "monitoring.transfer.problem.dateWithoutFlag");
                } else {
                    skipped++;
                }
                continue;
            }
            if (na && value != null) {
                problems.at(number, TransferTemplate.NOT_AVAILABLE, "monitoring.transfer.problem.valueAndFlag");
                continue;
            }
            if (na && expected == null) {
                problems.at(number, TransferTemplate.EXPECTED, "monitoring.transfer.problem.dateRequired");
                continue;
            }
            if (!na && expected != null) {
                problems.at(number, TransferTemplate.EXPECTED, "monitoring.transfer.problem.dateWithoutFlag");
                continue;
            }
            Draft draft = new Draft(line, value, na, expected, comment, source);
            if (same(line, draft)) {
                unchanged++;
                continue;
            }
            if (line.status() == ValueStatus.APPROVED) {
                problems.at(number, TransferTemplate.VALUE, "monitoring.transfer.problem.approved", line.code());
                continue;
            }
            if (line.status() == ValueStatus.SUBMITTED) {
                problems.at(number, TransferTemplate.VALUE, "monitoring.transfer.problem.submitted", line.code());
                continue;
            }
            changes.add(draft);
        }
        return new Checked(changes, new Counts(rows, unchanged, skipped));
    }

    /** Whether the row says what is already recorded (then it changes nothing, whatever the value's state). */
    private static boolean same(TransferStore.Line line, Draft draft) {
        if (line.valueId() == null) {
            return false;
        }
        boolean sameValue = line.value() == null
                ? draft.value() == null
                : draft.value() != null && line.value().compareTo(draft.value()) == 0;
        return sameValue
                && line.notAvailable() == draft.notAvailable()
                && Objects.equals(line.expectedDate(), draft.expectedDate())
                && Objects.equals(emptyAsNull(line.comment()), draft.comment())
                && Objects.equals(emptyAsNull(line.source()), draft.source());
    }

    private static @Nullable String emptyAsNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The message for a file that is plainly not an XLSX, by its first bytes; null when it may be one. */
    private static @Nullable String kindOf(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return null;
        }
        if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return "monitoring.transfer.file.pdf";
        }
        if (head.length >= 4
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return "monitoring.transfer.file.xls";
        }
        return "monitoring.transfer.file.notXlsx";
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null
                    && (message.contains("Zip bomb")
                            || message.contains("max entry size")
                            || message.contains("exceeds the max")
                            || message.contains("text would exceed"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * A number as people type it: "12,5", "12.5", "1 234,5" (spaces, also non-breaking, between thousands);
     * null when it is not one ("1.234,5" is ambiguous and not taken).
     */
    public static @Nullable BigDecimal parseDecimal(String typed) {
        String compact = SPACES.matcher(typed).replaceAll("");
        if (!NUMBER.matcher(compact).matches()) {
            return null;
        }
        return new BigDecimal(compact.replace(',', '.').replace("+", ""));
    }

    private static String displayName(@Nullable String fileName) {
        String name = fileName == null ? "" : TextInput.normalise(fileName);
        return name == null || name.isEmpty() ? "plik.xlsx" : TextInput.visible(name);
    }
}
