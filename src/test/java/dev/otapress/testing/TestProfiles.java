package dev.otapress.testing;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Writes provisioning profiles for tests and for the sample portal's IPAs: the plist Apple puts in
 * a profile, as XML, binary, or wrapped in CMS SignedData like a real .mobileprovision. The CMS
 * has no signers (a device would reject it; otapress does not verify it), which keeps it
 * byte-for-byte deterministic.
 */
public final class TestProfiles {
    private final NSDictionary plist = new NSDictionary();
    private final NSDictionary entitlements = new NSDictionary();
    private String teamId;

    private TestProfiles(String name) {
        plist.put("AppIDName", "Test App");
        plist.put("ApplicationIdentifierPrefix", new NSArray(new NSString("ABCDE12345")));
        plist.put("CreationDate", new NSDate(Date.from(Instant.parse("2026-01-01T09:00:00Z"))));
        plist.put("Platform", new NSArray(new NSString("iOS")));
        plist.put("IsXcodeManaged", false);
        plist.put("Entitlements", entitlements);
        plist.put("ExpirationDate", new NSDate(Date.from(Instant.parse("2036-01-01T09:00:00Z"))));
        plist.put("Name", name);
        plist.put("TeamName", "Example Corp");
        plist.put("TimeToLive", 365);
        plist.put("UUID", "0f2c4e3a-1b2d-4c5e-8f90-a1b2c3d4e5f6");
        plist.put("Version", 1);
        team("ABCDE12345");
        entitlements.put("application-identifier", "ABCDE12345.*");
        entitlements.put("get-task-allow", false);
    }

    /** An enterprise (in-house) profile for {@code ABCDE12345.*} unless changed. */
    public static TestProfiles enterprise(String name) {
        return new TestProfiles(name).put("ProvisionsAllDevices", true);
    }

    /** An ad hoc profile listing {@code devices} made-up device ids. */
    public static TestProfiles adHoc(String name, int devices) {
        return new TestProfiles(name).devices(devices);
    }

    /** A development profile: devices and get-task-allow. */
    public static TestProfiles development(String name, int devices) {
        return new TestProfiles(name).devices(devices).entitlement("get-task-allow", true);
    }

    /** An App Store profile: no devices at all. */
    public static TestProfiles appStore(String name) {
        return new TestProfiles(name);
    }

    public TestProfiles team(String teamIdentifier) {
        teamId = teamIdentifier;
        plist.put("TeamIdentifier", new NSArray(new NSString(teamIdentifier)));
        return this;
    }

    /** The application-identifier entitlement after the team prefix, e.g. {@code com.example.*}. */
    public TestProfiles appId(String bundleIdPattern) {
        return entitlement("application-identifier", teamId + "." + bundleIdPattern);
    }

    public TestProfiles dates(Instant created, Instant expires) {
        plist.put("CreationDate", new NSDate(Date.from(created)));
        plist.put("ExpirationDate", new NSDate(Date.from(expires)));
        return this;
    }

    /** Sets (or, with null, removes) a top-level key such as TeamName or UUID. */
    public TestProfiles put(String key, Object value) {
        if (value == null) plist.remove(key);
        else plist.put(key, NSObject.fromJavaObject(value));
        return this;
    }

    public TestProfiles entitlement(String key, Object value) {
        if (value == null) entitlements.remove(key);
        else entitlements.put(key, NSObject.fromJavaObject(value));
        return this;
    }

    private TestProfiles devices(int count) {
        NSArray devices = new NSArray(count);
        for (int i = 0; i < count; i++) devices.setValue(i, String.format("00008110-%016X", 0x1000L + i));
        plist.put("ProvisionedDevices", devices);
        return this;
    }

    /** The XML plist, with the {@code <?xml} line and DOCTYPE, as inside a real profile. */
    public byte[] xml() {
        return plist.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] binary() {
        try {
            return BinaryPropertyListWriter.writeToArray(plist);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A .mobileprovision as Apple ships it: CMS SignedData in DER, the XML plist encapsulated. */
    public byte[] cms() {
        return cms(xml());
    }

    /** The same wrapped in BER with indefinite lengths, as some tools write it. */
    public byte[] cmsIndefiniteLength() {
        return cmsIndefiniteLength(xml());
    }

    /** Any content wrapped in signer-less CMS SignedData (DER). */
    public static byte[] cms(byte[] content) {
        try {
            return new CMSSignedDataGenerator().generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
        } catch (CMSException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any content wrapped in signer-less CMS SignedData, streamed: BER, indefinite lengths. */
    public static byte[] cmsIndefiniteLength(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new CMSSignedDataStreamGenerator().open(bytes, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
