package dev.otapress.deploy;

import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad credentials, a missing permission and a bucket in another region, each answered by a real
 * server: S3Proxy where it can produce the error, else a loopback server answering S3's exact XML
 * error responses to the real SDK. Each is one line that says what to do, exit code 1, and nothing
 * is deleted.
 */
class DeployErrorsTest {
    private static final String BUCKET = "acme-portal";

    @TempDir
    Path dir;
    private TestSite site;

    @BeforeEach
    void credentials() throws IOException {
        System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
        site = TestSite.at(dir.resolve("site")).siteYaml("title: Acme\nbase_url: https://apps.example.com/ios/\n");
        site.release("releases/1.0", "Field.ipa", TestIpa.app("Field", "com.example.field").version("1.0", "10").enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0x80FF0000)));
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
    }

    private record Run(int code, String out, String err) {
        Run {
            // The build's warnings about the test IPAs are left out.
            err = err.lines().filter(l -> l.startsWith("otapress:")).map(l -> l + "\n").collect(Collectors.joining());
        }
    }

    private Run deploy(String endpoint, String... more) {
        List<String> args = new ArrayList<>(List.of("deploy", "s3://" + BUCKET + "/ios", "--site", site.root().toString(),
                "--endpoint", endpoint, "--region", "us-east-1"));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneLine(Run run, String expected) {
        assertEquals(Main.FAILED, run.code(), run.out() + run.err());
        assertEquals("otapress: error: " + expected + "\n", run.err());
    }

    @Test
    void s3ProxyRefusesAnUnknownKeyAWrongSecretAndAnAnonymousListing() throws Exception {
        LocalS3 s3;
        try {
            s3 = LocalS3.startInMemory();
        } catch (Exception e) {
            assumeTrue(false, "S3Proxy could not start on 127.0.0.1, so its refusals are not tested: " + e);
            return;
        }
        try (s3) {
            s3.createBucket(BUCKET);
            String endpoint = s3.endpoint().toString();
            assertEquals(Main.OK, deploy(endpoint).code());
            // The next deploy would delete the removed release's files: none of the refused ones may.
            deleteRecursively(site.root().resolve("content/releases/1.0"));
            site.release("releases/2.0", "Field.ipa", TestIpa.app("Field", "com.example.field").version("2.0", "20").enterpriseSigned());
            List<String> before = keys(s3);

            System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
            assertOneLine(deploy(endpoint), "the store refused the credentials (InvalidAccessKeyId); check AWS_ACCESS_KEY_ID/"
                    + "AWS_SECRET_ACCESS_KEY or --profile, and that they belong to " + endpoint);
            System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", "wrong-secret");
            assertOneLine(deploy(endpoint), "the store refused the credentials (SignatureDoesNotMatch); check AWS_ACCESS_KEY_ID/"
                    + "AWS_SECRET_ACCESS_KEY or --profile, and that they belong to " + endpoint);
            System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
            assertOneLine(deploy(endpoint.replace(String.valueOf(s3.endpoint().getPort()), "1")),
                    "cannot reach http://127.0.0.1:1 listing s3://" + BUCKET + "/ios/ (ConnectException: Connection refused); check"
                            + " --endpoint and the network");

            // Requests without a signature, as from a principal without permission: S3Proxy denies them.
            try (S3Client anonymous = S3Clients.builder(s3.connection()).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                ObjectStore store = new ObjectStore(anonymous, new S3Location(BUCKET, "ios/"), endpoint);
                DeployException denied = assertThrows(DeployException.class, () -> new Deployer(Deployer.Options.defaults(),
                        DeployListener.NONE).deploy(site.out(), store, null));
                assertEquals("access denied listing s3://" + BUCKET + "/ios/; " + StoreErrors.permissions(new S3Location(BUCKET, "ios/")), denied.getMessage());
            }
            assertEquals(before, keys(s3), "no refused deploy wrote or deleted anything");
        }
    }

    @Test
    void expiredSessionCredentialsSayToRenewThem() throws Exception {
        System.setProperty("aws.sessionToken", "FwoGZXIvYXdzEXAMPLE");
        try (AwsErrorServer aws = AwsErrorServer.start((method, path) -> AwsErrorServer.Answer.error(400, Map.of(), "ExpiredToken",
                "The provided token has expired.", "<Token-0>FwoGZXIvYXdzEXAMPLE</Token-0>"))) {
            assertOneLine(deploy(aws.endpoint().toString()), "the credentials have expired (ExpiredToken); renew them"
                    + " (e.g. 'aws sso login', or new session credentials) and deploy again");
            assertOnlyListed(aws);
        }
    }

    @Test
    void aBucketInAnotherRegionNamesTheRegion() throws Exception {
        try (AwsErrorServer aws = AwsErrorServer.start((method, path) -> AwsErrorServer.Answer.error(400, Map.of(),
                "AuthorizationHeaderMalformed", "The authorization header is malformed; the region 'us-east-1' is wrong; expecting"
                        + " 'eu-central-1'", "<Region>eu-central-1</Region>"))) {
            assertOneLine(deploy(aws.endpoint().toString()), "bucket '" + BUCKET + "' is in another region (eu-central-1); pass"
                    + " --region eu-central-1 or set AWS_REGION");
            assertOnlyListed(aws);
        }
        try (AwsErrorServer aws = AwsErrorServer.start((method, path) -> AwsErrorServer.Answer.error(301,
                Map.of("x-amz-bucket-region", "ap-southeast-2"), "PermanentRedirect", "The bucket you are attempting to access must be"
                        + " addressed using the specified endpoint. Please send all future requests to this endpoint.",
                "<Endpoint>" + BUCKET + ".s3.ap-southeast-2.amazonaws.com</Endpoint><Bucket>" + BUCKET + "</Bucket>"))) {
            assertOneLine(deploy(aws.endpoint().toString()), "bucket '" + BUCKET + "' is in another region (ap-southeast-2); pass"
                    + " --region ap-southeast-2 or set AWS_REGION");
            assertOnlyListed(aws);
        }
    }

    @Test
    void credentialsThatMayListButNotWriteStopBeforeAnyDeletion() throws Exception {
        try (AwsErrorServer aws = AwsErrorServer.start((method, path) -> method.equals("GET")
                ? AwsErrorServer.emptyListing(BUCKET, "ios/" + ObjectStore.MARKER, "ios/releases/0.9/index.html")
                : AwsErrorServer.Answer.error(403, Map.of(), "AccessDenied", "Access Denied", ""))) {
            Run run = deploy(aws.endpoint().toString());
            assertEquals(Main.FAILED, run.code(), run.out() + run.err());
            assertTrue(run.err().matches("otapress: error: access denied uploading .+ to s3://" + BUCKET + "/ios/; "
                    + java.util.regex.Pattern.quote(StoreErrors.permissions(new S3Location(BUCKET, "ios/"))) + "\n"),
                    run.err());
            assertTrue(aws.requests().stream().noneMatch(r -> r.startsWith("DELETE ")), "nothing deleted: " + aws.requests());
            assertTrue(aws.requests().stream().anyMatch(r -> r.startsWith("PUT ")), aws.requests().toString());
        }
    }

    @Test
    void aProfileThatSignsInThroughSsoOrARoleSaysHowToExportItsSession() throws Exception {
        Path config = Files.writeString(dir.resolve("aws-config"), """
                [profile deployer]
                role_arn = arn:aws:iam::123456789012:role/portal-deploy
                source_profile = base
                [profile base]
                region = eu-west-1
                [profile sso]
                sso_start_url = https://acme.awsapps.com/start
                sso_region = eu-west-1
                sso_account_id = 123456789012
                sso_role_name = PortalDeploy
                """);
        Path credentials = Files.writeString(dir.resolve("aws-credentials"), "[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try (AwsErrorServer aws = AwsErrorServer.start((method, path) -> AwsErrorServer.emptyListing(BUCKET))) {
            for (String profile : List.of("deployer", "sso")) {
                assertOneLine(deploy(aws.endpoint().toString(), "--profile", profile), "profile '" + profile + "' signs in through"
                        + " AWS SSO or a role, which otapress does not do itself; export its session first, e.g. eval \"$(aws"
                        + " configure export-credentials --profile " + profile + " --format env)\", then deploy without --profile");
            }
            assertEquals(List.of(), aws.requests(), "nothing was requested");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    /** The refused deploy made its listing request (once, as 4xx are not retried) and nothing else. */
    private static void assertOnlyListed(AwsErrorServer aws) {
        List<String> requests = aws.requests();
        assertEquals(1, requests.size(), requests.toString());
        assertTrue(requests.get(0).startsWith("GET /" + BUCKET + "?list-type=2"), requests.toString());
    }

    private static List<String> keys(LocalS3 s3) {
        try (S3Client client = s3.client()) {
            return client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
