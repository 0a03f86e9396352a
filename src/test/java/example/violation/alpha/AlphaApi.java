package example.violation.alpha;

/** The published API of the fixture module alpha. */
public class AlphaApi {}
