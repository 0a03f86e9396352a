package pl.koordes.surveys.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.web.Paged;
import pl.koordes.surveys.internal.ResultsQueries.TextAnswer;

/**
 * The list of a question's typed answers, paged and searchable. Apart from {@link ResultsQueries} because it
 * pages through the answers themselves rather than counting them, with its own diacritic folding for the search.
 * Only SUBMITTED responses count; drafts never do.
 */
@Repository
@Transactional(readOnly = true)
public class ResultsTexts {

    private final JdbcClient jdbc;

    ResultsTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the typed answers of a question (a text question's, or the "inna (jaka?)" of a choice
     * question), oldest first, optionally only those containing {@code search} (case and Polish or other Latin
     * diacritics ignored). Two statements: the count and the page.
     */
    public Paged<TextAnswer> texts(
            long surveyId, long questionId, ResultsFilter filter, @Nullable String search, int page, int size) {
        String pattern = search == null || search.isBlank() ? null : "%" + likeEscaped(folded(search.strip())) + "%";
        String where = """
                from surveys_answer a join surveys_response r on r.id = a.response_id
                where a.question_id = :question and a.option_id is null and a.text_value is not null and
                """ + ResultsFilter.CONDITION + """

                  and (cast(:pattern as text) is null
                       or lower(translate(a.text_value, :from, :to)) like cast(:pattern as text) escape '\\')
                """;
        long total = jdbc.sql("select count(*) " + where)
                .param("survey", surveyId)
                .param("question", questionId)
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .param("pattern", pattern)
                .param("from", ACCENTED)
                .param("to", UNACCENTED)
                .query(Long.class)
                .single();
        int number = Paged.within(page, total, size);
        List<TextAnswer> items = jdbc.sql(
                        "select a.question_id, a.response_id, a.text_value, r.region_id, r.institution_kind " + where
                                + " order by a.response_id, a.id limit :limit offset :offset")
                .param("survey", surveyId)
                .param("question", questionId)
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .param("pattern", pattern)
                .param("from", ACCENTED)
                .param("to", UNACCENTED)
                .param("limit", size)
                .param("offset", Paged.offset(number, size))
                .query((rs, n) -> ResultsQueries.text(rs))
                .list();
        return new Paged<>(items, number, size, total);
    }

    /** Letters with diacritics PostgreSQL's {@code translate} folds to their base letter (the same as {@link #folded}). */
    static final String ACCENTED =
            "ąćęłńóśźżĄĆĘŁŃÓŚŹŻáàâäãåāčçďéèêëěēíìîïīľĺňñôöõőōřŕšťúùûüůűūýÿžÁÀÂÄÃÅĀČÇĎÉÈÊËĚĒÍÌÎÏĪĽĹŇÑÔÖÕŐŌŘŔŠŤÚÙÛÜŮŰŪÝŸŽ";

    static final String UNACCENTED = foldedLetters(ACCENTED);

    /** The text in lower case without diacritics (ł as l), as the search compares it. */
    static String folded(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.replace('ł', 'l').replace('Ł', 'L').toLowerCase(Locale.ROOT);
    }

    private static String foldedLetters(String letters) {
        StringBuilder out = new StringBuilder();
        letters.codePoints().forEach(c -> {
            String one = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "")
                    .replace('ł', 'l')
                    .replace('Ł', 'L');
            out.append(one.length() == 1 ? one : Character.toString(c));
        });
        return out.toString();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
