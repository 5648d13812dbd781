package dev.otapress.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.otapress.Diagnostic;
import dev.otapress.ipa.AppInfo;
import dev.otapress.ipa.DeviceFamily;
import dev.otapress.ipa.NestedBundle;
import dev.otapress.ipa.Icon;
import dev.otapress.ipa.InstallChecks;
import dev.otapress.ipa.IpaException;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import dev.otapress.ipa.ProvisioningProfile;
import dev.otapress.ipa.ProvisioningProfileReader;
import dev.otapress.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code otapress inspect}: shows what otapress reads from .ipa files (and provisioning profiles),
 * as text for people or as JSON for scripts. Exit code 1 when any file could not be read.
 */
@Command(name = "inspect",
        description = {"Shows what otapress reads from .ipa files: app, version, icon, provisioning profile,"
                + " nested bundles and warnings. Also accepts .mobileprovision files."})
public final class InspectCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array with one object per file, in the order given.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".ipa or .mobileprovision files")
    List<Path> files;

    @Spec
    CommandSpec spec;

    private final IpaReader ipaReader = new IpaReader();
    private final ProvisioningProfileReader profileReader = new ProvisioningProfileReader();

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Object> reports = new ArrayList<>();
        boolean failed = false;
        boolean first = true;
        for (Path file : files) {
            try {
                if (isProfile(file)) {
                    ProvisioningProfile profile = profileReader.read(readProfileFile(file));
                    if (json) reports.add(new ProfileReport(file.toString(), profileJson(profile), profile.warnings()));
                    else printProfileFile(out, file, profile, first);
                } else {
                    IpaInfo info = ipaReader.read(file);
                    if (json) reports.add(ipaJson(info));
                    else printIpa(out, info, first);
                }
            } catch (IpaException e) {
                failed = true;
                if (json) reports.add(new ErrorReport(file.toString(), e.getMessage()));
                else new ErrorPrinter(err).print(Diagnostic.error(file, e.getMessage()));
            }
            first = false;
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(reports));
        }
        out.flush();
        return failed ? Main.FAILED : Main.OK;
    }

    private static boolean isProfile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".mobileprovision");
    }

    private static byte[] readProfileFile(Path file) throws IpaException {
        try (InputStream in = Files.newInputStream(file)) {
            // One byte over the cap is enough for the reader to refuse an oversized file.
            return in.readNBytes(ProvisioningProfileReader.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new IpaException("no such file");
        } catch (IOException e) {
            throw new IpaException("cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    // --- JSON: records with a fixed property order, so the output is stable for scripts and diffs.

    @JsonPropertyOrder({"file", "size", "sha256", "bundleIdentifier", "version", "build", "name", "minimumOSVersion",
            "deviceFamilies", "platform", "sdk", "xcode", "icon", "provisioning", "codeSignature", "extensions", "warnings"})
    record IpaReport(String file, long size, String sha256, String bundleIdentifier, String version, String build,
                     String name, String minimumOSVersion, List<String> deviceFamilies, String platform, String sdk,
                     String xcode, IconReport icon, ProfileJson provisioning, SignatureReport codeSignature,
                     List<ExtensionReport> extensions,
                     List<String> warnings) {}

    @JsonPropertyOrder({"source", "width", "height", "cgbi"})
    record IconReport(String source, int width, int height, boolean cgbi) {}

    @JsonPropertyOrder({"type", "name", "teamName", "teamIdentifier", "uuid", "created", "expires", "devices",
            "platforms", "apsEnvironment", "getTaskAllow"})
    record ProfileJson(String type, String name, String teamName, String teamIdentifier, String uuid, String created,
                       String expires, int devices, List<String> platforms, String apsEnvironment, boolean getTaskAllow) {}

    @JsonPropertyOrder({"bundleIdentifier", "type", "name"})
    record ExtensionReport(String bundleIdentifier, String type, String name) {}

    @JsonPropertyOrder({"file", "provisioning", "warnings"})
    record ProfileReport(String file, ProfileJson provisioning, List<String> warnings) {}

    @JsonPropertyOrder({"file", "error"})
    record ErrorReport(String file, String error) {}

    private static IpaReport ipaJson(IpaInfo info) {
        AppInfo app = info.app();
        Icon icon = info.icon();
        return new IpaReport(info.file().toString(), info.size(), info.sha256(), app.bundleIdentifier(), app.version(),
                app.build(), app.name(), app.minimumOSVersion(),
                app.deviceFamilies().stream().map(DeviceFamily::id).toList(), app.platform(), app.sdk(), app.xcode(),
                icon == null ? null : new IconReport(icon.source(), icon.width(), icon.height(), icon.cgbi()),
                info.profile() == null ? null : profileJson(info.profile()), SignatureReport.of(info.codeSignature()),
                info.extensions().stream().map(e -> new ExtensionReport(e.bundleIdentifier(), e.type().id(), e.name())).toList(),
                warnings(info));
    }

    /** The reader's warnings, and what the build's install checks would say about this IPA. */
    private static List<String> warnings(IpaInfo info) {
        List<String> all = new java.util.ArrayList<>(info.warnings());
        InstallChecks.ALL.check(info, Instant.now()).forEach(f -> all.add("the build " + f.message()));
        return all;
    }

    private static ProfileJson profileJson(ProvisioningProfile p) {
        return new ProfileJson(p.type().id(), p.name(), p.teamName(), p.teamIdentifier(), p.uuid(), iso(p.created()),
                iso(p.expires()), p.devices(), p.platforms(), p.apsEnvironment(), p.getTaskAllow());
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    // --- Text for people.

    private static void printIpa(PrintWriter out, IpaInfo info, boolean first) {
        if (!first) out.println();
        AppInfo app = info.app();
        out.println(TerminalText.escape(info.file().toString()));
        line(out, "App", app.name() + " (" + app.bundleIdentifier() + ")");
        line(out, "Version", app.version() + " (build " + app.build() + ")");
        line(out, "Devices", String.join(", ", app.deviceFamilies().stream().map(DeviceFamily::label).toList())
                + (app.minimumOSVersion() == null ? "" : ", iOS " + app.minimumOSVersion() + " or later"));
        if (app.sdk() != null || app.xcode() != null) {
            line(out, "Built with", (app.sdk() == null ? "" : app.sdk()) + (app.xcode() == null ? "" : " (Xcode " + app.xcode() + ")"));
        }
        line(out, "Size", info.size() + " bytes");
        line(out, "SHA-256", info.sha256());
        Icon icon = info.icon();
        line(out, "Icon", icon == null ? "none found (a placeholder is used)"
                : icon.source() + ", " + icon.width() + "x" + icon.height() + (icon.cgbi() ? ", CgBI (converted)" : ""));
        if (info.profile() == null) line(out, "Profile", "none");
        else printProfile(out, info.profile());
        SignatureReport.print(out, info.codeSignature());
        if (info.extensions().isEmpty()) line(out, "Nested", "none");
        for (NestedBundle e : info.extensions()) line(out, "Nested", e.bundleIdentifier() + " (" + e.type().id() + ", " + e.name() + ")");
        for (String w : warnings(info)) out.println("  warning: " + TerminalText.escape(w));
    }

    private static void printProfileFile(PrintWriter out, Path file, ProvisioningProfile profile, boolean first) {
        if (!first) out.println();
        out.println(TerminalText.escape(file.toString()));
        printProfile(out, profile);
        for (String w : profile.warnings()) out.println("  warning: " + TerminalText.escape(w));
    }

    private static void printProfile(PrintWriter out, ProvisioningProfile p) {
        line(out, "Profile", p.type().label() + ": " + p.name());
        line(out, "Team", (p.teamName() == null ? "" : p.teamName() + " ") + "(" + p.teamIdentifier() + ")");
        line(out, "App ID", p.applicationIdentifier());
        line(out, "UUID", p.uuid());
        line(out, "Valid", iso(p.created()) + " to " + iso(p.expires()));
        if (p.type() == ProvisioningProfile.Type.AD_HOC || p.type() == ProvisioningProfile.Type.DEVELOPMENT) {
            line(out, "Devices", String.valueOf(p.devices()));
        }
        if (!p.platforms().isEmpty()) line(out, "Platforms", String.join(", ", p.platforms()));
        if (p.apsEnvironment() != null) line(out, "Push", p.apsEnvironment());
        if (p.getTaskAllow()) line(out, "Debugging", "allowed (get-task-allow)");
        if (!p.certificateExpiries().isEmpty()) line(out, "Certificate", "expires " + iso(p.certificateExpiries().get(0)));
    }

    /** Every value here comes from the archive, which may hold escape sequences meant for the terminal. */
    private static void line(PrintWriter out, String label, String value) {
        out.printf("  %-12s %s%n", label + ":", TerminalText.escape(value));
    }
}
