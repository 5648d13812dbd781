package dev.otapress.testing;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes small but structurally real .ipa files: the fixture generator of the tests and of the
 * sample portal in content/. Output is byte-for-byte deterministic (fixed entry times, fixed
 * order), so the committed sample IPAs can be checked against it.
 */
public final class TestIpa {
    private final String appName;
    private final NSDictionary info = new NSDictionary();
    private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();
    private boolean binaryPlist = true;
    private String rootPrefix = "";
    private Instant time = Instant.parse("2026-01-15T10:30:00Z");

    private TestIpa(String appName, String bundleId) {
        this.appName = appName;
        info.put("CFBundleIdentifier", bundleId);
        info.put("CFBundleName", appName);
        info.put("CFBundleExecutable", appName);
        info.put("CFBundlePackageType", "APPL");
        info.put("MinimumOSVersion", "16.0");
        info.put("UIDeviceFamily", new NSArray(NSObject.fromJavaObject(1), NSObject.fromJavaObject(2)));
        info.put("DTPlatformName", "iphoneos");
        info.put("DTSDKName", "iphoneos18.2");
        info.put("DTXcode", "1620");
    }

    public static TestIpa app(String appName, String bundleId) {
        return new TestIpa(appName, bundleId);
    }

    public TestIpa version(String shortVersion, String build) {
        put("CFBundleShortVersionString", shortVersion);
        put("CFBundleVersion", build);
        return this;
    }

    /** Sets (or, with null, removes) a top-level Info.plist key. */
    public TestIpa put(String key, Object value) {
        if (value == null) info.remove(key);
        else info.put(key, NSObject.fromJavaObject(value));
        return this;
    }

    public TestIpa xmlPlist() {
        binaryPlist = false;
        return this;
    }

    /** Puts Payload/ inside a folder, as a zip made from the folder above it would. */
    public TestIpa wrappedIn(String folder) {
        rootPrefix = folder.endsWith("/") ? folder : folder + "/";
        return this;
    }

    public TestIpa time(Instant time) {
        this.time = time;
        return this;
    }

    /** An entry relative to the .app folder, e.g. {@code Frameworks/X.framework/Info.plist}. */
    public TestIpa appEntry(String relativePath, byte[] content) {
        extraEntries.put(rootPrefix + "Payload/" + appName + ".app/" + relativePath, content);
        return this;
    }

    /** An entry anywhere in the zip, by its full name. */
    public TestIpa entry(String name, byte[] content) {
        extraEntries.put(name, content);
        return this;
    }

    /** A decoy bundle's Info.plist (framework, extension, watch app) with its own identifier. */
    public TestIpa nestedBundle(String relativeFolder, String bundleId, String version) {
        NSDictionary nested = new NSDictionary();
        nested.put("CFBundleIdentifier", bundleId);
        nested.put("CFBundleShortVersionString", version);
        nested.put("CFBundleVersion", version);
        return appEntry(relativeFolder + "/Info.plist", binary(nested));
    }

    /**
     * Signs the app the way a typical in-house build is: an enterprise profile (CMS-wrapped)
     * for the team's wildcard app id, valid until 2036.
     */
    public TestIpa enterpriseSigned() {
        return embeddedProfile(TestProfiles.enterprise("Acme In-House Distribution")
                .dates(Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2036-01-05T09:00:00Z")).cms());
    }

    /** The app's embedded.mobileprovision, e.g. from {@link TestProfiles#cms()}. */
    public TestIpa embeddedProfile(byte[] profile) {
        return appEntry("embedded.mobileprovision", profile);
    }

    /**
     * Declares icon base names the way Xcode does (CFBundleIcons › CFBundlePrimaryIcon ›
     * CFBundleIconFiles); add the files themselves with {@link #icon}.
     */
    public TestIpa iconFiles(String... baseNames) {
        NSDictionary primary = new NSDictionary();
        primary.put("CFBundleIconFiles", NSObject.fromJavaObject(baseNames));
        NSDictionary icons = new NSDictionary();
        icons.put("CFBundlePrimaryIcon", primary);
        info.put("CFBundleIcons", icons);
        return this;
    }

    /** An icon file at the top of the .app folder, e.g. {@code AppIcon60x60@2x.png}. */
    public TestIpa icon(String fileName, byte[] png) {
        return appEntry(fileName, png);
    }

    public byte[] infoPlistBytes() {
        return binaryPlist ? binary(info) : info.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    public Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        }
        return file;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private void writeTo(OutputStream target) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String app = rootPrefix + "Payload/" + appName + ".app/";
        entries.put(app + "Info.plist", infoPlistBytes());
        entries.put(app + appName, ("\u00cf\u00fa\u00ed\u00fe fake Mach-O for " + appName).getBytes(StandardCharsets.ISO_8859_1));
        entries.put(app + "PkgInfo", "APPL????".getBytes(StandardCharsets.US_ASCII));
        entries.putAll(extraEntries);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target)) {
            zip.setEncoding("UTF-8");
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                // Through the DOS-time field only, read back as UTC, so tests are zone-independent.
                entry.setTime(java.time.LocalDateTime.ofInstant(time, java.time.ZoneOffset.UTC)
                        .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli());
                zip.putArchiveEntry(entry);
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
    }

    private static byte[] binary(NSDictionary dict) {
        try {
            return BinaryPropertyListWriter.writeToArray(dict);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
