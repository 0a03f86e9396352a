package pl.koordes.content.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** Line-by-line differences between two revisions' texts, for the editor's comparison page. */
public final class RevisionDiff {

    private RevisionDiff() {}

    /** A line of the comparison: kept, removed (only in the older text) or added (only in the newer). */
    public record Line(Kind kind, String text) {}

    public enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    /** The lines of both texts in order, each marked; unchanged stretches kept whole. */
    public static List<Line> lines(String older, String newer) {
        List<String> a = older.lines().toList();
        List<String> b = newer.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            for (; position < start; position++) {
                lines.add(new Line(Kind.SAME, a.get(position)));
            }
            delta.getSource().getLines().forEach(l -> lines.add(new Line(Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> lines.add(new Line(Kind.ADDED, l)));
            position = start + delta.getSource().size();
        }
        for (; position < a.size(); position++) {
            lines.add(new Line(Kind.SAME, a.get(position)));
        }
        return lines;
    }

    /** Whether anything differs. */
    public static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }
}
