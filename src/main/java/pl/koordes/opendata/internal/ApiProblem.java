package pl.koordes.opendata.internal;

import org.jspecify.annotations.Nullable;

/**
 * A request the API refuses, answered as an RFC 9457 problem: the status, a detail in Polish and,
 * for a bad query parameter, its name.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String parameter;

    public ApiProblem(int status, String detail, @Nullable String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.parameter = parameter;
    }

    public static ApiProblem badParameter(String parameter, String detail) {
        return new ApiProblem(400, detail, parameter);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail, null);
    }

    public int status() {
        return status;
    }

    public @Nullable String parameter() {
        return parameter;
    }

    public String detail() {
        String message = getMessage();
        return message == null ? "" : message;
    }
}
