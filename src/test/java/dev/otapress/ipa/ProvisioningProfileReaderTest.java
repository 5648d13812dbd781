package dev.otapress.ipa;

import dev.otapress.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningProfileReaderTest {

    private final ProvisioningProfileReader reader = new ProvisioningProfileReader();
    private final TestProfiles adHoc = TestProfiles.adHoc("Field Ad Hoc", 3).appId("com.example.field");

    private void assertAdHocFacts(ProvisioningProfile p) {
        assertEquals(ProvisioningProfile.Type.AD_HOC, p.type());
        assertEquals("Field Ad Hoc", p.name());
        assertEquals("Example Corp", p.teamName());
        assertEquals("ABCDE12345", p.teamIdentifier());
        assertEquals("0f2c4e3a-1b2d-4c5e-8f90-a1b2c3d4e5f6", p.uuid());
        assertEquals(Instant.parse("2026-01-01T09:00:00Z"), p.created());
        assertEquals(Instant.parse("2036-01-01T09:00:00Z"), p.expires());
        assertEquals(3, p.devices());
        assertEquals(List.of("iOS"), p.platforms());
        assertEquals("ABCDE12345.com.example.field", p.applicationIdentifier());
        assertFalse(p.getTaskAllow());
        assertNull(p.apsEnvironment());
    }

    @Test
    void readsCmsInDer() throws Exception {
        ProvisioningProfile p = reader.read(adHoc.cms());
        assertAdHocFacts(p);
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void readsCmsInBerWithIndefiniteLengths() throws Exception {
        byte[] ber = adHoc.cmsIndefiniteLength();
        assertEquals(0x30, ber[0] & 0xff);
        assertEquals(0x80, ber[1] & 0xff, "the test data must really use an indefinite length");
        assertAdHocFacts(reader.read(ber));
    }

    @Test
    void readsBareXml() throws Exception {
        assertAdHocFacts(reader.read(adHoc.xml()));
    }

    @Test
    void readsXmlWithoutTheXmlDeclaration() throws Exception {
        String xml = new String(adHoc.xml(), StandardCharsets.UTF_8);
        String withoutHeader = xml.substring(xml.indexOf("<!DOCTYPE"));
        assertAdHocFacts(reader.read(withoutHeader.getBytes(StandardCharsets.UTF_8)));
        String plistOnly = xml.substring(xml.indexOf("<plist"));
        assertAdHocFacts(reader.read(plistOnly.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsABareBinaryPlist() throws Exception {
        assertAdHocFacts(reader.read(adHoc.binary()));
    }

    @Test
    void findsThePlistInsideADamagedContainer() throws Exception {
        byte[] cms = adHoc.cms();
        // Cut off the end of the DER: CMS parsing fails, the XML is still in there whole.
        byte[] junk = new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 1, 2, 3};
        byte[] xml = adHoc.xml();
        byte[] damaged = new byte[junk.length + xml.length + 5];
        System.arraycopy(junk, 0, damaged, 0, junk.length);
        System.arraycopy(xml, 0, damaged, junk.length, xml.length);
        assertTrue(cms.length > xml.length);
        assertAdHocFacts(reader.read(damaged));
    }

    @Test
    void refusesAnEmptyFileSayingSo() {
        IpaException e = assertThrows(IpaException.class, () -> reader.read(new byte[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertTrue(e.getMessage().contains("download it again"), e.getMessage());
    }

    @Test
    void refusesBytesThatHoldNoProfile() {
        byte[] noise = "this is not a provisioning profile at all".getBytes(StandardCharsets.US_ASCII);
        IpaException e = assertThrows(IpaException.class, () -> reader.read(noise));
        assertTrue(e.getMessage().contains("not a provisioning profile"), e.getMessage());
    }

    @Test
    void refusesAPlistWithoutTheProfileKeys() {
        byte[] plist = TestProfiles.appStore("x").put("UUID", null).put("ExpirationDate", null).xml();
        IpaException e = assertThrows(IpaException.class, () -> reader.read(plist));
        assertTrue(e.getMessage().contains("UUID") && e.getMessage().contains("ExpirationDate"), e.getMessage());
    }

    @Test
    void ignoresInvalidBase64InDataWithAWarning() throws Exception {
        String xml = new String(adHoc.xml(), StandardCharsets.UTF_8);
        String broken = xml.replace("<key>Entitlements</key>",
                "<key>DeveloperCertificates</key><array><data>MIIFxDCCBKygAwIBAgIIVVkvzuA1I</data></array>"
                        + "<key>Entitlements</key>");
        ProvisioningProfile p = reader.read(TestProfiles.cms(broken.getBytes(StandardCharsets.UTF_8)));
        assertAdHocFacts(p);
        assertEquals(1, p.warnings().size(), p.warnings().toString());
        assertTrue(p.warnings().get(0).contains("invalid base64"), p.warnings().get(0));
        assertEquals(List.of(), p.certificateExpiries());
    }

    @Test
    void acceptsAnAbsentOrEmptyTeamName() throws Exception {
        assertNull(reader.read(TestProfiles.enterprise("x").put("TeamName", null).cms()).teamName());
        assertNull(reader.read(TestProfiles.enterprise("x").put("TeamName", "").cms()).teamName());
    }

    @Test
    void classifiesTheFourTypes() throws Exception {
        assertEquals(ProvisioningProfile.Type.ENTERPRISE, reader.read(TestProfiles.enterprise("e").cms()).type());
        assertEquals(ProvisioningProfile.Type.DEVELOPMENT, reader.read(TestProfiles.development("d", 2).cms()).type());
        assertEquals(ProvisioningProfile.Type.AD_HOC, reader.read(TestProfiles.adHoc("a", 2).cms()).type());
        assertEquals(ProvisioningProfile.Type.APP_STORE, reader.read(TestProfiles.appStore("s").cms()).type());
        // ProvisionsAllDevices wins even with get-task-allow, as in Apple's in-house development builds.
        assertEquals(ProvisioningProfile.Type.ENTERPRISE,
                reader.read(TestProfiles.enterprise("e").entitlement("get-task-allow", true).cms()).type());
        assertEquals("ad-hoc", ProvisioningProfile.Type.AD_HOC.id());
        assertEquals("app-store", ProvisioningProfile.Type.APP_STORE.id());
        assertFalse(ProvisioningProfile.Type.APP_STORE.installableOverTheAir());
    }

    @Test
    void readsTheEntitlementsThatMatterForInstalls() throws Exception {
        ProvisioningProfile p = reader.read(TestProfiles.development("d", 1)
                .entitlement("aps-environment", "development").cms());
        assertTrue(p.getTaskAllow());
        assertEquals("development", p.apsEnvironment());
    }

    @Test
    void matchesBundleIdsAgainstTheApplicationIdentifier() throws Exception {
        ProvisioningProfile exact = reader.read(TestProfiles.enterprise("x").appId("com.example.field").cms());
        assertTrue(exact.coversBundleId("com.example.field"));
        assertFalse(exact.coversBundleId("com.example.field.share"));
        assertFalse(exact.coversBundleId("ABCDE12345.com.example.field"));

        ProvisioningProfile all = reader.read(TestProfiles.enterprise("x").appId("*").cms());
        assertTrue(all.coversBundleId("org.anything"));
        assertFalse(all.coversBundleId(""));

        ProvisioningProfile prefix = reader.read(TestProfiles.enterprise("x").appId("com.example.*").cms());
        assertTrue(prefix.coversBundleId("com.example.field"));
        assertFalse(prefix.coversBundleId("com.other.field"));
        assertFalse(prefix.coversBundleId("com.examplefield"));
    }

    @Test
    void cmsWithoutSignersIsDeterministic() {
        assertArrayEquals(adHoc.cms(), TestProfiles.adHoc("Field Ad Hoc", 3).appId("com.example.field").cms());
        assertFalse(Arrays.equals(adHoc.cms(), TestProfiles.adHoc("Other", 3).cms()));
    }

    @Test
    void aProfileOfOnlyWhiteSpaceOrAByteOrderMarkIsRefused() {
        for (byte[] bytes : new byte[][] {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {' ', '\n', '\t'}}) {
            IpaException e = org.junit.jupiter.api.Assertions.assertThrows(IpaException.class,
                    () -> new ProvisioningProfileReader().read(bytes));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("white space") || e.getMessage().contains("not a provisioning profile"),
                    e.getMessage());
        }
    }
}
