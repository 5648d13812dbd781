package dev.otapress.ipa;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import dev.otapress.codesign.CodeSignature;
import dev.otapress.codesign.CodeSignatureReader;
import dev.otapress.codesign.SealedFiles;
import dev.otapress.text.TerminalText;
import dev.otapress.text.XmlText;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an .ipa as an untrusted archive: the central directory only (random access, never the
 * whole file in memory), each entry read with a hard cap, and the main app's Info.plist picked by
 * its exact path so that frameworks, extensions and watch apps never stand in for it.
 */
public final class IpaReader {

    /** Info.plist files are a few KB; anything this large is not a real one. */
    static final int MAX_PLIST_BYTES = 8 * 1024 * 1024;
    /** Verifying a seal reads every file (the executable twice): at most this many times the archive, … */
    private static final long EXPANSION_RATIO = 64;
    /** … and at least this much, for small archives of very compressible files. */
    private static final long MIN_EXPANSION_BUDGET = 4L << 30;

    private static final Pattern MAIN_INFO_PLIST = Pattern.compile("^Payload/[^/]+\\.app/Info\\.plist$");
    private static final Pattern WRAPPED_INFO_PLIST = Pattern.compile("^(.+/)Payload/[^/]+\\.app/Info\\.plist$");
    private static final String PROFILE = "embedded.mobileprovision";

    private final ProvisioningProfileReader profileReader = new ProvisioningProfileReader();
    private final IconFinder iconFinder = new IconFinder();
    private final NestedBundles nestedBundles = new NestedBundles();
    private final CodeSignatureReader signatureReader = new CodeSignatureReader();

    /**
     * Reads everything otapress needs from an .ipa: the app's Info.plist, its provisioning
     * profile, its icon and its nested bundles from one opening of the archive, plus one streaming
     * pass for the SHA-256.
     *
     * @throws IpaException when the file is not an installable .ipa, saying what to do about it
     */
    public IpaInfo read(Path ipa) throws IpaException {
        String sha256;
        try {
            sha256 = HashingCopy.hash(ipa);
        } catch (NoSuchFileException e) {
            throw new IpaException("no such file", e);
        } catch (IOException e) {
            throw new IpaException("cannot read the file (" + e.getMessage() + ")", e);
        }
        return read(ipa, ipa, sha256);
    }

    /**
     * Reads an .ipa whose SHA-256 the caller took while copying it: only the central directory
     * and the few entries otapress needs are read, from {@code archive} (the copy).
     *
     * @param reportedAs the file the user knows, named in the result
     */
    public IpaInfo read(Path archive, Path reportedAs, String sha256) throws IpaException {
        long size;
        try {
            size = Files.size(archive);
        } catch (NoSuchFileException e) {
            throw new IpaException("no such file", e);
        } catch (IOException e) {
            throw new IpaException("cannot read the file (" + e.getMessage() + ")", e);
        }
        if (size == 0) throw new IpaException("the file is empty; build and export the .ipa again");

        Contents contents;
        try (ZipFile zip = ZipFile.builder().setPath(archive).setUseUnicodeExtraFields(true).get()) {
            contents = readZip(zip, size);
        } catch (IOException e) {
            throw new IpaException("not a readable zip archive (" + e.getMessage()
                    + "); an .ipa is the zip that Xcode's Export or `xcodebuild -exportArchive` writes", e);
        }
        return new IpaInfo(reportedAs, size, sha256, contents.infoPlistPath(), contents.infoPlistTime(), contents.app(),
                contents.profile(), contents.icon(), contents.extensions(), contents.codeSignature(), contents.warnings());
    }

    /** What the archive holds; the file-level facts (size, hash) are added by the caller. */
    private record Contents(String infoPlistPath, Instant infoPlistTime, AppInfo app, ProvisioningProfile profile,
                            Icon icon, List<NestedBundle> extensions, CodeSignature codeSignature, List<String> warnings) {}

