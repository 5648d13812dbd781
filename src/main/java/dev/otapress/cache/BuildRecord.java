package dev.otapress.cache;

import dev.otapress.BuildSummary;
import dev.otapress.Diagnostic;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the last successful build into one output folder started from and left behind: the stamps
 * of its inputs (taken before it read any) and of its output (taken after the swap), until when the
 * clock-dependent verdicts it printed hold, and its summary. Kept in the cache folder, one file per
 * output folder; a damaged or foreign file is never trusted.
 *
 * @param key             the request, otapress's code and the runtime, as {@code UpToDate} spells them
 * @param builtAt         the moment the build decided its verdicts at
 * @param unchangedBefore the first moment a verdict may change, or null when none ever will
 * @param inputs          {@link TreeStamp} of site.yaml, content/ and the theme folders
 * @param outputs         {@link TreeStamp} of the output folders after the build
 */
public record BuildRecord(String key, Instant builtAt, Instant unchangedBefore, TreeStamp inputs, TreeStamp outputs,
                          BuildSummary summary) {
    /** Bump when what a record holds or means changes. */
    private static final String MAGIC = "otapress build record 2\n";
    /** Output folders a site is built into at once (public/, a staging one, a preview): more than enough. */
    static final int KEPT = 8;

    public BuildRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(builtAt, "builtAt");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(summary, "summary");
    }

    /** Where the record of builds of {@code siteDir} into {@code outDir} is kept. */
    public static Path file(Path siteDir, Path outDir) {
        return siteDir.resolve(IpaCache.FOLDER).resolve("builds")
                .resolve(IpaCache.sha256(outDir.toAbsolutePath().normalize().toString()) + ".bin");
    }

    /**
     * The record in {@code file}, or null when there is none.
     *
     * @throws IOException when it cannot be read or is damaged or foreign (the message says which)
     */
    public static BuildRecord read(Path file) throws IOException {
        return SealedFile.read(file, MAGIC, BuildRecord::read);
    }

    /** Writes the record; of the records of a site's output folders, only the {@link #KEPT} newest stay. */
    public void write(Path file) throws IOException {
        SealedFile.write(file, MAGIC, this::write);
        SealedFile.keepNewest(file.getParent(), KEPT);
    }

    private void write(DataOutputStream out) throws IOException {
        RecordCodec.string(out, key);
        instant(out, builtAt);
        out.writeBoolean(unchangedBefore != null);
        if (unchangedBefore != null) instant(out, unchangedBefore);
        bytes(out, inputs.bytes());
        bytes(out, outputs.bytes());
        BuildSummary s = summary;
        out.writeInt(s.releases());
        out.writeInt(s.apps());
        out.writeInt(s.files());
        out.writeLong(s.bytes());
        out.writeInt(s.skippedDrafts());
        out.writeInt(s.iconFiles());
        out.writeInt(s.iconScalings());
        out.writeInt(s.warnings().size());
        for (Diagnostic d : s.warnings()) {
            out.writeBoolean(d.file() != null);
            if (d.file() != null) RecordCodec.string(out, d.file().toString());
            out.writeInt(d.line());
            out.writeBoolean(d.isError());
            RecordCodec.string(out, d.message());
        }
        out.writeInt(s.listing().size());
        for (BuildSummary.Listed r : s.listing()) {
            RecordCodec.string(out, r.sitePath());
            RecordCodec.string(out, r.bundleIdentifier());
            RecordCodec.string(out, r.version());
            RecordCodec.string(out, r.build());
        }
    }

    private static BuildRecord read(DataInputStream in) throws IOException {
        try {
            String key = RecordCodec.string(in);
            Instant builtAt = instant(in);
            Instant unchangedBefore = in.readBoolean() ? instant(in) : null;
            TreeStamp inputs = TreeStamp.of(RecordCodec.bytes(in));
            TreeStamp outputs = TreeStamp.of(RecordCodec.bytes(in));
            int releases = in.readInt();
            int apps = in.readInt();
            int files = in.readInt();
            long bytes = in.readLong();
            int drafts = in.readInt();
            int iconFiles = in.readInt();
            int iconScalings = in.readInt();
            int warningCount = RecordCodec.count(in);
            List<Diagnostic> warnings = new ArrayList<>(warningCount);
            for (int i = 0; i < warningCount; i++) {
                Path file = in.readBoolean() ? Path.of(RecordCodec.string(in)) : null;
                int line = in.readInt();
                Diagnostic.Severity severity = in.readBoolean() ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
                warnings.add(new Diagnostic(file, line, severity, RecordCodec.string(in)));
            }
            int listed = RecordCodec.count(in);
            List<BuildSummary.Listed> listing = new ArrayList<>(listed);
            for (int i = 0; i < listed; i++) {
                listing.add(new BuildSummary.Listed(RecordCodec.string(in), RecordCodec.string(in), RecordCodec.string(in),
                        RecordCodec.string(in)));
            }
            return new BuildRecord(key, builtAt, unchangedBefore, inputs, outputs,
                    new BuildSummary(releases, apps, files, bytes, drafts, warnings, iconFiles, iconScalings, listing));
        } catch (RuntimeException e) {
            // Sealed, so only a record written by other code gets here; it is foreign all the same.
            throw new IOException("it does not hold a build record: " + e.getMessage(), e);
        }
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
