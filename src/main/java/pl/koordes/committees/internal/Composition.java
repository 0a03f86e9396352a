package pl.koordes.committees.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import pl.koordes.directory.BodyKind;
import pl.koordes.directory.CommitteeSeat;

/**
 * A committee's composition on a day: who sits on it (and who is appointed from a later day), who sat on it
 * (an ended term), and which of the kinds of bodies the Act names are represented by those sitting and which
 * are missing.
 *
 * @param current the members sitting today and those appointed from a later day, chairs first
 * @param former the members whose term ended, latest end first
 */
public record Composition(
        List<CommitteeSeat> current, List<CommitteeSeat> former, List<BodyKind> represented, List<BodyKind> missing) {

    /** How many kinds of bodies the Act names (nine). */
    public static final int NAMED =
            (int) Arrays.stream(BodyKind.values()).filter(BodyKind::named).count();

    public static Composition of(List<CommitteeSeat> seats, LocalDate today) {
        List<CommitteeSeat> current = seats.stream()
                .filter(seat -> seat.termEnd() == null || !seat.termEnd().isBefore(today))
                .toList();
        List<CommitteeSeat> former = seats.stream()
                .filter(seat -> seat.termEnd() != null && seat.termEnd().isBefore(today))
                .sorted((a, b) -> b.termEnd().compareTo(a.termEnd()))
                .toList();
        Set<BodyKind> sitting = current.stream()
                .filter(seat -> seat.sitsOn(today))
                .map(CommitteeSeat::bodyKind)
                .collect(Collectors.toSet());
        List<BodyKind> named =
                Arrays.stream(BodyKind.values()).filter(BodyKind::named).toList();
        return new Composition(
                current,
                former,
                named.stream().filter(sitting::contains).toList(),
                named.stream().filter(kind -> !sitting.contains(kind)).toList());
    }

    /** Whether every kind the Act names is represented. */
    public boolean complete() {
        return missing.isEmpty();
    }
}
