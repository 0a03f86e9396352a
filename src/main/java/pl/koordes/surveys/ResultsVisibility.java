package pl.koordes.surveys;

/** Who sees a survey's results: everyone, those who answered, or the operator only. */
public enum ResultsVisibility {
    PUBLIC,
    RESPONDENTS,
    OPERATORS
}
