package pl.koordes.shared.web;

/**
 * What an error page shows.
 *
 * @param status the HTTP status answered
 * @param kind which explanation to show (400, 403, 404 or 500)
 */
public record ErrorView(int status, int kind) {}
