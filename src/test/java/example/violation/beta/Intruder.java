package example.violation.beta;

import example.violation.alpha.internal.Secret;

/** Fixture: a module that reaches into another's internals, which ModularityTests expects to be refused. */
public class Intruder {

    public String steal() {
        return new Secret().reveal();
    }
}
