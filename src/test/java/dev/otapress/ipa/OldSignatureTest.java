package dev.otapress.ipa;

import dev.otapress.config.CheckSwitches;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real IPA signed on macOS 10.15 or earlier (CodeDirectory 0x20200): a warning for an app that
 * runs on iOS 14 and earlier, an install-stopping error when it needs iOS 15 or later.
 */
class OldSignatureTest {

    private static final Path OLD = FixtureGroundTruthTest.FIXTURES.resolve("app_info/iphone.ipa");
    private static final Instant WHEN = Instant.parse("2016-06-01T00:00:00Z");

    private static IpaInfo read() throws Exception {
        assumeTrue(Files.isRegularFile(OLD), "real-world fixtures not found at " + OLD.toAbsolutePath() + "; skipping");
        return new IpaReader().read(OLD);
    }

    private static IpaInfo needing(IpaInfo i, String minimumOS) {
        AppInfo a = i.app();
        AppInfo newer = new AppInfo(a.bundleIdentifier(), a.version(), a.build(), a.name(), minimumOS, a.deviceFamilies(),
                a.platform(), a.sdk(), a.xcode());
        return new IpaInfo(i.file(), i.size(), i.sha256(), i.infoPlistPath(), i.infoPlistTime(), newer, i.profile(), i.icon(),
                i.extensions(), i.codeSignature(), i.warnings());
    }

    private static List<InstallChecks.Finding> oldFormat(InstallChecks checks, IpaInfo info) {
        return checks.check(info, WHEN).stream().filter(f -> f.message().contains("needs to be updated")).toList();
    }

    @Test
    void anAppForIos9GetsAWarning() throws Exception {
        IpaInfo info = read();
        assertTrue(info.codeSignature().format().outdated());
        List<InstallChecks.Finding> f = oldFormat(InstallChecks.ALL, info);
        assertEquals(1, f.size(), f.toString());
        assertFalse(f.get(0).error());
        assertTrue(f.get(0).message().contains("0x20200") && f.get(0).message().contains("re-sign it with a current Xcode"));
    }

    @Test
    void anAppForIos15OrLaterIsStopped() throws Exception {
        List<InstallChecks.Finding> f = oldFormat(InstallChecks.ALL, needing(read(), "15.0"));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).error());
        assertEquals(InstallChecks.Blocker.SIGNATURE_TOO_OLD, f.get(0).blocker());
        assertTrue(f.get(0).message().contains("checks.old_signature: false"), f.get(0).message());

        List<InstallChecks.Finding> off = oldFormat(new InstallChecks(CheckSwitches.ALL.with(Map.of("old_signature", false))), needing(read(), "16.1"));
        assertEquals(1, off.size());
        assertFalse(off.get(0).error(), "turned off, it is still said, as a warning");
    }
}
