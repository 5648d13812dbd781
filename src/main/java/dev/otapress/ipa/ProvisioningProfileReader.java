package dev.otapress.ipa;

import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a provisioning profile ({@code .mobileprovision}) in any of the forms found in the wild:
 * the CMS SignedData that Apple issues (DER, or BER with indefinite lengths), the bare XML plist
 * inside it (with or without the {@code <?xml} line), or a binary plist. The CMS signature is not
 * verified: the profile is read for its facts, and the device checks the signature at install.
 */
public final class ProvisioningProfileReader {

    /** Profiles are a few KB (a few dozen with a hundred devices); more is not a profile. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final byte[] BPLIST = "bplist".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern DATA_ELEMENT = Pattern.compile("<data>([^<]*)</data>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * Reads the profile from its bytes.
     *
     * @throws IpaException when the bytes hold no readable profile, with what to do about it
     */
    public ProvisioningProfile read(byte[] bytes) throws IpaException {
        if (bytes.length == 0) {
            throw new IpaException("the provisioning profile is an empty file; download it again from the"
                    + " Apple Developer portal (Certificates, Identifiers & Profiles › Profiles)");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IpaException("the provisioning profile is " + bytes.length + " bytes, more than the "
                    + MAX_BYTES + " a real one can be; check that the right file was given");
        }
        List<String> warnings = new ArrayList<>();
        NSDictionary plist = parsePlist(plistBytes(bytes), warnings);
        return profile(plist, warnings);
    }

    /** The plist inside the container, whatever the container is. */
    private static byte[] plistBytes(byte[] bytes) throws IpaException {
        int start = skipWhitespace(bytes);
        if (start >= bytes.length) {
            throw new IpaException("the provisioning profile holds only white space; download it again from the"
                    + " Apple Developer portal");
        }
        if (startsWith(bytes, start, BPLIST) || bytes[start] == '<') return bytes;
        byte[] content = cmsContent(bytes);
        if (content != null) return content;
        // A damaged or oddly encoded container still holds the plist as plain bytes: find it.
        byte[] found = scanForPlist(bytes);
        if (found != null) return found;
        throw new IpaException("not a provisioning profile: neither a signed profile (CMS) nor a property list;"
                + " download the profile again from the Apple Developer portal");
    }

    private static byte[] cmsContent(byte[] bytes) {
        try {
            CMSTypedData content = new CMSSignedData(bytes).getSignedContent();
            if (content != null && content.getContent() instanceof byte[] b && b.length > 0) return b;
        } catch (CMSException | RuntimeException e) {
            // Not well-formed CMS: the scan that follows is the fallback.
        }
        return null;
    }

    private static byte[] scanForPlist(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("<?xml");
        if (start < 0) start = text.indexOf("<plist");
        if (start >= 0) {
            int end = text.indexOf("</plist>", start);
            if (end > 0) return text.substring(start, end + "</plist>".length()).getBytes(StandardCharsets.ISO_8859_1);
        }
        int binary = text.indexOf("bplist00");
        if (binary >= 0) return text.substring(binary).getBytes(StandardCharsets.ISO_8859_1);
        return null;
    }

    private static NSDictionary parsePlist(byte[] bytes, List<String> warnings) throws IpaException {
        int start = skipWhitespace(bytes);
        NSObject root;
        if (startsWith(bytes, start, BPLIST)) {
            try {
                root = BinaryPropertyListParser.parse(bytes);
            } catch (Exception | StackOverflowError e) {
                throw new IpaException("the provisioning profile's binary property list is damaged (" + describe(e)
                        + "); download the profile again");
            }
        } else {
            root = parseXml(bytes, warnings);
        }
        if (!(root instanceof NSDictionary dict)) {
            throw new IpaException("the provisioning profile's property list is not a dictionary; download the profile again");
        }
        return dict;
    }

