package dev.otapress.codesign;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The signature reader on untrusted bytes: the executable is the fuzzer's input (Mach-O headers,
 * SuperBlob, CodeDirectories), inside a bundle whose CodeResources seals a file. Whatever the bytes,
 * the answer is a verdict; a broken one always says why. Under {@code mvn test} only the seeds in
 * {@code CodeSignatureFuzzTestInputs/} run; {@code bench/fuzz} fuzzes.
 */
class CodeSignatureFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void codeSignature(byte[] executable) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Info.plist", SyntheticSignatureTest.info());
        files.put("_CodeSignature/CodeResources", SignedApp.codeResources(Map.of("base.json", new byte[] {'{', '}'})));
        files.put("base.json", new byte[] {'{', '}'});
        files.put("App", executable);
        try {
            CodeSignature sig = new CodeSignatureReader().read(new SyntheticSignatureTest.MemoryFiles(files));
            assertNotNull(sig.status());
            if (sig.status() == CodeSignature.Status.INVALID) assertFalse(sig.problems().isEmpty());
        } catch (IOException e) {
            assertNotNull(e.getMessage());
        }
    }
}
