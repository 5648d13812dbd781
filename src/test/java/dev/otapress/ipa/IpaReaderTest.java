package dev.otapress.ipa;

import dev.otapress.testing.TestIpa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpaReaderTest {
    @TempDir
    Path dir;

    private final IpaReader reader = new IpaReader();

    @Test
    void readsTheMainAppAndIgnoresEveryDecoy() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").version("2.3.1", "231")
                .nestedBundle("Frameworks/Kit.framework", "com.example.kit", "9.9.9")
                .nestedBundle("PlugIns/Share.appex", "com.example.field.share", "9.9.9")
                .nestedBundle("Watch/FieldWatch.app", "com.example.field.watchkitapp", "9.9.9")
                .entry("__MACOSX/Payload/Field.app/._Info.plist", new byte[] {0, 5, 22, 7})
                .entry("__MACOSX/Payload/Field.app/Info.plist", new byte[] {1, 2, 3})
                .writeTo(dir.resolve("Field.ipa"));
        IpaInfo info = reader.read(ipa);
        assertEquals("com.example.field", info.app().bundleIdentifier());
        assertEquals("2.3.1", info.app().version());
        assertEquals("231", info.app().build());
        assertEquals(Files.size(ipa), info.size());
        assertEquals(List.of(DeviceFamily.IPHONE, DeviceFamily.IPAD), info.app().deviceFamilies());
        assertEquals(Instant.parse("2026-01-15T10:30:00Z"), info.infoPlistTime());
    }

    @Test
    void readsXmlPlistsAndPrefersTheDisplayName() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").version("1.0", "7").xmlPlist()
                .put("CFBundleDisplayName", "Field Service").writeTo(dir.resolve("a.ipa"));
        AppInfo app = reader.read(ipa).app();
        assertEquals("Field Service", app.name());
        assertEquals("16.0", app.minimumOSVersion());
    }

    @Test
    void fallsBackToTheBundleVersionWithAWarning() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").put("CFBundleVersion", "42").writeTo(dir.resolve("a.ipa"));
        IpaInfo info = reader.read(ipa);
        assertEquals("42", info.app().version());
        assertTrue(info.warnings().get(0).contains("CFBundleShortVersionString"), info.warnings().toString());
    }

    @Test
    void refusesAnIpaWithNoVersionAtAll() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").writeTo(dir.resolve("a.ipa"));
        IpaException e = assertThrows(IpaException.class, () -> reader.read(ipa));
        assertTrue(e.getMessage().contains("CFBundleVersion"), e.getMessage());
    }

    @Test
    void refusesPayloadInsideAFolderWithAdviceToRezip() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").version("1.0", "1").wrappedIn("build/")
                .writeTo(dir.resolve("a.ipa"));
        IpaException e = assertThrows(IpaException.class, () -> reader.read(ipa));
        assertTrue(e.getMessage().contains("re-zip"), e.getMessage());
    }

    @Test
    void refusesRandomBytes() throws Exception {
        Path ipa = Files.write(dir.resolve("noise.ipa"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        IpaException e = assertThrows(IpaException.class, () -> reader.read(ipa));
        assertTrue(e.getMessage().contains("zip"), e.getMessage());
    }

    @Test
    void hashesTheWholeFile() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").version("1.0", "1").writeTo(dir.resolve("a.ipa"));
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ipa)));
        assertEquals(expected, reader.read(ipa).sha256());
    }

    @Test
    void refusesABundleIdentifierThatCouldBecomeAPath() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example/../../etc").version("1.0", "1").writeTo(dir.resolve("a.ipa"));
        IpaException e = assertThrows(IpaException.class, () -> reader.read(ipa));
        assertTrue(e.getMessage().contains("not a valid bundle identifier"), e.getMessage());
    }

    @Test
    void neverResolvesExternalEntitiesInAnXmlInfoPlist() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE plist [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<plist version=\"1.0\"><dict><key>CFBundleIdentifier</key><string>com.example.x</string>"
                + "<key>CFBundleShortVersionString</key><string>1.0</string>"
                + "<key>CFBundleDisplayName</key><string>Name&x;</string></dict></plist>";
        Path ipa = TestIpa.app("Field", "com.example.field")
                .entry("Payload/Field.app/Info.plist", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .writeTo(dir.resolve("xxe.ipa"));
        AppInfo app = reader.read(ipa).app();
        assertEquals("com.example.x", app.bundleIdentifier());
        assertFalse(app.name().contains("TOP-SECRET"), app.name());
    }
}
