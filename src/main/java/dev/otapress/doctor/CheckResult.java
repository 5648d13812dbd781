package dev.otapress.doctor;

import java.util.Objects;

/**
 * One line of the checklist.
 *
 * @param name   what was checked, e.g. "Field 1.4.0: manifest is served as XML"
 * @param ok     whether it passed
 * @param detail what was seen (empty when there is nothing to add)
 * @param fix    for a failure, the concrete change that makes it pass; empty for a pass
 */
public record CheckResult(String name, boolean ok, String detail, String fix) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
        if (!ok && fix.isBlank()) throw new IllegalArgumentException("a failed check needs a fix: " + name);
        if (ok && !fix.isBlank()) throw new IllegalArgumentException("a passed check has no fix: " + name);
    }

    static CheckResult pass(String name, String detail) {
        return new CheckResult(name, true, detail, "");
    }

    static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(name, false, detail, fix);
    }
}
