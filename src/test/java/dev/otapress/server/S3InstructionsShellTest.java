package dev.otapress.server;

import dev.otapress.config.BaseUrl;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pastes the command of s3.md into a real bash, with {@code otapress} replaced by a function that
 * records its arguments: nothing in a base URL may expand or run, and the deploy names the
 * portal's folder exactly.
 */
class S3InstructionsShellTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"https://apps.example.com/ios/", "https://apps.example.com/mobile%20apps/R&D%20(1)/b%C3%BCro/",
            "https://apps.example.com/", "https://apps.example.com/a!b/~c/"})
    void theCommandsRunAsWrittenInBash(String base) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        BaseUrl url = BaseUrl.of(base);
        String md = new ServerConfigs(url).render(ServerKind.S3);
        int start = md.indexOf("```sh\n") + 6;
        String commands = md.substring(start, md.indexOf("```", start));
        Path args = dir.resolve("args");
        Path script = dir.resolve("paste.sh");
        Files.writeString(script, "set -eu\notapress() { printf '%s\\n' \"$@\" >> '" + args + "'; printf '%s\\n' '--' >> '" + args + "'; }\n"
                + commands);
        Process bash = new ProcessBuilder("/bin/bash", script.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes());
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), output);
        assertEquals("", output, "the commands print nothing themselves");
        List<String> lines = Files.readAllLines(args);
        String dest = "s3://your-bucket-name" + url.path();
        assertEquals(List.of("deploy", dest, "--check", "--"), lines);
    }
}
