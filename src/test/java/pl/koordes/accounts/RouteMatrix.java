package pl.koordes.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;

/**
 * The route × role matrix kept in {@code src/test/resources/route-matrix.md}: for every route (method and
 * pattern) the answer each kind of visitor must get. The file is a Markdown table so that it reads
 * well in review; its prose explains the outcomes.
 */
public final class RouteMatrix {

    static final String RESOURCE = "/route-matrix.md";
    static final String SOURCE_PATH = "src/test/resources/route-matrix.md";

    /** Who makes the request; each is a demo account, signed in fully unless said otherwise. */
    public enum Actor {
        ANONYMOUS(null, false),
        PARTICIPANT(DemoAccounts.PARTICIPANT, false),
        /** The coordinator of the region the samples name (małopolskie). */
        REGIONAL_COORDINATOR(DemoAccounts.COORDINATOR_MALOPOLSKIE, false),
        /** A coordinator of another region (śląskie) asking for małopolskie's routes. */
        REGIONAL_COORDINATOR_OTHER_REGION(DemoAccounts.COORDINATOR_SLASKIE, false),
        COMMITTEE_MEMBER(DemoAccounts.COMMITTEE_MALOPOLSKIE, false),
        /** The expert assigned to the advisory cases the samples name. */
        EXPERT(DemoAccounts.EXPERT, false),
        /** Another expert, not assigned to the advisory cases the samples name. */
        EXPERT_NOT_ASSIGNED(DemoAccounts.EXPERT_OTHER, false),
        CENTRAL_INSTITUTION(DemoAccounts.CENTRAL_INSTITUTION, false),
        EDITOR(DemoAccounts.EDITOR, false),
        ADMINISTRATOR(DemoAccounts.ADMINISTRATOR, false),
        /** The administrator after the password, before the second factor. */
        PENDING_SECOND_FACTOR(DemoAccounts.ADMINISTRATOR, true);

        final @Nullable String email;
        final boolean pending;

        Actor(@Nullable String email, boolean pending) {
            this.email = email;
            this.pending = pending;
        }

        /** The demo account's e-mail address, or null for the anonymous visitor. */
        public @Nullable String email() {
            return email;
        }

        /** Whether this actor stops after the password, before the second factor. */
        public boolean pending() {
            return pending;
        }
    }

    /** One line of the matrix; the sample has its named queries already written out as {@code {sql:…}}. */
    public record Row(
            String method, String pattern, String sample, Map<Actor, String> expected, String note, int line) {

        String key() {
            return key(method, pattern);
        }

        static String key(String method, String pattern) {
            return method + " " + pattern;
        }
    }

    /** What a request got: the status and, for redirects, where to (a path on this site). */
    record Answer(int status, String location, String body) {

        boolean redirect() {
            return status >= 300 && status < 400;
        }
    }

    static final List<String> FIXED_COLUMNS = List.of("method", "pattern", "sample");
    static final String NOTE_COLUMN = "note";
    private static final Pattern STATUS = Pattern.compile("\\d{3}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(account|region|sql):([^}]+)}");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

    /**
     * A line of the "State changes" section: the audit actions a route records, and why not when some
     * (or all) of its outcomes are not audited.
     *
     * @param notAudited the reason given after {@code not audited:}, or null when every change is audited
     */
    record AuditRule(
            String method,
            String pattern,
            List<String> actions,
            @Nullable String notAudited,
            int line) {

        String key() {
            return Row.key(method, pattern);
        }
    }

    static final List<String> AUDIT_HEADER = List.of("method", "pattern", "audit");
    static final String NOT_AUDITED = "not audited:";

    private final List<Row> rows;
    private final Map<String, AuditRule> audits;

