package dev.otapress.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** What one HTTP request got back, or why it got nothing (status 0, with a failure other than NONE). */
record Response(int status, Map<String, List<String>> headers, byte[] body, Optional<String> error, Failure failure) {

    /** Why a request got no answer, which decides the fix. */
    enum Failure {
        /** An answer came (any status). */
        NONE,
        /** Not requested: not https, or a host the user did not name. */
        OFF_HOST,
        /** Out of time: the request's, the run's, or the host stopped answering. */
        NO_ANSWER,
        /** The body was larger than its cap. */
        TOO_LARGE,
        /** The connection failed (refused, reset, TLS). */
        NETWORK
    }

    Response {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    static Response answered(int status, Map<String, List<String>> headers, byte[] body) {
        return new Response(status, headers, body, Optional.empty(), Failure.NONE);
    }

    static Response failed(Failure failure, String error) {
        if (failure == Failure.NONE) throw new IllegalArgumentException("a failure needs a kind");
        return new Response(0, Map.of(), new byte[0], Optional.of(error), failure);
    }

    /**
     * The fix for a request that did not answer 200: the server's own line for a redirect or a
     * missing file, otherwise what the failure kind needs.
     */
    String fix(String what) {
        ServerFixes fixes = new ServerFixes(server());
        return switch (failure) {
            case OFF_HOST -> HostPolicy.offHostFix();
            case NO_ANSWER -> "make the server answer the " + what + " promptly (iOS gives up on slow downloads too); over a"
                    + " slow link raise --timeout or --deadline";
            case TOO_LARGE -> "serve the " + what + " that 'otapress build' writes; if it really is this large, raise the cap";
            case NETWORK -> "make " + what + " reachable over HTTPS from where the devices are";
            case NONE -> status / 100 == 3 ? fixes.redirect(what) : fixes.notFound(what);
        };
    }

    boolean ok() {
        return error.isEmpty() && status == 200;
    }

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** The media type without parameters, lower case: "text/xml; charset=utf-8" gives "text/xml". */
    String contentType() {
        String type = header("content-type");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    OptionalLong contentLength() {
        try {
            String value = header("content-length");
            return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    String server() {
        return header("server");
    }

    String describe() {
        if (error.isPresent()) return "nothing (" + error.get() + ")";
        String location = header("location");
        return "HTTP " + status + (location.isEmpty() ? "" : " → " + location);
    }
}
