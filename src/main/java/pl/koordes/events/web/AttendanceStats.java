package pl.koordes.events.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pl.koordes.directory.Region;
import pl.koordes.events.internal.Attendance;
import pl.koordes.events.internal.Participant;
import pl.koordes.events.internal.RegistrationStatus;

/**
 * Attendance of one event counted by region and by kind of institution: confirmed registrations, those
 * marked present, and the feedback: its count, average rating and comments, all from the same confirmed
 * registrations, so the summary never counts an opinion whose comment it hides or the other way round.
 */
public record AttendanceStats(
        List<Row> byRegion, List<Row> byKind, int ratings, double averageRating, List<Comment> comments) {

    /** A comment given with its rating. */
    public record Comment(int rating, String text) {}

    /** One line of a breakdown: its label (a region's name or an institution kind, "" for unknown). */
    public record Row(String label, int confirmed, int attended) {}

    static AttendanceStats of(List<Participant> registrations, Map<Long, Region> regions) {
        Map<String, int[]> byRegion = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();
        int ratings = 0;
        int sum = 0;
        List<Comment> comments = new ArrayList<>();
        for (Participant r : registrations) {
            if (r.status() != RegistrationStatus.CONFIRMED) {
                continue;
            }
            String region = r.regionId() != null && regions.containsKey(r.regionId())
                    ? regions.get(r.regionId()).namePl()
                    : "";
            String kind = r.institutionKind() == null ? "" : r.institutionKind();
            int attended = r.attendance() == Attendance.ATTENDED ? 1 : 0;
            add(byRegion, region, attended);
            add(byKind, kind, attended);
            if (r.feedbackRating() != null) {
                ratings++;
                sum += r.feedbackRating();
                String comment = r.feedbackComment();
                if (comment != null && !comment.isEmpty()) {
                    comments.add(new Comment(r.feedbackRating(), comment));
                }
            }
        }
        return new AttendanceStats(
                rows(byRegion), rows(byKind), ratings, ratings == 0 ? 0 : (double) sum / ratings, comments);
    }

    private static void add(Map<String, int[]> map, String key, int attended) {
        int[] counts = map.computeIfAbsent(key, k -> new int[2]);
        counts[0]++;
        counts[1] += attended;
    }

    private static List<Row> rows(Map<String, int[]> map) {
        return map.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
