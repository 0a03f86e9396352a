package pl.koordes.surveys;

/** The kinds of question a survey is built from; the names are stored. */
public enum QuestionType {
    /** One of the options (radio buttons), optionally "inna (jaka?)". */
    SINGLE_CHOICE,
    /** Any of the options (check boxes), optionally "inna (jaka?)". */
    MULTIPLE_CHOICE,
    /** 1..5 with the two ends labelled. */
    SCALE,
    /** Rows, each on the 1..5 scale. */
    MATRIX,
    SHORT_TEXT,
    LONG_TEXT,
    NUMBER,
    DATE;

    /** Whether it has options, and so can be a condition for a later question. */
    public boolean choice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Whether its answers are free text (listed and searched in the results, not counted). */
    public boolean text() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    /** Whether it uses the 1..5 scale. */
    public boolean scaled() {
        return this == SCALE || this == MATRIX;
    }
}
