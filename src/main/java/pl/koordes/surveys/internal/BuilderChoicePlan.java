package pl.koordes.surveys.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;

/**
 * How the typed lines become the options (or rows) of a question: a line equal to an existing label keeps
 * that option (its answers and the conditions on it); when at least as many lines are new as options are gone, these
 * are the same options relabelled, in order, and further lines are added; when fewer lines are left than
 * options, the options whose labels are gone are removed and the lines added.
 */
record BuilderChoicePlan(List<Keep> kept, List<Add> added, List<Choice> removed) {

    record Keep(long id, int position, String label) {}

    record Add(int position, String label) {}

    static BuilderChoicePlan of(List<Choice> existing, List<String> lines) {
        Map<String, Choice> byLabel = new HashMap<>();
        for (Choice choice : existing) {
            byLabel.putIfAbsent(choice.label(), choice);
        }
        Long[] assigned = new Long[lines.size()];
        Set<Long> used = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Choice same = byLabel.get(lines.get(i));
            if (same != null && used.add(same.id())) {
                assigned[i] = same.id();
            }
        }
        List<Choice> left =
                existing.stream().filter(c -> !used.contains(c.id())).toList();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (assigned[i] == null) {
                open.add(i);
            }
        }
        // Nothing needs to go: the options without their label were relabelled, in order (the rest of
        // the new lines are new options). More options than new lines: which went is unknowable, so
        // every option whose label is gone is removed (refused where it has answers).
        if (left.size() <= open.size()) {
            for (int i = 0; i < left.size(); i++) {
                assigned[open.get(i)] = left.get(i).id();
                used.add(left.get(i).id());
            }
        }
        List<Keep> kept = new ArrayList<>();
        List<Add> added = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Long id = assigned[i];
            if (id == null) {
                added.add(new Add(i + 1, lines.get(i)));
            } else {
                kept.add(new Keep(id, i + 1, lines.get(i)));
            }
        }
        List<Choice> removed =
                existing.stream().filter(c -> !used.contains(c.id())).toList();
        return new BuilderChoicePlan(kept, added, removed);
    }
}
