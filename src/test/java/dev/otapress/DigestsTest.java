package dev.otapress;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The native digests compute exactly the JDK's digests, whichever way the bytes are fed. */
class DigestsTest {

    @Test
    void largeInputsGetTheSameDigestsAsTheJdksOwn() {
        Assumptions.assumeTrue(Digests.nativeAvailable(), "no NSS library here (libnss3): the JDK's digests are used, nothing to compare");
        byte[] data = new byte[(int) Digests.NATIVE_FROM_BYTES + 12_345];
        new Random(42).nextBytes(data);
        for (String algorithm : new String[] {"SHA-256", "SHA-1"}) {
            MessageDigest fast = Digests.of(algorithm, data.length);
            assertEquals("SunPKCS11-otapress-digests", fast.getProvider().getName(), "large inputs go to the native digest");
            // Arrays in odd slices, then a direct buffer: both paths of the provider.
            int at = 0;
            for (int step = 1; at < data.length / 2; step = step * 7 % 65_521 + 1) {
                int n = Math.min(step, data.length / 2 - at);
                fast.update(data, at, n);
                at += n;
            }
            ByteBuffer rest = ByteBuffer.allocateDirect(data.length - at).put(data, at, data.length - at).flip();
            fast.update(rest);
            assertArrayEquals(Digests.jdk(algorithm).digest(data), fast.digest(), algorithm);
            // A digest is reusable after digest(), as the code-page checks use it.
            fast.update(data, 0, 4096);
            MessageDigest jdk = Digests.jdk(algorithm);
            jdk.update(data, 0, 4096);
            assertArrayEquals(jdk.digest(), fast.digest(), algorithm + " after a reset");
        }
    }

    @Test
    void smallInputsUseTheJdksDigestUntilTheNativeOneIsLoaded() {
        MessageDigest small = Digests.sha256(100);
        byte[] abc = {'a', 'b', 'c'};
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                java.util.HexFormat.of().formatHex(small.digest(abc)));
        assertEquals(Digests.jdk("SHA-384").getAlgorithm(), Digests.of("SHA-384", 1L << 30).getAlgorithm());
    }
}
