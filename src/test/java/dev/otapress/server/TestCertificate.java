package dev.otapress.server;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, written as PEM files the servers read,
 * with an SSL context that trusts exactly it for the Java HTTP client.
 */
public record TestCertificate(Path certFile, Path keyFile, X509Certificate certificate) {

    /** A certificate for 127.0.0.1 and localhost, valid from an hour ago for the given duration. */
    public static TestCertificate create(Path dir, Duration validity) throws Exception {
        return create(dir, validity, List.of("127.0.0.1", "localhost"));
    }

    /** A certificate for the given host names and IPv4 addresses. */
    public static TestCertificate create(Path dir, Duration validity, List<String> hosts) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=otapress test server");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(validity)), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hosts.stream()
                .map(h -> new GeneralName(h.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, h))
                .toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);

        Files.createDirectories(dir);
        Path certFile = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        try (Writer w = Files.newBufferedWriter(certFile, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(certificate);
        }
        try (Writer w = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
        return new TestCertificate(certFile, keyFile, certificate);
    }

    public static TestCertificate create(Path dir) throws Exception {
        return create(dir, Duration.ofDays(365));
    }

    /** Trusts this certificate and nothing else. */
    public SSLContext sslContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("test", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** A server-side context presenting this certificate (for servers written in Java by tests). */
    public SSLContext serverSslContext() throws Exception {
        java.security.PrivateKey key;
        try (java.io.Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
             org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(r)) {
            key = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter()
                    .getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) parser.readObject());
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, new char[0], new java.security.cert.Certificate[] {certificate});
        javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    String pem() throws IOException {
        return Files.readString(certFile, StandardCharsets.US_ASCII);
    }
}
