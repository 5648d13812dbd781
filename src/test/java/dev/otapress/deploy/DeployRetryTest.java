package dev.otapress.deploy;

import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Uploads and parts whose first attempts fail are retried, with backoff, until the real server has every byte. */
class DeployRetryTest {

    @TempDir
    Path dir;

    @Test
    void droppedAttemptsOfUploadsAndPartsAreRetriedUntilEveryByteIsStored() throws Exception {
        LocalS3 s3;
        try {
            s3 = LocalS3.startInMemory();
        } catch (Exception e) {
            assumeTrue(false, "S3Proxy could not start on 127.0.0.1, so retries are not tested: " + e);
            return;
        }
        try (s3) {
            s3.createBucket("flaky");
            TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: Acme\nbase_url: https://apps.example.com/\n");
            byte[] noise = new byte[6 * 1024 * 1024];
            new Random(5).nextBytes(noise);
            site.release("releases/1.0", "Big.ipa", TestIpa.app("Big", "com.example.big").version("1.0", "1").enterpriseSigned()
                    .entry("Payload/Big.app/Assets.bin", noise));
            assertEquals(0, Main.run(new String[] {"build", "--site", site.root().toString()}, new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter())));

            // Two attempts of every upload and every part fail; the third of the client's attempts goes through.
            FlakyTransport flaky = new FlakyTransport(2);
            try (S3Client client = s3.client(flaky)) {
                ObjectStore store = new ObjectStore(client, new S3Location("flaky", ""), s3.endpoint().toString());
                DeployReport report = new Deployer(new Deployer.Options(false, true, 2, 5L * 1024 * 1024), DeployListener.NONE)
                        .deploy(site.out(), store, null);
                assertTrue(report.uploaded() > 5, "uploaded " + report.uploaded());
            }
            Map<String, Integer> attempts = flaky.attempts();
            assertEquals(3, attempts.get("PART releases/1.0/Big.ipa #2"), attempts.toString());
            assertEquals(3, attempts.get("PUT releases/1.0/manifest.plist"), attempts.toString());
            assertTrue(attempts.values().stream().allMatch(n -> n == 3), attempts.toString());
            try (S3Client client = s3.client()) {
                assertArrayEquals(Files.readAllBytes(site.out().resolve("releases/1.0/Big.ipa")),
                        client.getObjectAsBytes(b -> b.bucket("flaky").key("releases/1.0/Big.ipa")).asByteArray());
            }
        }
    }
}
