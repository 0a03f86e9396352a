package example.violation.alpha.internal;

/** An internal type of the fixture module alpha: no other module may use it. */
public class Secret {

    public String reveal() {
        return "internal";
    }
}
