package pl.koordes.monitoring.web;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import pl.koordes.monitoring.internal.NationalNumbers;
import pl.koordes.monitoring.internal.NationalProgramme.Indicator;
import pl.koordes.shared.web.Page;

/**
 * A national indicator's figures as the programme's pages write them: numbers in the reader's format,
 * the year beside each, and "brak danych" (or "rok bazowy nieznany") where the data do not say.
 */
public final class NationalFigures {

    private NationalFigures() {}

    public static String number(Page page, @Nullable BigDecimal value) {
        return value == null ? page.t("monitoring.national.noData") : NationalNumbers.format(value, page.locale());
    }

    /** "1,65 (2014)", or "1,65 (rok bazowy nieznany)" as in the 2023 data, or "brak danych". */
    public static String baseline(Page page, Indicator indicator) {
        BigDecimal value = indicator.baseline();
        Integer year = indicator.baselineYear();
        if (value == null) {
            return page.t("monitoring.national.noData");
        }
        return page.t(
                "monitoring.national.inYear",
                number(page, value),
                year == null ? page.t("monitoring.national.baselineYearUnknown") : year.toString());
    }

    /** "1600 w 2023 r.", the value alone when its year is not known, or "brak danych". */
    public static String target(Page page, Indicator indicator) {
        BigDecimal value = indicator.target();
        Integer year = indicator.targetYear();
        if (value == null) {
            return page.t("monitoring.national.noData");
        }
        return year == null
                ? number(page, value)
                : page.t("monitoring.national.targetIn", number(page, value), year.toString());
    }

    /** "2024: 1500; 2025: 1600", or "brak danych" when no year has a target of its own. */
    public static String yearly(Page page, Indicator indicator) {
        if (indicator.targets().isEmpty()) {
            return page.t("monitoring.national.noData");
        }
        return indicator.targets().stream()
                .map(t -> page.t("monitoring.national.yearly", Integer.toString(t.year()), number(page, t.value())))
                .collect(Collectors.joining("; "));
    }

    /** "1419 (2020)", the value alone when its year is not known, or "brak danych". */
    public static String latest(Page page, Indicator indicator) {
        BigDecimal value = indicator.latestValue();
        Integer year = indicator.latestYear();
        if (value == null) {
            return page.t("monitoring.national.noData");
        }
        return year == null
                ? number(page, value)
                : page.t("monitoring.national.inYear", number(page, value), year.toString());
    }

    public static String source(Page page, Indicator indicator) {
        String source = indicator.source();
        return source == null ? page.t("monitoring.national.noData") : source;
    }
}
