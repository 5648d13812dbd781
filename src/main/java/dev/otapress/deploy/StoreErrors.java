package dev.otapress.deploy;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Locale;

/** Turns what the store or the SDK answered into one line that says what to do. */
final class StoreErrors {
    private StoreErrors() {
    }

    /**
     * @param location the bucket and prefix the request was about
     * @param endpoint the endpoint as the user gave it, or "AWS"
     * @param action   what was being done, e.g. "listing", "uploading releases/1.0/App.ipa to"
     */
    static DeployException translate(SdkException e, S3Location location, String endpoint, String action) {
        String where = location.toString();
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null || s3.awsErrorDetails().errorCode() == null ? ""
                    : s3.awsErrorDetails().errorCode();
            int status = s3.statusCode();
            String region = region(s3);
            return new DeployException(switch (code) {
                case "NoSuchBucket" -> "there is no bucket '" + location.bucket() + "' at " + endpoint
                        + "; create it, or check the bucket name and --endpoint";
                case "AccessDenied", "AllAccessDisabled" -> "access denied " + action + " " + where + "; " + permissions(location);
                case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken" -> "the store refused the credentials ("
                        + code + "); check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or --profile, and that they belong to " + endpoint;
                case "ExpiredToken", "TokenRefreshRequired", "RequestExpired" -> "the credentials have expired (" + code
                        + "); renew them (e.g. 'aws sso login', or new session credentials) and deploy again";
                case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                        "bucket '" + location.bucket() + "' is in another region"
                                + (region == null ? "" : " (" + region + ")") + "; pass --region " + (region == null ? "REGION" : region)
                                + " or set AWS_REGION";
                case "BadDigest", "InvalidDigest" -> "the store rejected " + action + " " + where
                        + " because the bytes it received do not match their Content-MD5 (" + code
                        + "); a file changed while it was uploaded, or the network corrupted it: deploy again";
                default -> status == 301 || status == 307
                        ? "bucket '" + location.bucket() + "' is in another region" + (region == null ? "" : " (" + region + ")")
                        + "; pass --region " + (region == null ? "REGION" : region)
                        : status == 403 ? "access denied " + action + " " + where + " (" + (code.isEmpty() ? "403" : code)
                        + "); check the credentials and the bucket policy"
                        : "the store answered " + status + (code.isEmpty() ? "" : " " + code) + " " + action + " " + where
                        + ": " + firstLine(s3.awsErrorDetails() == null ? s3.getMessage() : s3.awsErrorDetails().errorMessage());
            }, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to load credentials") || lower.contains("profile file contained no credentials")
                || lower.contains("no credentials")) {
            return new DeployException("no credentials found for " + endpoint + "; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                    + " or name a profile of ~/.aws/credentials with --profile", e);
        }
        if (lower.contains("unable to load region") || lower.contains("region must not be")) {
            return new DeployException("no region known for " + where + "; pass --region (e.g. eu-west-1, or auto for R2) or set AWS_REGION", e);
        }
        if (e instanceof SdkClientException) {
            return new DeployException("cannot reach " + endpoint + " " + action + " " + where + " (" + firstLine(rootMessage(e))
                    + "); check --endpoint and the network", e);
        }
        return new DeployException(action + " " + where + " failed: " + firstLine(message), e);
    }

    /** What a deploy needs, for a message about a refusal. */
    static String permissions(S3Location location) {
        return "the credentials need s3:ListBucket on the bucket and s3:GetObject, s3:PutObject, s3:DeleteObject,"
                + " s3:AbortMultipartUpload on " + location + "*";
    }

    /**
     * The bucket's region as S3 names it: the x-amz-bucket-region header (PermanentRedirect), or
     * "expecting 'eu-central-1'" in the message of AuthorizationHeaderMalformed, which carries no header.
     */
    private static String region(S3Exception e) {
        if (e.awsErrorDetails() == null) return null;
        String header = e.awsErrorDetails().sdkHttpResponse() == null ? null
                : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
        if (header != null && header.matches("[a-z0-9-]{1,40}")) return header;
        java.util.regex.Matcher m = EXPECTING.matcher(String.valueOf(e.awsErrorDetails().errorMessage()));
        return m.find() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern EXPECTING = java.util.regex.Pattern.compile("expecting '([a-z0-9-]{1,40})'");

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