    private Contents readZip(ZipFile zip, long size) throws IOException, IpaException {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        List<ZipArchiveEntry> mains = new ArrayList<>();
        String wrappedPrefix = null;
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName();
            if (MAIN_INFO_PLIST.matcher(name).matches()) {
                mains.add(entry);
            } else if (wrappedPrefix == null) {
                var m = WRAPPED_INFO_PLIST.matcher(name);
                if (m.matches() && !name.startsWith("__MACOSX/") && !isNestedBundle(m.group(1))) wrappedPrefix = m.group(1);
            }
        }
        if (mains.isEmpty()) {
            if (wrappedPrefix != null) {
                throw new IpaException("Payload/ is inside the folder '" + wrappedPrefix
                        + "' instead of at the top of the zip, so iOS cannot install it; re-zip from inside that folder"
                        + " (cd into it, then `zip -qry ../App.ipa Payload`)");
            }
            throw new IpaException("no app inside: an .ipa holds Payload/<Name>.app/Info.plist at the top of the zip;"
                    + " export the build again (Xcode › Organizer › Distribute App › Enterprise or Ad Hoc)");
        }
        if (mains.size() > 1) {
            List<String> names = mains.stream().map(ZipArchiveEntry::getName).sorted().toList();
            throw new IpaException("more than one app in Payload/ (" + String.join(", ", names)
                    + "); an .ipa holds exactly one app: export it again");
        }
        ZipArchiveEntry main = mains.get(0);
        String appFolder = main.getName().substring(0, main.getName().length() - "Info.plist".length());
        NSDictionary plist = parseDictionary(readEntry(zip, main, MAX_PLIST_BYTES), main.getName());
        List<String> warnings = new ArrayList<>();
        AppInfo app = appInfo(plist, main.getName(), warnings);