    private RouteMatrix(List<Row> rows, Map<String, AuditRule> audits) {
        this.rows = rows;
        this.audits = audits;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The "State changes" section by route ("METHOD pattern"). */
    Map<String, AuditRule> audits() {
        return audits;
    }

    public static RouteMatrix load() {
        try (InputStream in = RouteMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RouteMatrix parse(String text) {
        List<String> expectedHeader = header();
        Map<String, String> samples = new LinkedHashMap<>();
        Map<String, AuditRule> audits = new LinkedHashMap<>();
        List<String[]> rawRows = new ArrayList<>();
        String table = null;
        boolean headerSeen = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("|")) {
                table = null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue;
            }
            if (table == null) {
                // The first line of a table is its header: it says what the table is.
                if (cells.equals(AUDIT_HEADER)) {
                    table = "audit";
                } else if (cells.getFirst().equals("method")) {
                    if (!cells.equals(expectedHeader)) {
                        throw new IllegalStateException(SOURCE_PATH + ":" + (i + 1) + ": the header must be\n"
                                + line(expectedHeader) + "\nbut is\n" + line);
                    }
                    if (headerSeen) {
                        throw new IllegalStateException(SOURCE_PATH + ":" + (i + 1) + ": a second matrix");
                    }
                    headerSeen = true;
                    table = "matrix";
                } else if (cells.equals(List.of("name", "query"))) {
                    table = "samples";
                } else {
                    table = "prose";
                }
                continue;
            }
            switch (table) {
                case "samples" -> {
                    if (cells.size() != 2 || samples.put(cells.get(0), cells.get(1)) != null) {
                        throw new IllegalStateException(
                                SOURCE_PATH + ":" + (i + 1) + ": a sample needs a new name and a query");
                    }
                }
                case "audit" -> {
                    AuditRule rule = auditRule(cells, i + 1);
                    if (audits.put(rule.key(), rule) != null) {
                        throw new IllegalStateException(
                                SOURCE_PATH + ":" + (i + 1) + ": a second audit row for " + rule.key());
                    }
                }
                case "matrix" -> {
                    if (cells.size() != expectedHeader.size()) {
                        throw new IllegalStateException(SOURCE_PATH + ":" + (i + 1) + ": " + cells.size() + " cells, "
                                + expectedHeader.size() + " expected: " + line);
                    }
                    List<String> row = new ArrayList<>(cells);
                    row.add(Integer.toString(i + 1));
                    rawRows.add(row.toArray(String[]::new));
                }
                default -> {}
            }
        }
        if (!headerSeen) {
            throw new IllegalStateException(SOURCE_PATH + ": no matrix header; it must be\n" + line(expectedHeader));
        }
        List<Row> rows = new ArrayList<>();
        for (String[] cells : rawRows) {
            int line = Integer.parseInt(cells[cells.length - 1]);
            Map<Actor, String> expected = new EnumMap<>(Actor.class);
            for (Actor actor : Actor.values()) {
                String outcome = cells[FIXED_COLUMNS.size() + actor.ordinal()];
                if (!validOutcome(outcome)) {
                    throw new IllegalStateException(SOURCE_PATH + ":" + line + ": unknown outcome '" + outcome
                            + "' for " + actor + " (see the outcomes explained in the file)");
                }
                expected.put(actor, outcome);
            }
            String sample = cells[2];
            for (Map.Entry<String, String> named : samples.entrySet()) {
                sample = sample.replace("{" + named.getKey() + "}", "{sql:" + named.getValue() + "}");
            }
            rows.add(new Row(cells[0], cells[1], sample, expected, cells[cells.length - 2], line));
        }
        List<String> duplicates =
                rows.stream().collect(Collectors.groupingBy(Row::key, Collectors.counting())).entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList();
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException(SOURCE_PATH + ": routes with more than one row: " + duplicates);
        }
        return new RouteMatrix(rows, audits);
    }

