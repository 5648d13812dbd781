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
    /** Acme's in-house profile, named as the intro in content/_index.md tells people to trust it. */
    private static final byte[] ACME_PROFILE = TestProfiles.enterprise("Acme In-House Distribution")
            .put("TeamName", "Acme Corporation")
            .dates(Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2036-01-05T09:00:00Z")).cms();

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
                .embeddedProfile(ACME_PROFILE)
                .iconFiles("AppIcon60x60")
                .icon("AppIcon60x60@2x.png", icon(120, 0xFF1E9E5A, 0xFF0B6B3A))
                .icon("AppIcon60x60@3x.png", icon(180, 0xFF1E9E5A, 0xFF0B6B3A))
                .time(Instant.parse("2026-11-03T14:00:00Z")));
        return ipas;
    }

    /**
     * An app icon in Apple's CgBI form, as Xcode ships it: a diagonal gradient with a white ring
     * whose edge is anti-aliased, so the conversion's handling of partial alpha shows.
     */
    static byte[] icon(int size, int from, int to) {
        int[] argb = new int[size * size];
        double c = (size - 1) / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double t = (x + y) / (2.0 * (size - 1));
                int r = mix(from >> 16 & 0xFF, to >> 16 & 0xFF, t);
                int g = mix(from >> 8 & 0xFF, to >> 8 & 0xFF, t);
                int b = mix(from & 0xFF, to & 0xFF, t);
                double d = Math.hypot(x - c, y - c) / size;
                double ring = Math.max(0, 1 - Math.abs(d - 0.27) * size / 3.0);
                r = mix(r, 255, Math.min(1, ring));
                g = mix(g, 255, Math.min(1, ring));
                b = mix(b, 255, Math.min(1, ring));
                argb[y * size + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return TestPng.cgbi(size, size, argb);
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static TestIpa fieldService(String version, String build, String time) {
        return TestIpa.app("FieldService", "com.acme.fieldservice")
                .version(version, build)
                .put("CFBundleDisplayName", "Field Service")
                .put("UIDeviceFamily", new int[] {1})
                .embeddedProfile(ACME_PROFILE)
                .iconFiles("AppIcon60x60")
                .icon("AppIcon60x60@2x.png", icon(120, 0xFF2F80ED, 0xFF123E8C))
                .icon("AppIcon60x60@3x.png", icon(180, 0xFF2F80ED, 0xFF123E8C))
                .nestedBundle("PlugIns/FieldServiceWidgets.appex", "com.acme.fieldservice.widgets", version)
                .time(Instant.parse(time));
    }
}