        ZipBundleFiles files = new ZipBundleFiles(zip, entries, appFolder);
        ProvisioningProfile profile = profile(files, appFolder, app, warnings);
        Icon icon = iconFinder.find(plist, files, appFolder, warnings);
        List<NestedBundle> extensions = nestedBundles.find(files, appFolder, warnings);
        CodeSignature signature = codeSignature(files, profile, size);
        return new Contents(main.getName(), entryTime(main), app, profile, icon, extensions, signature, warnings);
    }

    private ProvisioningProfile profile(BundleFiles files, String appFolder, AppInfo app, List<String> warnings)
            throws IOException {
        String path = appFolder + PROFILE;
        // Whether a missing, foreign or App Store profile stops a build is InstallChecks' call.
        if (!files.names().contains(PROFILE)) return null;
        ProvisioningProfile profile;
        try {
            profile = profileReader.read(files.read(PROFILE, ProvisioningProfileReader.MAX_BYTES));
        } catch (IpaException e) {
            warnings.add(path + ": " + e.getMessage());
            return null;
        }
        profile.warnings().forEach(w -> warnings.add(path + ": " + w));
        return profile;
    }

    /**
     * The seal of the app, compared with its profile. A read error inside the archive (a damaged
     * entry) breaks the seal like any other change: the phone could not read that file either.
     */
    private CodeSignature codeSignature(ZipBundleFiles files, ProvisioningProfile profile, long archiveSize) {
        // Real apps inflate a few times over; a sealed zip bomb inflates a thousandfold.
        long maxExpandedBytes = Math.max(MIN_EXPANSION_BUDGET, EXPANSION_RATIO * archiveSize);
        CodeSignature signature;
        try {
            signature = signatureReader.read(files, maxExpandedBytes);
        } catch (IOException e) {
            signature = new CodeSignature(CodeSignature.Status.INVALID, List.of("cannot read " + e.getMessage()),
                    null, null, null, null, null);
        }
        if (profile == null) return signature;
        return signature.againstProfile(java.util.Set.copyOf(profile.certificates()), profile.teamIdentifier(),
                profile.applicationIdentifier());
    }

    /** The main app folder's files, read from the already open archive. */
    private static final class ZipBundleFiles implements BundleFiles, SealedFiles {
        private final ZipFile zip;
        private final String appFolder;
        private final Map<String, ZipArchiveEntry> byName = new LinkedHashMap<>();

        ZipBundleFiles(ZipFile zip, List<ZipArchiveEntry> entries, String appFolder) {
            this.zip = zip;
            this.appFolder = appFolder;
            for (ZipArchiveEntry e : entries) {
                String name = e.getName();
                if (!e.isDirectory() && name.startsWith(appFolder) && name.length() > appFolder.length()) {
                    byName.putIfAbsent(name.substring(appFolder.length()), e);
                }
            }
        }

        @Override
        public List<String> names() {
            return List.copyOf(byName.keySet());
        }

        @Override
        public byte[] head(String name, int bytes) throws IOException {
            ZipArchiveEntry entry = byName.get(name);
            if (entry == null) throw new IOException("no entry " + appFolder + name);
            try (InputStream in = IpaReader.open(zip, entry)) {
                return in.readNBytes(bytes);
            }
        }

        @Override
        public InputStream open(String name) throws IOException {
            ZipArchiveEntry entry = byName.get(name);
            if (entry == null) throw new IOException("no entry " + appFolder + name);
            return IpaReader.open(zip, entry);
        }

        @Override
        public boolean isSymlink(String name) {
            ZipArchiveEntry entry = byName.get(name);
            return entry != null && entry.isUnixSymlink();
        }

        @Override
        public long sizeHint(String name) {
            ZipArchiveEntry entry = byName.get(name);
            return entry == null ? -1 : entry.getSize();
        }

        @Override
        public byte[] read(String name, int cap) throws IOException, IpaException {
            ZipArchiveEntry entry = byName.get(name);
            if (entry == null) throw new IOException("no entry " + appFolder + name);
            return readEntry(zip, entry, cap);
        }
    }

    private static boolean isNestedBundle(String prefix) {
        return prefix.contains(".app/") || prefix.contains(".appex/") || prefix.contains(".framework/");
    }

    static AppInfo appInfo(NSDictionary plist, String entryName, List<String> warnings) throws IpaException {
        String id = Plists.text(plist, "CFBundleIdentifier");
        if (id == null) {
            throw new IpaException(entryName + " has no CFBundleIdentifier; set PRODUCT_BUNDLE_IDENTIFIER in the target and build again");
        }
        // Apple allows only these characters, and the portal uses the identifier in paths.
        if (!id.matches("[A-Za-z0-9.-]{1,255}") || id.startsWith(".") || id.contains("..")) {
            throw new IpaException(entryName + " has the CFBundleIdentifier '" + id + "', which is not a valid"
                    + " bundle identifier (letters, digits, '-' and '.' only); fix PRODUCT_BUNDLE_IDENTIFIER and build again");
        }
        String shortVersion = Plists.text(plist, "CFBundleShortVersionString");
        String bundleVersion = Plists.text(plist, "CFBundleVersion");
        String version;
        if (shortVersion != null) {
            version = shortVersion;
        } else if (bundleVersion != null) {
            version = bundleVersion;
            warnings.add(entryName + " has no CFBundleShortVersionString; using CFBundleVersion " + version
                    + " as the version (set MARKETING_VERSION in the target)");
        } else {
            throw new IpaException(entryName + " has neither CFBundleShortVersionString nor CFBundleVersion;"
                    + " set MARKETING_VERSION and CURRENT_PROJECT_VERSION in the target and build again");
        }
        String build = bundleVersion == null ? version : bundleVersion;
        requirePrintable(entryName, "CFBundleShortVersionString", version, "MARKETING_VERSION");
        requirePrintable(entryName, "CFBundleVersion", build, "CURRENT_PROJECT_VERSION");
        String name = Plists.firstText(plist, "CFBundleDisplayName", "CFBundleName", "CFBundleExecutable");
        return new AppInfo(id, version, build, name == null ? id : name, Plists.text(plist, "MinimumOSVersion"),
                deviceFamilies(plist), Plists.text(plist, "DTPlatformName"), Plists.text(plist, "DTSDKName"),
                Plists.text(plist, "DTXcode"));
    }

    /**
     * The manifest must repeat the version exactly, or iOS discards the download; a control
     * character cannot be written into XML, so such a version is refused rather than altered.
     */
    private static void requirePrintable(String entryName, String key, String value, String setting) throws IpaException {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c) || !XmlText.allowed(c)) {
                throw new IpaException(entryName + " has a " + key + " with the character U+"
                        + String.format("%04X", c) + " ('" + TerminalText.escape(value) + "'), which a manifest cannot"
                        + " carry; set " + setting + " to plain text and build again");
            }
        }
    }

    private static List<DeviceFamily> deviceFamilies(NSDictionary plist) {
        NSObject value = plist.get("UIDeviceFamily");
        List<NSObject> codes = new ArrayList<>();
        if (value instanceof NSArray array) codes.addAll(List.of(array.getArray()));
        else if (value != null) codes.add(value);
        List<DeviceFamily> families = new ArrayList<>();
        for (NSObject code : codes) {
            Integer n = null;
            if (code instanceof NSNumber number) n = number.intValue();
            else if (code instanceof NSString s && s.getContent().strip().matches("\\d{1,3}")) n = Integer.parseInt(s.getContent().strip());
            DeviceFamily family = n == null ? null : DeviceFamily.ofCode(n);
            if (family != null && !families.contains(family)) families.add(family);
        }
        // An app without UIDeviceFamily is an iPhone app (Xcode's default), which iPads run too.
        if (families.isEmpty()) families.add(DeviceFamily.IPHONE);
        families.sort(null);
        return families;
    }

    static NSDictionary parseDictionary(byte[] bytes, String entryName) throws IpaException {
        NSObject root;
        try {
            root = PlistParser.parse(bytes);
        } catch (StackOverflowError e) {
            throw new IpaException(entryName + " is nested too deeply to be a real property list");
        } catch (Exception e) {
            throw new IpaException(entryName + " is not a valid property list (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); Xcode never writes such a file:"
                    + " export the build again");
        }
        if (!(root instanceof NSDictionary dict)) {
            throw new IpaException(entryName + " is a property list but not a dictionary");
        }
        return dict;
    }

    /**
     * Opens an entry stored or deflated, the only methods Xcode writes and iOS reads. Others
     * (zstd, bzip2, …) are refused before Commons Compress looks for an optional codec library.
     */
    static InputStream open(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        int method = entry.getMethod();
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            throw new IOException(entry.getName() + " uses compression method " + method
                    + ", which iOS cannot install from; only stored and deflated entries are valid in an .ipa");
        }
        return zip.getInputStream(entry);
    }

    /**
     * Reads one entry, trusting neither its declared size nor its compression ratio: reading stops
     * at the cap whatever the headers say.
     */
    static byte[] readEntry(ZipFile zip, ZipArchiveEntry entry, int cap) throws IOException, IpaException {
        if (entry.getSize() > cap) {
            throw new IpaException(entry.getName() + " is " + entry.getSize() + " bytes, more than the "
                    + cap + " allowed for it");
        }
        try (InputStream in = open(zip, entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(entry.getSize(), 64 * 1024)));
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > cap) {
                    throw new IpaException(entry.getName() + " expands to more than " + cap
                            + " bytes; the archive is damaged or hostile");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * The entry's time in UTC. The extended-timestamp field is UTC already; a plain DOS time has no
     * zone, and reading it as UTC (not as this machine's zone) keeps builds identical everywhere.
     */
    static Instant entryTime(ZipArchiveEntry entry) {
        if (entry.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) instanceof X5455_ExtendedTimestamp ts
                && ts.isBit0_modifyTimePresent() && ts.getModifyJavaTime() != null) {
            return ts.getModifyJavaTime().toInstant();
        }
        long local = entry.getTime();
        if (local <= 0) return Instant.EPOCH;
        LocalDateTime fields = LocalDateTime.ofInstant(Instant.ofEpochMilli(local), ZoneId.systemDefault());
        return fields.toInstant(ZoneOffset.UTC);
    }
}
