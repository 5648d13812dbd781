package dev.otapress.site;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTest {
    private static int cmp(String a, String b) {
        return Integer.signum(new Version(a).compareTo(new Version(b)));
    }

    @Test
    void comparesPartsAsNumbers() {
        assertEquals(1, cmp("1.10.0", "1.9.0"));
        assertEquals(1, cmp("2.0", "1.99.99"));
        assertEquals(-1, cmp("1.2.3", "1.2.10"));
    }

    @Test
    void aMissingPartIsZeroButTheOrderStaysTotal() {
        assertTrue(new Version("1.2").compareTo(new Version("1.2.0")) != 0, "distinct texts never compare equal");
        assertEquals(-1, cmp("1.2", "1.2.1"));
    }

    @Test
    void preReleasesComeBeforeTheRelease() {
        assertEquals(-1, cmp("1.0-beta2", "1.0"));
        assertEquals(-1, cmp("1.0-beta2", "1.0-beta10"));
        assertEquals(-1, cmp("1.0-beta", "1.0-rc1"));
    }

    @Test
    void sortsAHistory() {
        List<Version> v = new ArrayList<>();
        for (String s : new String[] {"1.9.0", "1.10.0", "1.0", "10.0", "2.0.0-rc1", "2.0.0"}) v.add(new Version(s));
        Collections.sort(v);
        assertEquals("[1.0, 1.9.0, 1.10.0, 2.0.0-rc1, 2.0.0, 10.0]", v.toString());
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertEquals(1, cmp("99999999999999999999999", "1"));
    }
}
