package dev.otapress;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Message digests for bulk data (whole .ipa files, code pages of large executables) at the speed
 * of the CPU's SHA instructions.
 *
 * <p>bin/otapress runs the JVM's quick compiler only (it starts builds fast and keeps a warm
 * build lean), and that compiler has no SHA intrinsic: the JDK's own SHA-256 then runs at about
 * a fifteenth of the speed the optimising compiler reaches (measured on the bench machine: about
 * 105 MB/s per core against 1,470 MB/s; openssl: 1,770 MB/s). Letting the optimising compiler
 * run fixes hashing but costs every warm build more processor time than it saves. So large
 * inputs go to the system's NSS library through the JDK's own PKCS#11 provider when the runtime
 * has it (Debian's and Ubuntu's Java packages depend on libnss3), which hashes in native code at
 * the full speed whatever the compiler; anywhere else the JDK's digest is used. The result is
 * the same digest either way; a known-answer check guards the native one before first use.
 */
public final class Digests {
    /** Below this, loading the native library (about 0.1 s, once) costs more than it saves. */
    public static final long NATIVE_FROM_BYTES = 8L << 20;
    /** Once loaded, the native digest pays off for far smaller inputs. */
    private static final long NATIVE_WHEN_LOADED_FROM_BYTES = 64L << 10;

    private static volatile boolean nativeLoaded;

    private Digests() {
    }

    /** A new SHA-256 digest suited to about {@code bytes} of input. */
    public static MessageDigest sha256(long bytes) {
        return of("SHA-256", bytes);
    }

    /** A new digest of the algorithm ("SHA-1", "SHA-256", "SHA-384"), suited to about {@code bytes} of input. */
    public static MessageDigest of(String algorithm, long bytes) {
        if (bytes >= (nativeLoaded ? NATIVE_WHEN_LOADED_FROM_BYTES : NATIVE_FROM_BYTES)) {
            Provider nss = Native.PROVIDER;
            if (nss != null) {
                try {
                    return MessageDigest.getInstance(algorithm, nss);
                } catch (NoSuchAlgorithmException | RuntimeException e) {
                    // That algorithm is not offered there: the JDK's own one computes the same digest.
                }
            }
        }
        return jdk(algorithm);
    }

    /** Whether large inputs are hashed in native code in this process (loads it if need be). */
    public static boolean nativeAvailable() {
        return Native.PROVIDER != null;
    }

    /** The JDK's own implementation. */
    public static MessageDigest jdk(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** The NSS-backed provider, configured on first use; null where the runtime or system lacks it. */
    private static final class Native {
        static final Provider PROVIDER = load();

        private static Provider load() {
            if (Boolean.getBoolean("otapress.jdkDigestsOnly")) return null;
            try {
                Provider pkcs11 = Security.getProvider("SunPKCS11");
                if (pkcs11 == null) return null;
                // No database and no keys: the library is used for its digests alone.
                Provider nss = pkcs11.configure("--name=otapress-digests\nnssDbMode=noDb\nattributes=compatibility\n");
                if (!knownAnswers(nss)) return null;
                nativeLoaded = true;
                return nss;
            } catch (RuntimeException | LinkageError e) {
                // No libnss3 here, or a runtime without the PKCS#11 module: the JDK's digests it is.
                return null;
            }
        }

        /** FIPS 180 test vectors ("abc"): a library that disagrees is never used. */
        private static boolean knownAnswers(Provider p) {
            byte[] abc = {'a', 'b', 'c'};
            try {
                return Arrays.equals(MessageDigest.getInstance("SHA-256", p).digest(abc),
                        HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
                        && Arrays.equals(MessageDigest.getInstance("SHA-1", p).digest(abc),
                        HexFormat.of().parseHex("a9993e364706816aba3e25717850c26c9cd0d89d"));
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                return false;
            }
        }
    }
}