    private static AuditRule auditRule(List<String> cells, int line) {
        if (cells.size() != AUDIT_HEADER.size()) {
            throw new IllegalStateException(
                    SOURCE_PATH + ":" + line + ": an audit row needs method, pattern and audit");
        }
        String audit = cells.get(2);
        int reason = audit.indexOf(NOT_AUDITED);
        String named = reason < 0 ? audit : audit.substring(0, reason);
        String why = reason < 0
                ? null
                : audit.substring(reason + NOT_AUDITED.length()).strip();
        if (why != null && why.isEmpty()) {
            throw new IllegalStateException(SOURCE_PATH + ":" + line + ": 'not audited:' needs a reason");
        }
        List<String> actions = Arrays.stream(named.split("[,;]"))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
        if (actions.isEmpty() && why == null) {
            throw new IllegalStateException(
                    SOURCE_PATH + ":" + line + ": name the audit actions or say 'not audited: <reason>'");
        }
        return new AuditRule(cells.get(0), cells.get(1), actions, why, line);
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        Arrays.stream(Actor.values()).map(Actor::name).forEach(header::add);
        header.add(NOTE_COLUMN);
        return header;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            String value = cell.strip();
            if (value.length() >= 2 && value.startsWith("`") && value.endsWith("`")) {
                value = value.substring(1, value.length() - 1).strip();
            }
            cells.add(value);
        }
        return cells;
    }

    /** A Markdown table line, code-formatting the pattern and sample. */
    static String line(List<String> cells) {
        List<String> shown = new ArrayList<>(cells);
        for (int i = 1; i <= 2 && i < shown.size(); i++) {
            if (!shown.get(i).equals("pattern") && !shown.get(i).equals("sample")) {
                shown.set(i, "`" + shown.get(i) + "`");
            }
        }
        return "| " + String.join(" | ", shown) + " |";
    }

    static boolean validOutcome(String outcome) {
        return STATUS.matcher(outcome).matches()
                || outcome.equals("4xx")
                || outcome.equals("login")
                || outcome.equals("2fa")
                || outcome.equals("redirect")
                || outcome.startsWith("redirect:/");
    }

    /** Whether the answer is what the matrix cell asks for. */
    static boolean matches(String expected, Answer answer) {
        String path = answer.location().replaceFirst("\\?.*", "");
        return switch (expected) {
            case "4xx" -> answer.status() >= 400 && answer.status() < 500;
            case "login" -> answer.redirect() && path.equals("/logowanie");
            case "2fa" ->
                answer.redirect() && (path.equals("/logowanie/kod") || path.equals("/logowanie/drugi-skladnik"));
            case "redirect" -> answer.redirect() && !path.startsWith("/logowanie");
            default ->
                expected.startsWith("redirect:")
                        ? answer.redirect() && answer.location().equals(expected.substring("redirect:".length()))
                        : answer.status() == Integer.parseInt(expected);
        };
    }

    /** The most precise matrix cell describing an answer, for rows printed from what was observed. */
    static String describe(Answer answer) {
        if (!answer.redirect()) {
            return Integer.toString(answer.status());
        }
        for (String outcome : List.of("login", "2fa")) {
            if (matches(outcome, answer)) {
                return outcome;
            }
        }
        return "redirect:" + answer.location();
    }

    /**
     * Fills a sample's placeholders: {@code {account:e-mail}} the id of that account,
     * {@code {region:slug}} the id of that region, {@code {sql:select …}} the single value of a query.
     */
    public static String resolve(JdbcClient jdbc, String sample) {
        Matcher placeholders = PLACEHOLDER.matcher(sample);
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            String argument = placeholders.group(2).strip();
            String sql = switch (placeholders.group(1)) {
                case "account" -> "select id from account where lower(email) = lower(:argument)";
                case "region" -> "select id from region where slug = :argument";
                default -> argument;
            };
            var query = jdbc.sql(sql);
            if (sql.contains(":argument")) {
                query = query.param("argument", argument);
            }
            Object value = query.query().singleValue();
            placeholders.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(value)));
        }
        placeholders.appendTail(path);
        if (path.indexOf("{") >= 0) {
            throw new IllegalArgumentException("Unresolved placeholder in sample " + sample
                    + " (use {account:e-mail}, {region:slug} or {sql:select …})");
        }
        return path.toString();
    }

    /**
     * A sample address for a pattern nobody has written a row for: region slugs get małopolskie (the
     * own coordinator's region), other variables 1 — to be checked and corrected by whoever adds the row.
     */
    static String guessSample(String pattern) {
        Matcher variables = PATH_VARIABLE.matcher(pattern);
        StringBuilder sample = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1).toLowerCase(Locale.ROOT);
            String value = name.contains("slug") || name.contains("region") ? "malopolskie" : "1";
            variables.appendReplacement(sample, Matcher.quoteReplacement(value));
        }
        variables.appendTail(sample);
        return sample.toString().replace("/**", "/x").replace("/*", "/x");
    }
}
