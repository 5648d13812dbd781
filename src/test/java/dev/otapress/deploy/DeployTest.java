package dev.otapress.deploy;

import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Deploys built portals to a real S3 server (S3Proxy) on loopback and reads them back. */
class DeployTest {
    private static final String BASE = "https://apps.example.com/ios/";

    @TempDir
    static Path storage;
    private static LocalS3 s3;
    private static String startFailure;
    private static int buckets;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        try {
            s3 = LocalS3.start(storage);
            // The CLI takes credentials from the SDK's standard chain, which reads these properties.
            System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
        } catch (Exception e) {
            startFailure = e.toString();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (s3 != null) s3.close();
    }

    private static String newBucket() {
        assumeTrue(s3 != null, "S3Proxy could not start on 127.0.0.1, so the deploy tests are skipped: " + startFailure);
        String name = "portal-" + (++buckets);
        s3.createBucket(name);
        return name;
    }

    private TestSite site() throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: Acme\nbase_url: " + BASE + "\n");
        release(site, "releases/1.0", "1.0", "10");
        release(site, "releases/1.1 beta", "1.1", "11");
        site.file("content/releases/1.1 beta/notes.txt", "plain notes\n");
        return site;
    }

    private static void release(TestSite site, String folder, String version, String build) throws IOException {
        site.release(folder, "Field App.ipa", TestIpa.app("Field", "com.example.field").version(version, build).enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0x80FF0000)));
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * @param err what the command printed as its own ("otapress: …") lines; the build's warnings
     *            about the test IPAs are left out
     */
    private record Result(int code, String out, String err) {
        Result {
            err = err.lines().filter(l -> l.startsWith("otapress:")).map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
        }
    }

    private Result deploy(TestSite site, String target, String... more) {
        List<String> args = new ArrayList<>(List.of("deploy", target, "--site", site.root().toString(),
                "--endpoint", s3.endpoint().toString(), "--region", "us-east-1"));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    /** Deploys the already built output with a client that records (and perhaps fails) writes. */
    private static DeployReport deployWith(RequestLog log, Path out, String bucket, String prefix, long partSize) throws DeployException {
        try (S3Client client = s3.client(log)) {
            ObjectStore store = new ObjectStore(client, new S3Location(bucket, prefix), s3.endpoint().toString());
            return new Deployer(new Deployer.Options(false, true, 3, partSize), DeployListener.NONE).deploy(out, store, null);
        }
    }

    private static List<String> keys(String bucket) {
        try (S3Client client = s3.client()) {
            // Keys ending in '/' are the folder placeholders a file-system store lists; they hold nothing.
            return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                    .filter(k -> !k.endsWith("/")).sorted().toList();
        }
    }

    private static byte[] get(String bucket, String key) {
        try (S3Client client = s3.client()) {
            return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        }
    }

    private static HeadObjectResponse head(String bucket, String key) {
        try (S3Client client = s3.client()) {
            return client.headObject(b -> b.bucket(bucket).key(key));
        }
    }

    private static List<String> files(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !Inventory.isNeverUploaded(p.substring(p.lastIndexOf('/') + 1))).sorted().toList();
        }
    }

    @Test
    void firstDeployStoresEveryFileByteForByteWithTheHeadersOfItsKind() throws Exception {
        String bucket = newBucket();
        TestSite site = site();
        Result r = deploy(site, "s3://" + bucket + "/ios");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Deployed to s3://" + bucket + "/ios/: "), r.out());
        assertTrue(r.out().contains("otapress check " + BASE), r.out());

        List<String> local = files(site.out());
        List<String> expected = new ArrayList<>(local.stream().map(p -> "ios/" + p).toList());
        expected.add("ios/" + ObjectStore.MARKER);
        expected.add("ios/" + DeployState.KEY);
        expected.sort(null);
        assertEquals(expected, keys(bucket), "every file, the marker, the state, and no host control file");
        for (String p : local) assertArrayEquals(Files.readAllBytes(site.out().resolve(p)), get(bucket, "ios/" + p), p);
        // Every object of every kind (pages, app and history pages, manifests, .ipa files, each icon size, feeds,
        // listings, latest.json, search.json, theme files, side files) carries the headers of the one table.
        for (String p : local) {
            ObjectHeaders table = ObjectHeaders.forPath(p);
            HeadObjectResponse stored = head(bucket, "ios/" + p);
            assertEquals(mediaType(table.contentType()), mediaType(stored.contentType()), p);
            assertEquals(table.cacheControl(), stored.cacheControl(), p);
            assertEquals(table.contentDisposition(), stored.contentDisposition(), p);
        }
        assertTrue(local.stream().anyMatch(p -> p.endsWith("/latest.json")) && local.stream().anyMatch(p -> p.endsWith("icon-180.png"))
                && local.stream().anyMatch(p -> p.contains("/history/")), local.toString());

        assertHeaders(bucket, "ios/releases/1.0/Field App.ipa", "application/octet-stream", "public, max-age=31536000, immutable");
        assertHeaders(bucket, "ios/releases/1.0/manifest.plist", "text/xml", "no-cache");
        assertHeaders(bucket, "ios/releases/1.0/index.html", "text/html; charset=utf-8", "no-cache");
        assertHeaders(bucket, "ios/index.html", "text/html; charset=utf-8", "no-cache");
        assertHeaders(bucket, "ios/releases/1.0/icon-512.png", "image/png", "public, max-age=2592000");
        assertHeaders(bucket, "ios/releases.json", "application/json", "no-cache");
        assertEquals("no-cache", head(bucket, "ios/assets/style.css").cacheControl(), "a theme file whose bytes change is revalidated");
        assertTrue(head(bucket, "ios/assets/style.css").contentType().startsWith("text/css"));
        assertTrue(head(bucket, "ios/feed.xml").contentType().startsWith("application/atom+xml"));
        ObjectHeaders side = ObjectHeaders.forPath("releases/1.1 beta/notes.txt");
        HeadObjectResponse notes = head(bucket, "ios/releases/1.1 beta/notes.txt");
        assertEquals(mediaType(side.contentType()), mediaType(notes.contentType()));
        assertEquals(side.contentDisposition(), notes.contentDisposition());
        assertFalse(notes.contentType().startsWith("text/html"), "an author's file never renders as a page of the portal");
    }

    private static void assertHeaders(String bucket, String key, String type, String cache) {
        HeadObjectResponse h = head(bucket, key);
        assertEquals(mediaType(type), mediaType(h.contentType()), key);
        assertEquals(cache, h.cacheControl(), key);
    }

    @Test
    void anUnchangedPortalUploadsNothingAndSaysSo() throws Exception {
        String bucket = newBucket();
        TestSite site = site();
        assertEquals(0, deploy(site, "s3://" + bucket + "/ios").code());
        Result again = deploy(site, "s3://" + bucket + "/ios", "--json");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("\"uploaded\":0"), again.out());
        assertTrue(again.out().contains("\"deleted\":0"), again.out());
        assertTrue(again.out().contains("\"url\":\"" + BASE + "\""), again.out());
        Result text = deploy(site, "s3://" + bucket + "/ios", "--no-build");
        assertTrue(text.out().startsWith("Nothing to upload: all "), text.out());

        RequestLog log = new RequestLog();
        DeployReport report = deployWith(log, site.out(), bucket, "ios/", Deployer.PART_SIZE);
        assertEquals(List.of(), log.writes(), "no request writes anything");
        assertEquals(0, report.uploaded());
    }

    @Test
    void uploadsInTheOrderThatKeepsEveryLinkWorkingAndDeletesARemovedReleaseLast() throws Exception {
        String bucket = newBucket();
        TestSite site = site();
        assertEquals(0, cli("build", "--site", site.root().toString()).code());
        RequestLog first = new RequestLog();
        deployWith(first, site.out(), bucket, "ios/", Deployer.PART_SIZE);
        assertPhaseOrder(first.puts(), site.out());
        List<String> keys = first.puts();
        assertTrue(keys.indexOf("ios/releases/1.1 beta/Field App.ipa") < keys.indexOf("ios/releases/1.1 beta/manifest.plist"), keys.toString());
        assertTrue(keys.indexOf("ios/releases/1.1 beta/manifest.plist") < keys.indexOf("ios/releases/1.1 beta/index.html"), keys.toString());
        assertTrue(keys.indexOf("ios/releases/1.1 beta/index.html") < keys.indexOf("ios/index.html"), keys.toString());

        // A new release replaces the old one: new files first, every page that showed 1.0 replaced, then 1.0 goes.
        List<String> removed = files(site.out()).stream().filter(p -> p.startsWith("releases/1.0/")).map(p -> "ios/" + p).toList();
        deleteRecursively(site.root().resolve("content/releases/1.0"));
        release(site, "releases/2.0", "2.0", "20");
        assertEquals(0, cli("build", "--site", site.root().toString()).code());
        RequestLog second = new RequestLog();
        DeployReport report = deployWith(second, site.out(), bucket, "ios/", Deployer.PART_SIZE);
        assertPhaseOrder(second.puts(), site.out());
        List<String> writes = second.writes();
        int firstDelete = indexOf(writes, w -> w.startsWith("DELETE "));
        int lastPut = lastIndexOf(writes, w -> !w.startsWith("DELETE ") && !w.endsWith(DeployState.KEY));
        assertTrue(firstDelete > lastPut, "deletions come after every upload: " + writes);
        assertEquals("PUT ios/" + DeployState.KEY, writes.get(writes.size() - 1), "the state is written last");
        Set<String> deleted = new HashSet<>();
        for (String w : writes) if (w.startsWith("DELETE ")) deleted.add(w.substring(7));
        assertEquals(new HashSet<>(removed), deleted, "exactly the removed release's files");
        assertEquals(removed.size(), report.deleted());
        assertTrue(writes.contains("PUT ios/index.html"), "the home page that listed 1.0 was replaced");
        assertTrue(writes.contains("PUT ios/releases/2.0/Field App.ipa"));
        assertFalse(writes.contains("PUT ios/releases/1.1 beta/Field App.ipa"), "an unchanged .ipa is not sent again");
        assertLinksResolve(bucket, "ios/");
    }

    private static void assertPhaseOrder(List<String> keys, Path out) throws IOException {
        List<LocalObject> objects = new Inventory(Deployer.PART_SIZE).read(out);
        int last = -1;
        for (String key : keys) {
            if (key.endsWith(ObjectStore.MARKER) || key.endsWith(DeployState.KEY)) continue;
            String path = key.substring("ios/".length());
            Phase phase = objects.stream().filter(o -> o.sitePath().equals(path)).findFirst().orElseThrow().phase();
            assertTrue(phase.ordinal() >= last, key + " (" + phase + ") came after a later phase: " + keys);
            last = phase.ordinal();
        }
    }

    @Test
    void aDeployInterruptedMidwayLeavesEveryPublishedLinkWorkingAndARerunCompletesIt() throws Exception {
        String bucket = newBucket();
        TestSite site = site();
        assertEquals(0, cli("build", "--site", site.root().toString()).code());
        deployWith(new RequestLog(), site.out(), bucket, "ios/", Deployer.PART_SIZE);

        release(site, "releases/2.0", "2.0", "20");
        deleteRecursively(site.root().resolve("content/releases/1.0"));
        assertEquals(0, cli("build", "--site", site.root().toString()).code());
        // The connection drops at the new release's page, after its .ipa and manifest went up.
        RequestLog failing = new RequestLog(w -> w.equals("PUT ios/releases/2.0/index.html"));
        assertThrows(DeployException.class, () -> deployWith(failing, site.out(), bucket, "ios/", Deployer.PART_SIZE));
        assertTrue(failing.puts().contains("ios/releases/2.0/manifest.plist"), failing.writes().toString());
        assertFalse(failing.puts().contains("ios/index.html"), "the home page waits for every release page");
        assertTrue(failing.writes().stream().noneMatch(w -> w.startsWith("DELETE ")), "nothing is deleted by a failed deploy");
        assertLinksResolve(bucket, "ios/");

        DeployReport rerun = deployWith(new RequestLog(), site.out(), bucket, "ios/", Deployer.PART_SIZE);
        assertTrue(rerun.uploaded() > 0);
        List<String> expected = new ArrayList<>(files(site.out()).stream().map(p -> "ios/" + p).toList());
        expected.add("ios/" + ObjectStore.MARKER);
        expected.add("ios/" + DeployState.KEY);
        expected.sort(null);
        assertEquals(expected, keys(bucket));
        assertLinksResolve(bucket, "ios/");
    }

    /** Every link of every stored page (and every manifest's .ipa and icons) names a stored object. */
    private static void assertLinksResolve(String bucket, String prefix) throws Exception {
        Set<String> stored = new HashSet<>(keys(bucket));
        for (String key : stored) {
            if (key.endsWith(".html")) {
                Document page = Jsoup.parse(new String(get(bucket, key), StandardCharsets.UTF_8), "https://apps.example.com/" + key);
                for (Element e : page.select("a[href], img[src], link[href], script[src]")) {
                    String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    if (link.startsWith("itms-services:")) {
                        String manifest = URLDecoder.decode(link.substring(link.indexOf("url=") + 4), StandardCharsets.UTF_8);
                        assertStored(stored, manifest, key, link);
                    } else if (!link.startsWith("#") && !link.startsWith("data:")) {
                        assertStored(stored, e.absUrl(e.hasAttr("href") ? "href" : "src"), key, link);
                    }
                }
            }
            if (key.endsWith("manifest.plist")) {
                String xml = new String(get(bucket, key), StandardCharsets.UTF_8);
                for (String url : xml.split("<string>")) {
                    if (url.startsWith("https://")) assertStored(stored, url.substring(0, url.indexOf('<')), key, url);
                }
            }
        }
    }

    private static void assertStored(Set<String> stored, String url, String from, String link) {
        URI uri = URI.create(url);
        if (!"apps.example.com".equals(uri.getHost())) return; // feeds of other hosts, none here
        String key = uri.getPath().substring(1);
        if (key.endsWith("/")) key = key + "index.html";
        assertTrue(stored.contains(key), from + " links " + link + ", but " + key + " is not stored");
    }

    @Test
    void aLargeIpaGoesUpInVerifiedPartsAndIsRecognisedUnchangedAfterwards() throws Exception {
        String bucket = newBucket();
        TestSite site = TestSite.at(dir.resolve("big")).siteYaml("title: Acme\nbase_url: " + BASE + "\n");
        byte[] noise = new byte[12 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        site.release("releases/3.0", "Big.ipa", TestIpa.app("Big", "com.example.big").version("3.0", "30").enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0x80FF0000))
                .entry("Payload/Big.app/Assets.bin", noise));
        assertEquals(0, cli("build", "--site", site.root().toString()).code());
        long partSize = 5L * 1024 * 1024;
        RequestLog log = new RequestLog();
        deployWith(log, site.out(), bucket, "", partSize);
        long parts = log.writes().stream().filter(w -> w.equals("PART releases/3.0/Big.ipa")).count();
        long size = Files.size(site.out().resolve("releases/3.0/Big.ipa"));
        assertEquals((size + partSize - 1) / partSize, parts, log.writes().toString());
        assertTrue(log.writes().contains("COMPLETE releases/3.0/Big.ipa"));
        assertArrayEquals(Files.readAllBytes(site.out().resolve("releases/3.0/Big.ipa")), get(bucket, "releases/3.0/Big.ipa"));
        assertEquals("application/octet-stream", head(bucket, "releases/3.0/Big.ipa").contentType());

        RequestLog again = new RequestLog();
        deployWith(again, site.out(), bucket, "", partSize);
        assertEquals(List.of(), again.writes(), "the multipart ETag is computed here, so the big file is not sent again");
    }

    @Test
    void theStoreRejectsABodyThatDoesNotMatchItsContentMd5() throws Exception {
        String bucket = newBucket();
        Path file = Files.writeString(dir.resolve("manifest.plist"), "<plist>the bytes that were hashed</plist>");
        Checksum hashed = Checksum.of(file, Deployer.PART_SIZE);
        // The bytes change between hashing and sending, as a corrupted transfer would deliver them.
        Files.writeString(file, "<plist>the bytes that were SENT!!</plist>");
        LocalObject object = new LocalObject("releases/1.0/manifest.plist", file, hashed, Phase.MANIFESTS, false,
                ObjectHeaders.forPath("releases/1.0/manifest.plist"));
        try (S3Client client = s3.client()) {
            ObjectStore store = new ObjectStore(client, new S3Location(bucket, ""), "test");
            DeployException e = assertThrows(DeployException.class,
                    () -> store.upload(object, java.util.concurrent.Executors.newSingleThreadExecutor(), n -> { }));
            assertTrue(e.getMessage().contains("do not match their Content-MD5"), e.getMessage());
            assertFalse(store.exists("releases/1.0/manifest.plist"), "nothing was stored");
        }
    }

    @Test
    void theStoreRejectsAPartThatDoesNotMatchItsContentMd5AndTheUploadIsAbandoned() throws Exception {
        String bucket = newBucket();
        long partSize = 5L * 1024 * 1024;
        byte[] bytes = new byte[(int) (2 * partSize + 100)];
        new Random(11).nextBytes(bytes);
        Path file = Files.write(dir.resolve("App.ipa"), bytes);
        Checksum hashed = Checksum.of(file, partSize);
        assertTrue(hashed.multipart());
        // One byte of the second part changes after hashing, as a corrupted transfer of that part would deliver it.
        bytes[(int) partSize + 7] ^= 1;
        Files.write(file, bytes);
        LocalObject object = new LocalObject("releases/1.0/App.ipa", file, hashed, Phase.FILES, true,
                ObjectHeaders.forPath("releases/1.0/App.ipa"));
        try (S3Client client = s3.client()) {
            ObjectStore store = new ObjectStore(client, new S3Location(bucket, ""), "test");
            DeployException e = assertThrows(DeployException.class,
                    () -> store.upload(object, java.util.concurrent.Executors.newFixedThreadPool(2), n -> { }));
            assertTrue(e.getMessage().contains("do not match their Content-MD5"), e.getMessage());
            assertFalse(store.exists("releases/1.0/App.ipa"), "nothing was stored");
            assertEquals(List.of(), client.listMultipartUploads(b -> b.bucket(bucket)).uploads(), "the upload was aborted");
        }
    }

    @Test
    void deletionsStayInsideThePrefixAndAForeignPrefixIsLeftAlone() throws Exception {
        String bucket = newBucket();
        try (S3Client client = s3.client()) {
            client.putObject(b -> b.bucket(bucket).key("ios-old/keep.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
            client.putObject(b -> b.bucket(bucket).key("theirs/file.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        }
        TestSite site = site();
        assertEquals(0, deploy(site, "s3://" + bucket + "/ios").code());
        try (S3Client client = s3.client()) {
            client.putObject(b -> b.bucket(bucket).key("ios/stale.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        }
        Result again = deploy(site, "s3://" + bucket + "/ios");
        assertEquals(0, again.code(), again.err());
        List<String> keys = keys(bucket);
        assertFalse(keys.contains("ios/stale.txt"), "an object the portal does not have goes");
        assertTrue(keys.contains("ios-old/keep.txt"), "ios never reaches ios-old/");

        Result foreign = deploy(site, "s3://" + bucket + "/theirs");
        assertEquals(1, foreign.code());
        assertTrue(foreign.err().contains("no " + ObjectStore.MARKER + " marker"), foreign.err());
        assertEquals(1, foreign.err().strip().lines().count(), foreign.err());
        assertEquals(List.of("theirs/file.txt"), keys(bucket).stream().filter(k -> k.startsWith("theirs/")).toList());

        Result kept = deploy(site, "s3://" + bucket + "/theirs", "--no-delete");
        assertEquals(0, kept.code(), kept.err());
        assertTrue(keys(bucket).contains("theirs/file.txt"));
        assertTrue(keys(bucket).contains("theirs/index.html"));
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndWritesNothing() throws Exception {
        String bucket = newBucket();
        TestSite site = site();
        Result r = deploy(site, "s3://" + bucket + "/ios", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("upload s3://" + bucket + "/ios/releases/1.0/Field App.ipa"), r.out());
        assertTrue(r.out().contains("Dry run: would upload"), r.out());
        assertEquals(List.of(), keys(bucket));
    }

    @Test
    void binariesGoToTheDownloadBucketAndPagesToThePortalBucket() throws Exception {
        String pages = newBucket();
        String downloads = newBucket();
        TestSite site = TestSite.at(dir.resolve("split"))
                .siteYaml("title: Acme\nbase_url: " + BASE + "\ndownloads_base_url: https://dl.example.net/builds/\n");
        release(site, "releases/1.0", "1.0", "10");
        Result missing = deploy(site, "s3://" + pages + "/ios");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("add --downloads"), missing.err());

        Result r = deploy(site, "s3://" + pages + "/ios", "--downloads", "s3://" + downloads + "/builds");
        assertEquals(0, r.code(), r.err());
        List<String> binaries = new ArrayList<>(files(site.out()).stream().filter(dev.otapress.render.Urls::isBinary).map(p -> "builds/" + p).toList());
        binaries.add("builds/" + ObjectStore.MARKER);
        binaries.add("builds/" + DeployState.KEY);
        binaries.sort(null);
        assertTrue(binaries.contains("builds/releases/1.0/Field App.ipa") && binaries.contains("builds/releases/1.0/icon-512.png"), binaries.toString());
        assertEquals(binaries, keys(downloads));
        List<String> pageKeys = keys(pages);
        assertTrue(pageKeys.contains("ios/releases/1.0/manifest.plist"));
        assertTrue(pageKeys.stream().noneMatch(k -> k.endsWith(".ipa") || k.endsWith("icon-57.png")), pageKeys.toString());
        String manifest = new String(get(pages, "ios/releases/1.0/manifest.plist"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("https://dl.example.net/builds/releases/1.0/Field%20App.ipa"), manifest);

        Result overlap = deploy(site, "s3://" + pages + "/ios", "--downloads", "s3://" + pages + "/ios/dl");
        assertEquals(1, overlap.code());
        assertTrue(overlap.err().contains("overlap"), overlap.err());
    }

    @Test
    void storeErrorsAreOneLineSayWhatToDoAndDeleteNothing() throws Exception {
        String bucket = newBucket();
        TestSite site = site();
        assertEquals(0, deploy(site, "s3://" + bucket + "/ios").code());
        List<String> before = keys(bucket);
        deleteRecursively(site.root().resolve("content/releases/1.0"));

        Result noBucket = deploy(site, "s3://no-such-bucket-here/ios");
        assertEquals(1, noBucket.code());
        assertEquals("otapress: error: there is no bucket 'no-such-bucket-here' at " + s3.endpoint()
                + "; create it, or check the bucket name and --endpoint", noBucket.err().strip());

        System.setProperty("aws.secretAccessKey", "wrong-secret");
        Result refused;
        try {
            refused = deploy(site, "s3://" + bucket + "/ios");
        } finally {
            System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
        }
        assertEquals(1, refused.code());
        assertTrue(refused.err().startsWith("otapress: error: the store refused the credentials"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());

        Result unreachable = cli("deploy", "s3://" + bucket + "/ios", "--site", site.root().toString(),
                "--endpoint", "http://127.0.0.1:1", "--region", "us-east-1");
        assertEquals(1, unreachable.code());
        assertTrue(unreachable.err().startsWith("otapress: error: cannot reach http://127.0.0.1:1"), unreachable.err());

        Result plainHttp = cli("deploy", "s3://" + bucket + "/ios", "--site", site.root().toString(),
                "--endpoint", "http://s3.example.com");
        assertEquals(2, plainHttp.code());
        assertTrue(plainHttp.err().contains("http:// endpoint is accepted only on this machine"), plainHttp.err());

        assertEquals(before, keys(bucket), "no failed deploy deleted or wrote anything");
    }

    @Test
    void s3AddressesAreParsedStrictly() {
        assertEquals(new S3Location("acme", "ios/"), S3Location.parse("s3://acme/ios"));
        assertEquals(new S3Location("acme", ""), S3Location.parse("s3://acme"));
        assertEquals("ios/releases/1.0/index.html", S3Location.parse("s3://acme/ios/").key("releases/1.0/index.html"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("https://acme/ios"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://Acme_Bucket/ios"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://acme/a/../b"));
        assertTrue(S3Location.parse("s3://acme/ios").overlaps(S3Location.parse("s3://acme/ios/dl")));
        assertFalse(S3Location.parse("s3://acme/ios").overlaps(S3Location.parse("s3://acme/ios-old")));
        assertNull(new Connection(null, null, null).endpoint());
        assertThrows(IllegalArgumentException.class, () -> new Connection(URI.create("http://10.0.0.5:9000"), null, null));
    }

    /** S3Proxy's Jetty answers "text/html;charset=utf-8" for what was stored as "text/html; charset=utf-8". */
    private static String mediaType(String contentType) {
        return contentType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static int indexOf(List<String> list, java.util.function.Predicate<String> p) {
        for (int i = 0; i < list.size(); i++) if (p.test(list.get(i))) return i;
        return -1;
    }

    private static int lastIndexOf(List<String> list, java.util.function.Predicate<String> p) {
        for (int i = list.size() - 1; i >= 0; i--) if (p.test(list.get(i))) return i;
        return -1;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
