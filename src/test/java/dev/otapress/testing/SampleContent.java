package dev.otapress.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The .ipa files of the sample portal in content/, by path relative to the repository. They are
 * committed so that a fresh clone builds; SampleContentTest checks they are exactly what this
 * class generates, and rewrites them when run with -Dotapress.writeSamples=true.
 */
public final class SampleContent {
    private SampleContent() {
    }

    public static Map<String, TestIpa> ipas() {
        Map<String, TestIpa> ipas = new LinkedHashMap<>();
        ipas.put("content/field-service/1.2.0/FieldService.ipa", fieldService("1.2.0", "120", "2026-09-08T09:12:00Z"));
        ipas.put("content/field-service/1.3.0/FieldService.ipa", fieldService("1.3.0", "134", "2026-10-13T16:40:00Z"));
        ipas.put("content/field-service/1.4.0/FieldService.ipa", fieldService("1.4.0", "141", "2026-11-17T11:05:00Z"));
        ipas.put("content/field-service/1.4.1-beta/FieldService.ipa", fieldService("1.4.1", "150", "2026-11-20T08:30:00Z"));
        ipas.put("content/expenses/2.0.1/Expenses.ipa", TestIpa.app("Expenses", "com.acme.expenses")
                .version("2.0.1", "2010")
                .put("CFBundleDisplayName", "Acme Expenses")
                .put("MinimumOSVersion", "17.0")
                .time(Instant.parse("2026-11-03T14:00:00Z")));
        return ipas;
    }

    private static TestIpa fieldService(String version, String build, String time) {
        return TestIpa.app("FieldService", "com.acme.fieldservice")
                .version(version, build)
                .put("CFBundleDisplayName", "Field Service")
                .put("UIDeviceFamily", new int[] {1})
                .nestedBundle("PlugIns/FieldServiceWidgets.appex", "com.acme.fieldservice.widgets", version)
                .time(Instant.parse(time));
    }
}
