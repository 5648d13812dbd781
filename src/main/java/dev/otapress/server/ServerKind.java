package dev.otapress.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The web servers and hosts otapress writes configuration for, by their command-line names. */
public enum ServerKind {
    NGINX, APACHE, CADDY, IIS, NETLIFY, S3;

    /** The name used on the command line, e.g. {@code nginx}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name; the message lists the valid names. */
    public static ServerKind fromCliName(String name) {
        for (ServerKind kind : values()) {
            if (kind.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) return kind;
        }
        throw new IllegalArgumentException("unknown server '" + name + "'; expected one of " + cliNames());
    }

    public static String cliNames() {
        return Arrays.stream(values()).map(ServerKind::cliName).collect(Collectors.joining("|"));
    }
}
