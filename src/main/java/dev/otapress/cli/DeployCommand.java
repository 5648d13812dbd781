package dev.otapress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.config.SiteConfig;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.deploy.Connection;
import dev.otapress.deploy.DeployException;
import dev.otapress.deploy.DeployListener;
import dev.otapress.deploy.DeployReport;
import dev.otapress.deploy.Deployer;
import dev.otapress.deploy.LocalObject;
import dev.otapress.deploy.ObjectStore;
import dev.otapress.deploy.S3Clients;
import dev.otapress.deploy.S3Location;
import dev.otapress.deploy.StorePlan;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code otapress deploy s3://BUCKET/PREFIX}: publishes the built portal to S3-compatible storage. */
@Command(name = "deploy",
        description = {"Publishes the portal to S3 or S3-compatible storage (R2, MinIO, …): builds it, uploads what changed"
                + " with the right Content-Type and Cache-Control, in an order that never breaks a published link, then"
                + " deletes what the portal no longer has.",
                "Credentials come from the standard AWS chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, --profile, or an instance role."})
final class DeployCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOption site;

    @Parameters(index = "0", paramLabel = "s3://BUCKET/PREFIX", description = "Where the portal goes: a bucket and an optional key prefix.")
    String target;

    @Mixin
    OutputOption output;

    @Option(names = "--no-build", description = "Publish the output folder as it is, without building first.")
    boolean noBuild;

    @Option(names = "--downloads", paramLabel = "s3://BUCKET/PREFIX",
            description = "Where the .ipa files and icons go when site.yaml sets downloads_base_url: a second bucket or prefix.")
    String downloads;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "An S3-compatible endpoint, e.g. https://ACCOUNT.r2.cloudflarestorage.com (default: AWS). http:// only on loopback.")
    String endpoint;

    @Option(names = "--region", paramLabel = "R", description = "The bucket's region, e.g. eu-west-1, or auto for R2 (default: AWS_REGION or the profile's).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "A named profile of ~/.aws/credentials and ~/.aws/config.")
    String profile;

    @Option(names = "--dry-run", description = "Say what would be uploaded and deleted, and change nothing.")
    boolean dryRun;

    @Option(names = "--delete", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Delete objects under the prefix that the portal no longer has, after everything else (default: on).")
    boolean delete;

    @Option(names = "--json", description = "Print the result as one JSON object (uploaded, unchanged, deleted, bytes, url).")
    boolean json;

    @Option(names = "--check", description = "Run 'otapress check' against base_url after the deploy.")
    boolean check;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "With --check: also trust the CA certificates in this PEM file.")
    Path caFile;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Files (and parts of a large file) uploaded at once (default: 4).")
    int threads;

    @Option(names = "--part-size", paramLabel = "MiB", defaultValue = "16", description = "Files larger than this upload in parts of this size, in MiB (default: 16, at least 5).")
    int partSizeMib;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ErrorPrinter errors = new ErrorPrinter(spec.commandLine().getErr());
        S3Location pagesAt = location(target, "s3://BUCKET/PREFIX");
        S3Location downloadsAt = downloads == null ? null : location(downloads, "--downloads");
        Connection connection = connection();
        if (threads < 1 || threads > 64) throw usage("--threads must be between 1 and 64");
        if (partSizeMib < 5 || partSizeMib > 5 * 1024) throw usage("--part-size must be between 5 and 5120 MiB (S3's limits for a part)");

        Path siteDir = site.dir();
        BuildRequest request = BuildRequest.of(siteDir, output.dir(), null, null, false);
        SiteConfig config;
        try {
            if (noBuild) {
                if (!Files.isDirectory(request.outDir())) {
                    throw new CliError(ErrorPrinter.display(request.outDir()) + " does not exist; build first, or deploy without --no-build");
                }
                config = new SiteConfigLoader().load(siteDir, null);
            } else {
                BuildResult built = new SiteBuilder().build(request);
                errors.print(built.warnings());
                config = built.site().config();
            }
        } catch (BuildException e) {
            errors.print(e.diagnostics());
            long count = e.diagnostics().stream().filter(Diagnostic::isError).count();
            errors.hint(String.format(Locale.ROOT, "Build failed with %d error%s; nothing was deployed.", count, count == 1 ? "" : "s"));
            return Main.FAILED;
        }
        if (config.downloadsBaseUrl() != null && downloadsAt == null) {
            throw new CliError("site.yaml sets downloads_base_url (" + config.downloadsBaseUrl() + "), so the .ipa files and icons"
                    + " need their own place: add --downloads s3://BUCKET/PREFIX for the bucket behind that host");
        }
        if (config.downloadsBaseUrl() == null && downloadsAt != null) {
            throw new CliError("--downloads needs downloads_base_url in site.yaml, the https address that bucket is served from,"
                    + " or the pages would link the .ipa files where they are not");
        }

        String endpointName = connection.endpoint() == null ? "AWS S3" : connection.endpoint().toString();
        boolean terminal = !json && System.console() != null;
        DeployProgress progress = terminal ? new DeployProgress(stdout) : null;
        DeployListener listener = progress != null ? progress : DeployListener.NONE;
        Deployer.Options options = new Deployer.Options(dryRun, delete, threads, partSizeMib * 1024L * 1024L);
        DeployReport report;
        try (S3Client s3 = S3Clients.create(connection)) {
            ObjectStore pages = new ObjectStore(s3, pagesAt, endpointName);
            ObjectStore binaries = downloadsAt == null ? null : new ObjectStore(s3, downloadsAt, endpointName);
            report = new Deployer(options, listener).deploy(request.outDir(), pages, binaries);
        } catch (IllegalStateException e) {
            // The SDK's way of saying that a profile needs a sign-in module (SSO, STS) that otapress does not ship.
            if (!S3Clients.needsSignInModule(e)) throw e;
            if (progress != null) progress.finish();
            errors.error(S3Clients.signInModuleMessage(profile));
            if (common.verbose()) e.printStackTrace(spec.commandLine().getErr());
            return Main.FAILED;
        } catch (DeployException e) {
            if (progress != null) progress.finish();
            errors.error(e.getMessage());
            if (common.verbose() && e.getCause() != null) e.getCause().printStackTrace(spec.commandLine().getErr());
            return Main.FAILED;
        }
        if (progress != null) progress.finish();

        if (json) stdout.println(json(report, config, pagesAt, downloadsAt));
        else print(stdout, report, config, pagesAt);
        stdout.flush();
        if (check && !dryRun) {
            // The check reads the same site.yaml, so it also requests the download host.
            List<String> args = new ArrayList<>(List.of("check", "--site", siteDir.toString()));
            if (caFile != null) args.addAll(List.of("--ca-file", caFile.toString()));
            return Main.run(args.toArray(String[]::new), stdout, spec.commandLine().getErr());
        }
        return Main.OK;
    }

    private void print(PrintWriter stdout, DeployReport r, SiteConfig config, S3Location at) {
        if (r.dryRun()) {
            for (StorePlan s : r.plan().stores()) {
                for (LocalObject f : s.uploads()) stdout.println("upload " + s.store().location() + f.sitePath());
                for (String key : s.deletions()) stdout.println((delete ? "delete s3://" : "keep s3://") + s.store().location().bucket() + "/" + key);
            }
            stdout.printf(Locale.ROOT, "Dry run: would upload %d file%s (%s), %d unchanged, %s %d; nothing was changed%n",
                    r.plan().uploads(), r.plan().uploads() == 1 ? "" : "s", BuildCommand.megabytes(r.plan().uploadBytes()), r.unchanged(),
                    delete ? "would delete" : "would keep", r.plan().deletions());
            return;
        }
        if (r.uploaded() == 0 && r.deleted() == 0) {
            stdout.printf(Locale.ROOT, "Nothing to upload: all %d files are unchanged at %s%n", r.unchanged(), at);
        } else {
            stdout.printf(Locale.ROOT, "Deployed to %s: %d uploaded (%s), %d unchanged, %d deleted%s%n", at, r.uploaded(),
                    BuildCommand.megabytes(r.bytes()), r.unchanged(), r.deleted(),
                    r.kept() > 0 ? ", " + r.kept() + " no longer published kept (--no-delete)" : "");
        }
        if (!check) stdout.println("Check it as a phone will: otapress check " + config.baseUrl());
    }

    private static String json(DeployReport r, SiteConfig config, S3Location at, S3Location downloadsAt) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("dryRun", r.dryRun());
        o.put("target", at.toString());
        if (downloadsAt != null) o.put("downloads", downloadsAt.toString());
        o.put("uploaded", r.dryRun() ? r.plan().uploads() : r.uploaded());
        o.put("unchanged", r.unchanged());
        o.put("deleted", r.dryRun() ? 0 : r.deleted());
        o.put("kept", r.kept());
        o.put("toDelete", r.dryRun() && r.kept() == 0 ? r.plan().deletions() : 0);
        o.put("bytes", r.dryRun() ? r.plan().uploadBytes() : r.bytes());
        o.put("url", config.baseUrl().toString());
        if (config.downloadsBaseUrl() != null) o.put("downloadsUrl", config.downloadsBaseUrl().toString());
        return o.toString();
    }

    private S3Location location(String text, String what) {
        try {
            return S3Location.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(what + ": " + e.getMessage());
        }
    }

    private Connection connection() {
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = new URI(endpoint.strip());
            } catch (URISyntaxException e) {
                throw usage("--endpoint is not a URL: " + e.getMessage());
            }
        }
        try {
            return new Connection(uri, region, profile);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
