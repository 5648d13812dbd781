package dev.otapress.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** What one HTTP request got back, or why it got nothing (status 0). */
record Response(int status, Map<String, List<String>> headers, byte[] body, Optional<String> error) {

    Response {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    static Response failed(String error) {
        return new Response(0, Map.of(), new byte[0], Optional.of(error));
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
