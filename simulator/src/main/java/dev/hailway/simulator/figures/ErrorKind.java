package dev.hailway.simulator.figures;

/**
 * One kind of failed call, as the summary groups them: {@code "409 conflict"}, {@code "timeout"}, {@code "connection"}.
 * {@code unexpected} marks what a healthy platform never does: a 5xx, a timeout or a lost connection. Everything else
 * (409 on a race, 429 when pushed, 422 on an expired quote) is the platform saying no as designed.
 */
public record ErrorKind(String label, boolean unexpected) {

    private static final String PROBLEM_PREFIX = "https://hailway.dev/problems/";

    public static final ErrorKind TIMEOUT = new ErrorKind("timeout", true);
    public static final ErrorKind CONNECTION = new ErrorKind("connection", true);

    /** Classifies an HTTP answer by its status and, when it is a problem document, by the slug of its {@code type}. */
    public static ErrorKind ofResponse(int status, String problemType) {
        String slug = slugOf(problemType);
        String label = slug == null ? Integer.toString(status) : status + " " + slug;
        return new ErrorKind(label, status >= 500);
    }

    static String slugOf(String problemType) {
        if (problemType == null || problemType.isBlank() || problemType.equals("about:blank")) {
            return null;
        }
        if (problemType.startsWith(PROBLEM_PREFIX)) {
            return problemType.substring(PROBLEM_PREFIX.length());
        }
        int slash = problemType.lastIndexOf('/');
        return slash >= 0 ? problemType.substring(slash + 1) : problemType;
    }

    @Override
    public String toString() {
        return label;
    }
}
