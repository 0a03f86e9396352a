package pl.koordes.events.internal;

/** Who may register: anyone, only signed-in holders of given roles, or only people of the regions served. */
public enum Audience {
    ANYONE,
    ROLES,
    REGIONS
}