    private static NSObject parseXml(byte[] bytes, List<String> warnings) throws IpaException {
        // Hand-edited profiles carry broken base64 (e.g. a trimmed certificate). Parsers differ on
        // it (dd-plist decodes some of it into garbage, others fail), so such <data> is emptied
        // before parsing: the facts that matter are elsewhere in the profile.
        String xml = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = DATA_ELEMENT.matcher(xml);
        StringBuilder repaired = new StringBuilder();
        int blanked = 0;
        while (m.find()) {
            boolean valid = isBase64(m.group(1));
            if (!valid) blanked++;
            m.appendReplacement(repaired, valid ? Matcher.quoteReplacement(m.group()) : "<data></data>");
        }
        m.appendTail(repaired);
        byte[] toParse = blanked == 0 ? bytes : repaired.toString().getBytes(StandardCharsets.UTF_8);
        NSObject root;
        try {
            root = PlistParser.parse(toParse);
        } catch (Exception | StackOverflowError e) {
            throw new IpaException("the provisioning profile's XML is not a valid property list (" + describe(e)
                    + "); download the profile again");
        }
        if (blanked > 0) {
            warnings.add("the provisioning profile has invalid base64 in " + blanked + " <data> element"
                    + (blanked == 1 ? "" : "s") + " (a hand-edited file?); " + (blanked == 1 ? "it was" : "they were")
                    + " ignored, so its certificates may be missing");
        }
        return root;
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ProvisioningProfile profile(NSDictionary plist, List<String> warnings) throws IpaException {
        String name = Plists.text(plist.get("Name"));
        String uuid = Plists.text(plist.get("UUID"));
        Instant created = date(plist.get("CreationDate"));
        Instant expires = date(plist.get("ExpirationDate"));
        NSDictionary entitlements = plist.get("Entitlements") instanceof NSDictionary d ? d : new NSDictionary();
        String applicationIdentifier = Plists.firstText(entitlements, "application-identifier",
                "com.apple.application-identifier");
        String teamIdentifier = first(plist.get("TeamIdentifier"));
        if (teamIdentifier == null) teamIdentifier = first(plist.get("ApplicationIdentifierPrefix"));
        List<String> missing = new ArrayList<>();
        if (name == null) missing.add("Name");
        if (uuid == null) missing.add("UUID");
        if (created == null) missing.add("CreationDate");
        if (expires == null) missing.add("ExpirationDate");
        if (teamIdentifier == null) missing.add("TeamIdentifier");
        if (applicationIdentifier == null) missing.add("Entitlements › application-identifier");
        if (!missing.isEmpty()) {
            throw new IpaException("the provisioning profile lacks " + String.join(", ", missing)
                    + "; it is not one Apple issued: download the profile again");
        }
        boolean allDevices = bool(plist.get("ProvisionsAllDevices"));
        boolean getTaskAllow = bool(entitlements.get("get-task-allow"));
        int devices = plist.get("ProvisionedDevices") instanceof NSArray a ? a.count() : 0;
        return new ProvisioningProfile(
                ProvisioningProfile.Type.classify(allDevices, getTaskAllow, devices),
                name, Plists.text(plist.get("TeamName")), teamIdentifier, uuid, created, expires, devices,
                strings(plist.get("Platform")), Plists.text(entitlements.get("aps-environment")), getTaskAllow,
                applicationIdentifier, certificateExpiries(plist.get("DeveloperCertificates")),
                certificates(plist.get("DeveloperCertificates")), warnings, strings(plist.get("ProvisionedDevices")));
    }

    private static List<String> certificates(NSObject value) {
        List<String> hashes = new ArrayList<>();
        if (!(value instanceof NSArray array)) return hashes;
        for (NSObject item : array.getArray()) {
            if (item instanceof NSData data && data.length() > 0) hashes.add(sha256(data.bytes()));
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<Instant> certificateExpiries(NSObject value) {
        List<Instant> expiries = new ArrayList<>();
        if (!(value instanceof NSArray array)) return expiries;
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("every Java runtime has an X.509 certificate factory", e);
        }
        for (NSObject item : array.getArray()) {
            if (!(item instanceof NSData data) || data.length() == 0) continue;
            try {
                if (factory.generateCertificate(new ByteArrayInputStream(data.bytes())) instanceof X509Certificate cert) {
                    expiries.add(cert.getNotAfter().toInstant());
                }
            } catch (CertificateException | RuntimeException e) {
                // An unreadable certificate only means one expiry date fewer.
            }
        }
        return expiries;
    }

    private static String first(NSObject value) {
        if (value instanceof NSArray a && a.count() > 0) return Plists.text(a.objectAtIndex(0));
        return Plists.text(value);
    }

    private static List<String> strings(NSObject value) {
        List<String> result = new ArrayList<>();
        if (value instanceof NSArray a) {
            for (NSObject item : a.getArray()) {
                String s = Plists.text(item);
                if (s != null) result.add(s);
            }
        } else if (Plists.text(value) != null) {
            result.add(Plists.text(value));
        }
        return result;
    }

    private static Instant date(NSObject value) {
        return value instanceof NSDate d ? d.getDate().toInstant() : null;
    }

    private static boolean bool(NSObject value) {
        return value instanceof NSNumber n && n.boolValue();
    }

    private static int skipWhitespace(byte[] bytes) {
        int i = 0;
        // A UTF-8 byte order mark before the XML is harmless.
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) i = 3;
        while (i < bytes.length - 1 && Character.isWhitespace(bytes[i])) i++;
        return i;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length - offset < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[offset + i] != prefix[i]) return false;
        return true;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
