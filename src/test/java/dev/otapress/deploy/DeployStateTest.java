package dev.otapress.deploy;

import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a store whose ETags are not the MD5 of the bytes (S3Proxy over a store that answers as AWS
 * does with SSE-KMS), the deploy state is what recognises unchanged objects: a redeploy uploads
 * nothing, a listing stays one pass, and an object replaced behind the deploy's back is sent again.
 */
class DeployStateTest {
    private static final String BASE = "https://apps.example.com/ios/";

    private static LocalS3 s3;
    private static String startFailure;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        try {
            s3 = LocalS3.startWithOpaqueEtags();
        } catch (Exception e) {
            startFailure = e.toString();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (s3 != null) s3.close();
    }

    private TestSite site() throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: Acme\nbase_url: " + BASE + "\n");
        release(site, "releases/1.0", "1.0", new byte[0]);
        // Large enough to go up in parts, whose ETag is no MD5 here either.
        byte[] noise = new byte[11 * 1024 * 1024];
        new Random(3).nextBytes(noise);
        release(site, "releases/1.1", "1.1", noise);
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"build", "--site", site.root().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err)), err.toString());
        return site;
    }

    private static void release(TestSite site, String folder, String version, byte[] payload) throws IOException {
        site.release(folder, "Field.ipa", TestIpa.app("Field", "com.example.field").version(version, version.replace(".", ""))
                .enterpriseSigned().iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0x80FF0000))
                .entry("Payload/Field.app/Assets.bin", payload));
    }

    private static DeployReport deploy(RequestLog log, Path out, String bucket) throws DeployException {
        try (S3Client client = s3.client(log)) {
            ObjectStore store = new ObjectStore(client, new S3Location(bucket, "ios/"), s3.endpoint().toString());
            return new Deployer(new Deployer.Options(false, true, 3, 5L * 1024 * 1024), DeployListener.NONE).deploy(out, store, null);
        }
    }

    private static Map<String, S3Object> listing(String bucket) {
        try (S3Client client = s3.client()) {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .filter(o -> !o.key().endsWith("/")).collect(Collectors.toMap(S3Object::key, o -> o));
        }
    }

    @Test
    void aRedeployOfAnUnchangedPortalUploadsNothingWhereEtagsAreNoMd5() throws Exception {
        assumeTrue(s3 != null, "S3Proxy could not start on 127.0.0.1, so the deploy state is not tested: " + startFailure);
        String bucket = "opaque-etags";
        s3.createBucket(bucket);
        TestSite site = site();

        RequestLog first = new RequestLog();
        DeployReport report = deploy(first, site.out(), bucket);
        assertTrue(report.uploaded() > 10, "uploaded " + report.uploaded());
        assertEquals("PUT ios/" + DeployState.KEY, first.writes().get(first.writes().size() - 1), "the state is written last");
        Map<String, S3Object> stored = listing(bucket);
        byte[] page = Files.readAllBytes(site.out().resolve("index.html"));
        String md5 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(page));
        assertNotEquals(md5, stored.get("ios/index.html").eTag().replace("\"", ""), "this store's ETags are no MD5");
        assertFalse(stored.get("ios/releases/1.1/Field.ipa").eTag().contains("-"), "nor are its multipart ETags");

        RequestLog second = new RequestLog();
        DeployReport again = deploy(second, site.out(), bucket);
        assertEquals(List.of(), second.writes(), "nothing is written: not a file, not the state");
        assertEquals(0, again.uploaded());
        assertEquals(report.uploaded(), again.unchanged());

        // Someone replaces a file behind the deploy's back: its ETag no longer is the recorded one.
        try (S3Client client = s3.client()) {
            client.putObject(b -> b.bucket(bucket).key("ios/assets/style.css"), RequestBody.fromString("body{}"));
        }
        // And a release is added: only its files and the pages that list it go up, then the state.
        release(site, "releases/2.0", "2.0", new byte[0]);
        assertEquals(0, Main.run(new String[] {"build", "--site", site.root().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        RequestLog third = new RequestLog();
        deploy(third, site.out(), bucket);
        List<String> puts = third.puts();
        assertTrue(puts.contains("ios/assets/style.css"), "the replaced file is sent again: " + puts);
        assertTrue(puts.contains("ios/releases/2.0/Field.ipa"), puts.toString());
        assertFalse(puts.contains("ios/releases/1.1/Field.ipa"), "an unchanged .ipa is not sent again: " + puts);
        assertFalse(puts.contains("ios/releases/1.0/icon-512.png"), puts.toString());
        assertEquals("ios/" + DeployState.KEY, puts.get(puts.size() - 1));
        assertEquals(Files.readString(site.out().resolve("assets/style.css")), new String(get(bucket, "ios/assets/style.css"),
                StandardCharsets.UTF_8));

        // Without its state, such a store cannot tell an unchanged object: everything goes up again.
        try (S3Client client = s3.client()) {
            client.deleteObject(b -> b.bucket(bucket).key("ios/" + DeployState.KEY));
        }
        RequestLog stateless = new RequestLog();
        DeployReport all = deploy(stateless, site.out(), bucket);
        assertEquals(0, all.unchanged(), "the state is what recognised them");
        RequestLog after = new RequestLog();
        deploy(after, site.out(), bucket);
        assertEquals(List.of(), after.writes());
    }

    @Test
    void aStateThatIsNotOneIsIgnoredAndNeverPublishedOrDeleted() throws Exception {
        assumeTrue(s3 != null, "S3Proxy could not start on 127.0.0.1, so the deploy state is not tested: " + startFailure);
        assertEquals(DeployState.EMPTY, DeployState.parse("{\"format\":1,\"objects\":{\"a\":{\"size\":1}}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(DeployState.EMPTY, DeployState.parse("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(DeployState.EMPTY, DeployState.parse(new byte[] {(byte) 0xff, 0}));
        DeployState one = new DeployState(Map.of("index.html", new DeployState.Entry("ab", 3, "\"ABC\"")));
        assertEquals(one, DeployState.parse(one.toJson()));
        assertEquals("abc", one.objects().get("index.html").etag(), "ETags are kept without quotes, in lower case");

        String bucket = "garbled-state";
        s3.createBucket(bucket);
        TestSite site = site();
        // An author's file of that name is never uploaded as content.
        Files.writeString(site.out().resolve(DeployState.KEY), "{}");
        try (S3Client client = s3.client()) {
            deploy(new RequestLog(), site.out(), bucket);
            client.putObject(b -> b.bucket(bucket).key("ios/" + DeployState.KEY), RequestBody.fromString("not json"));
        }
        RequestLog log = new RequestLog();
        DeployReport report = deploy(log, site.out(), bucket);
        assertEquals(0, report.unchanged(), "an unreadable state recognises nothing");
        assertFalse(log.writes().contains("DELETE ios/" + DeployState.KEY), log.writes().toString());
        assertTrue(DeployState.parse(get(bucket, "ios/" + DeployState.KEY)).objects().containsKey("index.html"),
                "the state is written anew");
        assertFalse(DeployState.parse(get(bucket, "ios/" + DeployState.KEY)).objects().containsKey(DeployState.KEY));
    }

    private static byte[] get(String bucket, String key) {
        try (S3Client client = s3.client()) {
            return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        }
    }
}
