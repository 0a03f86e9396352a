package pl.koordes.directory.internal;

/**
 * The grammatical form in which a member's committee function is named: Polish names functions
 * differently for women and men ("przewodnicząca", "przewodniczący"). The member's own form is
 * stored, so that the public list names each person as they are; where nobody has said, both forms
 * are shown.
 */
public enum FunctionForm {
    FEMININE,
    MASCULINE,
    UNSPECIFIED
}
