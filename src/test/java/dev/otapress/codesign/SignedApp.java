package dev.otapress.codesign;

import dev.otapress.testing.TestIpa;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Signs small Mach-O executables the way codesign lays them out (a 64-bit header, LC_CODE_SIGNATURE,
 * a SuperBlob with one SHA-256 CodeDirectory of version 0x20400 and a CMS signature by a made-up
 * team certificate), so tests and fuzz seeds need no real IPA.
 */
final class SignedApp {

    /** A team's signing identity: its certificate (DER) and key. */
    record Identity(String team, byte[] certificate, KeyPair keys) {
        static Identity create(String team, String organization) throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = g.generateKeyPair();
            X500Name subject = new X500Name("CN=iPhone Distribution: " + organization + " (" + team + "), OU=" + team
                    + ", O=" + organization + ", C=US");
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            X509CertificateHolder cert = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                    Date.from(Instant.parse("2025-01-01T00:00:00Z")), Date.from(Instant.parse("2035-01-01T00:00:00Z")),
                    subject, keys.getPublic()).build(signer);
            return new Identity(team, cert.getEncoded(), keys);
        }
    }

    private static final int PAGE = 4096;
    private static final int RESERVED_CMS = 4096;

    private SignedApp() {
    }

    /**
     * A signed executable.
     *
     * @param code     the bytes after the load commands (the "code")
     * @param identity the signer, or null for an ad hoc signature
     */
    static byte[] executable(byte[] code, byte[] infoPlist, byte[] codeResources, String identifier, Identity identity)
            throws Exception {
        int headerSize = 32 + 16;
        int codeLimit = align(headerSize + code.length, 16);
        ByteBuffer head = ByteBuffer.allocate(codeLimit).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0xfeedfacf).putInt(0x0100000c).putInt(0).putInt(2).putInt(1).putInt(16).putInt(0).putInt(0);
        // As codesign does, the space for the signature is reserved before the pages are hashed,
        // since the load command that gives its size lies in the first page.
        int nCode = (codeLimit + PAGE - 1) / PAGE;
        int reserved = 12 + 16 + 8 + 512 + nCode * 32 + 3 * 32 + 8 + RESERVED_CMS;
        head.putInt(0x1d).putInt(16).putInt(codeLimit).putInt(reserved);
        head.put(code);
        byte[] image = head.array();

        byte[] cd = codeDirectory(image, codeLimit, infoPlist, codeResources, identifier, identity == null ? null : identity.team());
        byte[] cms = identity == null ? new byte[0] : cms(cd, identity);
        byte[] cmsBlob = blob(0xfade0b01, cms);
        int count = 2;
        int index = 12 + 8 * count;
        ByteBuffer sb = ByteBuffer.allocate(index + cd.length + cmsBlob.length);
        sb.putInt(0xfade0cc0).putInt(sb.capacity()).putInt(count);
        sb.putInt(0).putInt(index).putInt(0x10000).putInt(index + cd.length);
        sb.put(cd).put(cmsBlob);
        byte[] signature = sb.array();
        if (signature.length > reserved) throw new IllegalStateException("signature larger than reserved");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(image);
        out.write(signature);
        out.write(new byte[reserved - signature.length]);
        return out.toByteArray();
    }

    private static byte[] codeDirectory(byte[] image, int codeLimit, byte[] infoPlist, byte[] resources, String identifier,
                                        String team) throws Exception {
        byte[] ident = (identifier + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] teamBytes = team == null ? new byte[0] : (team + "\0").getBytes(StandardCharsets.UTF_8);
        int nSpecial = 3;
        int nCode = (codeLimit + PAGE - 1) / PAGE;
        int header = 88;
        int hashOffset = header + ident.length + teamBytes.length + nSpecial * 32;
        ByteBuffer cd = ByteBuffer.allocate(hashOffset + nCode * 32);
        cd.putInt(0xfade0c02).putInt(cd.capacity()).putInt(0x20400).putInt(team == null ? 2 : 0).putInt(hashOffset)
                .putInt(header).putInt(nSpecial).putInt(nCode).putInt(codeLimit)
                .put((byte) 32).put((byte) 2).put((byte) 0).put((byte) 12).putInt(0)
                .putInt(0).putInt(team == null ? 0 : header + ident.length).putInt(0).putLong(0)
                .putLong(0).putLong(codeLimit).putLong(0);
        cd.position(header);
        cd.put(ident).put(teamBytes);
        cd.put(sha256(resources)).put(new byte[32]).put(sha256(infoPlist)); // slots -3, -2, -1
        for (int i = 0; i < nCode; i++) {
            int from = i * PAGE;
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(image, from, Math.min(PAGE, codeLimit - from));
            cd.put(d.digest());
        }
        return cd.array();
    }

    private static byte[] cms(byte[] cd, Identity identity) throws Exception {
        X509CertificateHolder cert = new X509CertificateHolder(identity.certificate());
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(identity.keys().getPrivate());
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, cert));
        gen.addCertificates(new CollectionStore<>(List.of(cert)));
        return gen.generate(new CMSProcessableByteArray(cd), false).getEncoded();
    }

    /** CodeResources listing the given files (SHA-1 and SHA-256) with codesign's default rules2. */
    static byte[] codeResources(java.util.Map<String, byte[]> files) throws Exception {
        com.dd.plist.NSDictionary files2 = new com.dd.plist.NSDictionary();
        for (var e : files.entrySet()) {
            com.dd.plist.NSDictionary h = new com.dd.plist.NSDictionary();
            h.put("hash", new com.dd.plist.NSData(MessageDigest.getInstance("SHA-1").digest(e.getValue())));
            h.put("hash2", new com.dd.plist.NSData(sha256(e.getValue())));
            files2.put(e.getKey(), h);
        }
        com.dd.plist.NSDictionary omit = new com.dd.plist.NSDictionary();
        omit.put("omit", true);
        omit.put("weight", 20);
        com.dd.plist.NSDictionary rules2 = new com.dd.plist.NSDictionary();
        rules2.put("^Info\\.plist$", omit);
        rules2.put("^PkgInfo$", omit);
        rules2.put("^(.*/)?\\.DS_Store$", omit);
        rules2.put(".*", true);
        com.dd.plist.NSDictionary root = new com.dd.plist.NSDictionary();
        root.put("files", new com.dd.plist.NSDictionary());
        root.put("files2", files2);
        root.put("rules2", rules2);
        return root.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs a {@link TestIpa} in full: a Mach-O executable, CodeResources over the given resources
     * and the profile, and the signature over Info.plist and CodeResources.
     */
    static TestIpa sign(TestIpa ipa, String executable, byte[] code, byte[] profile, java.util.Map<String, byte[]> resources,
                        Identity identity) throws Exception {
        java.util.Map<String, byte[]> sealed = new java.util.TreeMap<>(resources);
        sealed.put("embedded.mobileprovision", profile);
        byte[] cr = codeResources(sealed);
        for (var e : resources.entrySet()) ipa.appEntry(e.getKey(), e.getValue());
        ipa.embeddedProfile(profile);
        ipa.appEntry("_CodeSignature/CodeResources", cr);
        ipa.appEntry(executable, executable(code, ipa.infoPlistBytes(), cr, "com.example.signed", identity));
        return ipa;
    }

    private static byte[] blob(int magic, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(magic).putInt(8 + payload.length).put(payload).array();
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static int align(int n, int to) {
        return (n + to - 1) / to * to;
    }
}
