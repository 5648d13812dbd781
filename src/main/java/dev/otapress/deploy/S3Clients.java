package dev.otapress.deploy;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.time.Duration;

/** The S3 client for a {@link Connection}: the standard credential chain, a lean HTTP client, retries with backoff. */
public final class S3Clients {
    /** Attempts per request: transient network errors and 5xx answers are retried with jittered backoff. */
    static final int ATTEMPTS = 5;

    private S3Clients() {
    }

    /**
     * Whether the SDK refused a profile because it signs in through a module otapress does not ship:
     * STS for role profiles and web identity, SSO for IAM Identity Center. Their sessions can be
     * exported by the AWS CLI instead, which keeps the jar small.
     */
    public static boolean needsSignInModule(IllegalStateException e) {
        return e.getMessage() != null && e.getMessage().contains("service module must be on the class path");
    }

    /** The one line for {@link #needsSignInModule}: how to export the session and deploy with it. */
    public static String signInModuleMessage(String profile) {
        String p = profile == null ? "PROFILE" : profile;
        return (profile == null ? "the AWS profile in use" : "profile '" + profile + "'") + " signs in through AWS SSO or a role,"
                + " which otapress does not do itself; export its session first, e.g. eval \"$(aws configure export-credentials"
                + " --profile " + p + " --format env)\", then deploy without --profile";
    }

    public static S3Client create(Connection c) {
        return builder(c).build();
    }

    /** The configured builder, for a caller that adds to it (tests record the requests). */
    public static S3ClientBuilder builder(Connection c) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .credentialsProvider(c.profile() == null ? DefaultCredentialsProvider.builder().build()
                        : ProfileCredentialsProvider.builder().profileName(c.profile()).build())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(ATTEMPTS)));
        if (c.region() != null) b.region(Region.of(c.region()));
        else if (c.endpoint() != null) b.region(Region.US_EAST_1); // most S3-compatible stores ignore it; R2 wants "auto" or this
        if (c.endpoint() != null) b.endpointOverride(c.endpoint()).forcePathStyle(true);
        // Since 2.30 the SDK sends CRC32 trailers in aws-chunked bodies, which several S3-compatible
        // stores refuse. Every upload and part carries an explicit Content-MD5 instead, which AWS and
        // every S3-compatible store verify, so one rule serves them all.
        b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        return b;
    }
}
