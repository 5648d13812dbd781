package dev.otapress.cli;

import dev.otapress.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shortens a long list of warnings: after the first few of a kind, one line counts the rest. A
 * history of a thousand ad hoc builds would otherwise print a thousand lines that differ only in a
 * date or a device count, and hide the one warning that matters.
 */
final class WarningSummary {
    static final int SHOWN_PER_KIND = 3;

    private WarningSummary() {
    }

    /** The warnings to print, in their order, each kind cut after {@link #SHOWN_PER_KIND}; errors are kept whole. */
    static List<Diagnostic> of(List<Diagnostic> diagnostics) {
        Map<String, List<Diagnostic>> byKind = new LinkedHashMap<>();
        for (Diagnostic d : diagnostics) byKind.computeIfAbsent(d.isError() ? "error " + byKind.size() : kind(d.message()), k -> new ArrayList<>()).add(d);
        List<Diagnostic> shown = new ArrayList<>();
        for (List<Diagnostic> same : byKind.values()) {
            if (same.get(0).isError() || same.size() <= SHOWN_PER_KIND + 1) {
                shown.addAll(same);
                continue;
            }
            shown.addAll(same.subList(0, SHOWN_PER_KIND));
            int more = same.size() - SHOWN_PER_KIND;
            shown.add(Diagnostic.warning(null, String.format(Locale.ROOT,
                    "… and %d more release%s with this kind of warning; --verbose lists them", more, more == 1 ? "" : "s")));
        }
        return shown;
    }

    /**
     * A warning's kind: its words up to the first number or quoted name, since messages embed
     * dates, device counts and names ("expires on 2 Dec 2026 (in 11 days)").
     */
    static String kind(String message) {
        int end = message.length();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isDigit(c) || c == '\'' || c == '"' || c == '(') {
                end = i;
                break;
            }
        }
        return message.substring(0, Math.min(end, 80)).strip();
    }
}
