package pl.koordes.notifications;

/** How a person receives one kind of notification. Every kind is always in the notification centre too. */
public enum Delivery {
    /** An e-mail at once. */
    EMAIL,
    /** In the daily digest e-mail, at the hour the person chose. */
    DIGEST,
    /** Only in the notification centre, no e-mail. */
    APP
}
