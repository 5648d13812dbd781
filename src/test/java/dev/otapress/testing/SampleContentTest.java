package dev.otapress.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleContentTest {

    @Test
    void committedSampleIpasAreExactlyWhatTheGeneratorWrites() throws Exception {
        boolean write = Boolean.getBoolean("otapress.writeSamples");
        for (Map.Entry<String, TestIpa> e : SampleContent.ipas().entrySet()) {
            Path file = Path.of(e.getKey());
            byte[] expected = e.getValue().bytes();
            if (write) e.getValue().writeTo(file);
            assertTrue(Files.exists(file), file + " is missing: run mvn test -Dtest=SampleContentTest -Dotapress.writeSamples=true");
            assertArrayEquals(expected, Files.readAllBytes(file),
                    file + " differs from the generator: run mvn test -Dtest=SampleContentTest -Dotapress.writeSamples=true");
        }
    }
}
