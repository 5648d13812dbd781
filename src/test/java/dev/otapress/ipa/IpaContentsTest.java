package dev.otapress.ipa;

import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Icons, the embedded profile and nested bundles, read from generated IPAs. */
class IpaContentsTest {
    @TempDir
    Path dir;

    private final IpaReader reader = new IpaReader();

    private static TestIpa app() {
        return TestIpa.app("Field", "com.example.field").version("1.0", "1")
                .embeddedProfile(TestProfiles.enterprise("Field In-House").appId("com.example.field").cms());
    }

    @Test
    void picksTheLargestDeclaredIconByItsPixelsAndConvertsCgbi() throws Exception {
        int red = 0xFFCC2233;
        Path ipa = app().iconFiles("AppIcon60x60", "AppIcon76x76")
                .icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, red))
                .icon("AppIcon60x60@3x.png", TestPng.solidCgbi(180, red))
                // The name claims @2x of 76, the pixels say 40: the header decides.
                .icon("AppIcon76x76@2x~ipad.png", TestPng.solidCgbi(40, red))
                // Not at the top of the .app, so never the app icon even though it is bigger.
                .appEntry("Assets/AppIcon60x60@9x.png", TestPng.solidCgbi(512, red))
                .writeTo(dir.resolve("a.ipa"));
        IpaInfo info = reader.read(ipa);
        Icon icon = info.icon();
        assertNotNull(icon, info.warnings().toString());
        assertEquals("Payload/Field.app/AppIcon60x60@3x.png", icon.source());
        assertEquals(180, icon.width());
        assertTrue(icon.cgbi());
        var image = ImageIO.read(new ByteArrayInputStream(icon.png()));
        assertEquals(180, image.getWidth());
        assertEquals(red, image.getRGB(90, 90));
    }

    @Test
    void acceptsLegacyIconFilesAsASingleString() throws Exception {
        byte[] png = TestPng.solid(57, 0xFF00FF00);
        Path ipa = app().put("CFBundleIconFiles", "Icon.png").icon("Icon.png", png).writeTo(dir.resolve("a.ipa"));
        Icon icon = reader.read(ipa).icon();
        assertNotNull(icon);
        assertEquals("Payload/Field.app/Icon.png", icon.source());
        assertFalse(icon.cgbi());
        assertArrayEquals(png, icon.png(), "a standard PNG is handed out as it is");
    }

    @Test
    void acceptsTheLegacyIconFileKey() throws Exception {
        Path ipa = app().put("CFBundleIconFile", "Icon").icon("Icon@2x.png", TestPng.solid(114, 0xFF0000FF))
                .writeTo(dir.resolve("a.ipa"));
        assertEquals(114, reader.read(ipa).icon().width());
    }

    @Test
    void warnsAboutADeclaredIconWithoutAFileAndUsesTheNext() throws Exception {
        Path ipa = app().iconFiles("AppIcon60x60", "AppIcon76x76")
                .icon("AppIcon76x76~ipad.png", TestPng.solid(76, 0xFF123456))
                .writeTo(dir.resolve("a.ipa"));
        IpaInfo info = reader.read(ipa);
        assertEquals(76, info.icon().width());
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("'AppIcon60x60'")), info.warnings().toString());
    }

    @Test
    void aFloodOfDeclaredIconNamesIsCappedAndSummarisedInOneWarning() throws Exception {
        String[] names = new String[100_000];
        for (int i = 0; i < names.length; i++) names[i] = "Missing" + i;
        TestIpa ipa = app().iconFiles(names).icon("Missing7@2x.png", TestPng.solid(120, 0xFF123456));
        for (int i = 0; i < 2_000; i++) ipa.appEntry("Other" + i + ".png", new byte[] {1});
        IpaInfo info = reader.read(ipa.writeTo(dir.resolve("a.ipa")));
        assertEquals(120, info.icon().width());
        List<String> iconWarnings = info.warnings().stream().filter(w -> w.contains("icon")).toList();
        assertEquals(2, iconWarnings.size(), iconWarnings.toString());
        assertTrue(iconWarnings.get(0).contains("declares 100000 icon files; only the first 256"), iconWarnings.toString());
        assertTrue(iconWarnings.get(1).contains("declares 255 icons that Payload/Field.app/ has no file for: 'Missing0', "
                + "'Missing1', 'Missing2' and 252 more"), iconWarnings.toString());
    }

    @Test
    void skipsABrokenIconForTheNextBest() throws Exception {
        byte[] broken = TestPng.solidCgbi(180, 0xFF000000);
        broken = java.util.Arrays.copyOf(broken, 60);
        Path ipa = app().iconFiles("AppIcon60x60")
                .icon("AppIcon60x60@3x.png", broken)
                .icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF000000))
                .writeTo(dir.resolve("a.ipa"));
        IpaInfo info = reader.read(ipa);
        assertEquals(120, info.icon().width());
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("AppIcon60x60@3x.png")), info.warnings().toString());
    }

    @Test
    void hasNoIconWhenOnlyAnAssetCatalogHoldsIt() throws Exception {
        Path ipa = app().iconFiles("AppIcon60x60").appEntry("Assets.car", new byte[] {1, 2, 3})
                .writeTo(dir.resolve("a.ipa"));
        IpaInfo info = reader.read(ipa);
        assertNull(info.icon());
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("Assets.car")), info.warnings().toString());
    }

    @Test
    void readsTheEmbeddedProfile() throws Exception {
        IpaInfo info = reader.read(app().writeTo(dir.resolve("a.ipa")));
        assertEquals(ProvisioningProfile.Type.ENTERPRISE, info.profile().type());
        assertEquals("Field In-House", info.profile().name());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void warnsWhenTheProfileDoesNotCoverTheApp() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").version("1.0", "1")
                .embeddedProfile(TestProfiles.adHoc("Other", 2).appId("com.example.other").cms())
                .writeTo(dir.resolve("a.ipa"));
        IpaInfo info = reader.read(ipa);
        assertEquals(ProvisioningProfile.Type.AD_HOC, info.profile().type());
        assertTrue(InstallChecks.ALL.check(info, java.time.Instant.parse("2026-01-01T00:00:00Z")).stream()
                .anyMatch(f -> f.error() && f.message().contains("does not cover com.example.field")));
    }

    @Test
    void warnsAboutAnAppStoreBuildAndAMissingOrBrokenProfile() throws Exception {
        Path store = TestIpa.app("Field", "com.example.field").version("1.0", "1")
                .embeddedProfile(TestProfiles.appStore("Store").cms()).writeTo(dir.resolve("store.ipa"));
        assertTrue(InstallChecks.ALL.check(reader.read(store), java.time.Instant.parse("2026-01-01T00:00:00Z")).stream()
                .anyMatch(f -> f.error() && f.message().contains("App Store")));

        Path none = TestIpa.app("Field", "com.example.field").version("1.0", "1").writeTo(dir.resolve("none.ipa"));
        IpaInfo noProfile = reader.read(none);
        assertNull(noProfile.profile());
        assertTrue(InstallChecks.ALL.check(noProfile, java.time.Instant.parse("2026-01-01T00:00:00Z")).stream()
                .anyMatch(f -> f.error() && f.message().contains("no readable embedded.mobileprovision")));

        Path empty = TestIpa.app("Field", "com.example.field").version("1.0", "1")
                .embeddedProfile(new byte[0]).writeTo(dir.resolve("empty.ipa"));
        IpaInfo emptyProfile = reader.read(empty);
        assertNull(emptyProfile.profile());
        assertTrue(emptyProfile.warnings().stream().anyMatch(w -> w.contains("empty")), emptyProfile.warnings().toString());
    }

    @Test
    void listsNestedBundlesOfEveryKindAndSkipsUnreadableOnes() throws Exception {
        Path ipa = app()
                .nestedBundle("PlugIns/Share.appex", "com.example.field.share", "1.0")
                .nestedBundle("Frameworks/Kit.framework", "com.example.kit", "2.0")
                .nestedBundle("Watch/FieldWatch.app", "com.example.field.watchkitapp", "1.0")
                .nestedBundle("AppClips/FieldClip.app", "com.example.field.clip", "1.0")
                // Deeper bundles and look-alikes are not the app's own nested bundles.
                .nestedBundle("Watch/FieldWatch.app/PlugIns/Ext.appex", "com.example.field.watchkitapp.ext", "1.0")
                .nestedBundle("Resources/Other.bundle", "com.example.resources", "1.0")
                .appEntry("PlugIns/Broken.appex/Info.plist", new byte[] {1, 2, 3})
                .writeTo(dir.resolve("a.ipa"));
        IpaInfo info = reader.read(ipa);
        assertEquals(List.of(
                new NestedBundle("com.example.field.clip", NestedBundle.Kind.APP_CLIP, "FieldClip"),
                new NestedBundle("com.example.kit", NestedBundle.Kind.FRAMEWORK, "Kit"),
                new NestedBundle("com.example.field.share", NestedBundle.Kind.APP_EXTENSION, "Share"),
                new NestedBundle("com.example.field.watchkitapp", NestedBundle.Kind.WATCH_APP, "FieldWatch")),
                info.extensions());
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("PlugIns/Broken.appex/Info.plist")), info.warnings().toString());
    }

    @Test
    void usesTheNestedBundlesDisplayName() throws Exception {
        com.dd.plist.NSDictionary plist = new com.dd.plist.NSDictionary();
        plist.put("CFBundleIdentifier", "com.example.field.widget");
        plist.put("CFBundleDisplayName", "Field Widget");
        plist.put("CFBundleName", "Widget");
        Path ipa = app().appEntry("PlugIns/W.appex/Info.plist", plist.toXMLPropertyList().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .writeTo(dir.resolve("a.ipa"));
        assertEquals(Map.of("com.example.field.widget", "Field Widget"),
                Map.of(reader.read(ipa).extensions().get(0).bundleIdentifier(), reader.read(ipa).extensions().get(0).name()));
    }
}
