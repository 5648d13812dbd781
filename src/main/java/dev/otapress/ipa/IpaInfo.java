package dev.otapress.ipa;

import dev.otapress.codesign.CodeSignature;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one .ipa file in a single pass.
 *
 * @param file          the .ipa as given
 * @param size          its size in bytes
 * @param sha256        lower-case hex SHA-256 of the whole file
 * @param infoPlistPath the zip entry name of the main Info.plist; the checks name the app's files by it
 * @param infoPlistTime the modification time of that entry (UTC), used when no date is given
 * @param profile       the app's embedded.mobileprovision, or null when it has none (or an
 *                      unreadable one: then a warning says so)
 * @param icon          the app icon as a standard PNG, or null when the .app holds no icon PNG
 * @param extensions    the bundles nested in the app (extensions, frameworks, watch apps, App
 *                      Clips), ordered by their path in the archive
 * @param codeSignature the app's code signature: its seal, signer and team, compared with the
 *                      embedded profile ({@link CodeSignature#NONE} when the app carries none)
 * @param warnings      things worth telling the user that do not stop a build
 */
public record IpaInfo(
        Path file,
        long size,
        String sha256,
        String infoPlistPath,
        Instant infoPlistTime,
        AppInfo app,
        ProvisioningProfile profile,
        Icon icon,
        List<NestedBundle> extensions,
        CodeSignature codeSignature,
        List<String> warnings) {

    public IpaInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(infoPlistPath, "infoPlistPath");
        Objects.requireNonNull(infoPlistTime, "infoPlistTime");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(codeSignature, "codeSignature");
        extensions = List.copyOf(extensions);
        warnings = List.copyOf(warnings);
    }

    /** The same facts, for the same bytes found at another path (a cached read, a copy). */
    public IpaInfo withFile(Path other) {
        return new IpaInfo(other, size, sha256, infoPlistPath, infoPlistTime, app, profile, icon, extensions, codeSignature, warnings);
    }
}
