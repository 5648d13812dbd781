package dev.otapress.doctor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificates the check trusts: the system's, plus the CA certificates of an optional PEM
 * file (an internal CA that the devices trust through a profile). Both are consulted, so adding a
 * file never makes a publicly trusted portal fail.
 */
public final class PortalTrust {

    private final List<X509ExtendedTrustManager> managers;

    private PortalTrust(List<X509ExtendedTrustManager> managers) {
        this.managers = List.copyOf(managers);
    }

    public static PortalTrust system() {
        return new PortalTrust(List.of(managerFor(null)));
    }

    /** The system's trust plus every certificate in the PEM file. */
    public static PortalTrust systemPlus(Path pemFile) throws IOException {
        List<X509ExtendedTrustManager> managers = new ArrayList<>();
        managers.add(managerFor(null));
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) throw new IOException(pemFile + ": no certificates found (expected PEM 'BEGIN CERTIFICATE' blocks)");
            managers.add(managerFor(store));
        } catch (GeneralSecurityException e) {
            throw new IOException(pemFile + ": not a readable PEM certificate file: " + e.getMessage(), e);
        }
        return new PortalTrust(managers);
    }

    /** An SSL context that trusts these certificates. */
    SSLContext sslContext() {
        return sslContext(new Combined(managers, Optional.empty()));
    }

    /** An SSL context that also records the chain the server presented, trusted or not. */
    SSLContext sslContext(List<X509Certificate[]> presented) {
        return sslContext(new Combined(managers, Optional.of(presented)));
    }

    private static SSLContext sslContext(TrustManager manager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    private static X509ExtendedTrustManager managerFor(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509ExtendedTrustManager x) return x;
            }
            throw new IllegalStateException("no X.509 trust manager in this Java runtime");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the trust store: " + e.getMessage(), e);
        }
    }

    /** Accepts a chain when any of the managers does; the first refusal explains a failure. */
    private static final class Combined extends X509ExtendedTrustManager {
        private final List<X509ExtendedTrustManager> managers;
        private final Optional<List<X509Certificate[]>> presented;

        Combined(List<X509ExtendedTrustManager> managers, Optional<List<X509Certificate[]>> presented) {
            this.managers = managers;
            this.presented = presented;
        }

        private interface Check {
            void run(X509ExtendedTrustManager m) throws CertificateException;
        }

        private void any(X509Certificate[] chain, Check check) throws CertificateException {
            presented.ifPresent(list -> list.add(chain.clone()));
            CertificateException first = null;
            for (X509ExtendedTrustManager m : managers) {
                try {
                    check.run(m);
                    return;
                } catch (CertificateException e) {
                    if (first == null) first = e;
                }
            }
            throw first;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            any(chain, m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            any(chain, m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            any(chain, m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
