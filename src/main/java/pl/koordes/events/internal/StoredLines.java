package pl.koordes.events.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How an event's agenda and speakers are kept in their text columns: one row a line, cells separated
 * by {@code |}. The form gives each cell its own field, so a cell may itself hold a {@code |} or a
 * backslash: both are written with a backslash before them. Lines written before rows had fields hold
 * no such escapes and read the same as before (a backslash before any other character stays as it is).
 */
final class StoredLines {

    private StoredLines() {}

    /** One stored line of these cells. */
    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(" | ");
            }
            out.append(cells.get(i).replace("\\", "\\\\").replace("|", "\\|"));
        }
        return out.toString();
    }

    /** The cells of each non-blank line, stripped; at most {@code limit} cells, the last taking the rest. */
    static List<List<String>> read(String text, int limit) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                rows.add(cells(line, limit));
            }
        }
        return rows;
    }

    private static List<String> cells(String line, int limit) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '|' || line.charAt(i + 1) == '\\')) {
                cell.append(line.charAt(++i));
            } else if (c == '|' && cells.size() < limit - 1) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
