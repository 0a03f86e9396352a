package pl.koordes.directory.internal;

/** The sector a committee member represents (Act of 5 August 2022 on social economy, art. 56). */
public enum Sector {
    PUBLIC_REGIONAL,
    PUBLIC_STATE,
    LOCAL_GOVERNMENT,
    SOCIAL_ECONOMY,
    NGO,
    COOPERATIVE,
    BUSINESS,
    SCIENCE,
    TRADE_UNION,
    EMPLOYERS
}
