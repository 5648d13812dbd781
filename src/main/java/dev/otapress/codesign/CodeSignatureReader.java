package dev.otapress.codesign;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Verifies an app's code signature the way the phone does before it installs: the main
 * executable's CodeDirectories against Info.plist, CodeResources, the signature's own blobs and
 * every code page; CodeResources against every file of the bundle (nested code by cdhash,
 * verified in turn); and the CMS signature over the CodeDirectory. Everything is streamed: a
 * file is hashed as it is read, so memory does not grow with the app.
 */
public final class CodeSignatureReader {

    static final String CODE_RESOURCES = "_CodeSignature/CodeResources";
    private static final int MAX_PLIST = 8 * 1024 * 1024;
    private static final int MAX_CODE_RESOURCES = 64 * 1024 * 1024;
    /** App › framework › its nested code: deeper nesting is not something Xcode builds. */
    private static final int MAX_DEPTH = 3;
    /** Bytes of pattern matching per path; real rules need a few hundred. */
    private static final int MATCH_BUDGET = 1_000_000;
    private static final int BUFFER = 64 * 1024;
    private static final Pattern NESTED_SEAL = Pattern.compile(
            "^((?:PlugIns|Frameworks|SharedFrameworks|Extensions|Watch|AppClips)/[^/]+\\.(?:appex|framework|app))/_CodeSignature/CodeResources$");

    /** Reads the seal and signer of the bundle whose files these are (the main .app folder). */
    public CodeSignature read(SealedFiles app) throws IOException {
        return read(app, Long.MAX_VALUE);
    }

    /**
     * Reads the seal, reading at most {@code maxExpandedBytes} out of the archive in all (every
     * file and pass counted); beyond that, the seal is broken with the reason.
     */
    public CodeSignature read(SealedFiles app, long maxExpandedBytes) throws IOException {
        Bundle main;
        try {
            main = verify(new ExpansionBudget(app, maxExpandedBytes), 0);
        } catch (ExpansionBudget.Exceeded e) {
            return new CodeSignature(CodeSignature.Status.INVALID, List.of(e.getMessage()), null, null, null, null, null);
        }
        if (main == null) return CodeSignature.NONE;
        CodeSignature.Status status = main.problems.isEmpty() ? CodeSignature.Status.VALID : CodeSignature.Status.INVALID;
        return new CodeSignature(status, List.copyOf(main.problems), format(main.slices), signer(main.slices),
                entitlementsTeam(main.slices), null, null);
    }

    /** One bundle's findings; null from {@link #verify} when the bundle carries no signature at all. */
    private record Bundle(SortedSet<String> problems, List<MachO.Slice> slices) {
    }

    private Bundle verify(SealedFiles files, int depth) throws IOException {
        Set<String> names = new HashSet<>(files.names());
        byte[] info = names.contains("Info.plist") ? readCapped(files, "Info.plist", MAX_PLIST) : null;
        byte[] resources = names.contains(CODE_RESOURCES) ? readCapped(files, CODE_RESOURCES, MAX_CODE_RESOURCES) : null;
        String exe = executable(info);
        boolean exePresent = exe != null && names.contains(exe);
        List<MachO.Slice> slices = List.of();
        String damaged = null;
        if (exePresent) {
            try (Seeker s = new Seeker(() -> files.open(exe))) {
                slices = MachO.read(s);
            } catch (MalformedSignatureException e) {
                damaged = e.getMessage();
            }
        }
        List<MachO.Slice> signed = slices.stream().filter(s -> s.signature() != null).toList();
        // Test tools and simulator builds carry neither: that is "unsigned", not a broken seal.
        if (resources == null && signed.isEmpty()) return null;

        SortedSet<String> problems = new TreeSet<>();
        if (resources == null) problems.add("missing " + CODE_RESOURCES);
        if (!exePresent) problems.add("main executable missing");
        else if (damaged != null) problems.add("the executable's code signature is damaged (" + damaged + ")");
        else if (signed.isEmpty()) problems.add("the executable has no code signature");
        for (MachO.Slice slice : signed) {
            for (CodeDirectory cd : slice.signature().codeDirectories()) specialSlots(cd, slice.signature(), info, resources, problems);
        }
        if (!signed.isEmpty()) {
            try (Seeker s = new Seeker(() -> files.open(exe))) {
                for (int page : CodePages.firstMismatches(s, signed)) {
                    problems.add("code page " + page + " of the executable does not match the code directory");
                }
            } catch (MalformedSignatureException e) {
                problems.add("the executable's code signature is damaged (" + e.getMessage() + ")");
            }
        }
        Set<String> verifiedNested = new HashSet<>();
        if (resources != null) {
            try {
                sealedFiles(files, names, exe, CodeResources.parse(resources), depth, problems, verifiedNested);
            } catch (MalformedSignatureException | BoundedText.BudgetExceeded e) {
                problems.add(CODE_RESOURCES + " is damaged (" + e.getMessage() + ")");
            }
        }
        nestedBundles(files, names, depth, verifiedNested, problems);
        return new Bundle(problems, signed);
    }

    /**
     * Nested bundles that the parent seals file by file (older signatures, and Flutter's
     * frameworks) still carry a seal of their own, which the phone verifies as well.
     */
    private void nestedBundles(SealedFiles files, Set<String> names, int depth, Set<String> done, Set<String> problems)
            throws IOException {
        if (depth + 1 > MAX_DEPTH) return;
        Set<String> folders = new java.util.TreeSet<>();
        for (String name : names) {
            var m = NESTED_SEAL.matcher(name);
            if (m.matches() && !done.contains(m.group(1))) folders.add(m.group(1));
        }
        for (String folder : folders) {
            Bundle inner = verify(files.under(folder + "/"), depth + 1);
            if (inner != null) for (String p : inner.problems) problems.add(folder + ": " + p);
        }
    }

    private static void specialSlots(CodeDirectory cd, SuperBlob sig, byte[] info, byte[] resources, Set<String> problems) {
        byte[] infoSlot = cd.special(CodeDirectory.INFO_PLIST);
        if (infoSlot != null && (info == null || !Arrays.equals(infoSlot, cd.hashType().hash(info)))) {
            problems.add("Info.plist does not match the code directory");
        }
        byte[] resourceSlot = cd.special(CodeDirectory.RESOURCES);
        if (resourceSlot == null && resources != null) {
            problems.add("CodeResources is not sealed by the code directory");
        } else if (resourceSlot != null && resources != null && !Arrays.equals(resourceSlot, cd.hashType().hash(resources))) {
            problems.add("CodeResources does not match the code directory");
        }
        for (int slot : new int[] {CodeDirectory.REQUIREMENTS, CodeDirectory.ENTITLEMENTS, CodeDirectory.DER_ENTITLEMENTS}) {
            byte[] want = cd.special(slot);
            byte[] blob = sig.specialBlob(slot);
            if (want != null && (blob == null || !Arrays.equals(want, cd.hashType().hash(blob)))) {
                problems.add("the signature's " + switch (slot) {
                    case CodeDirectory.REQUIREMENTS -> "requirements";
                    case CodeDirectory.ENTITLEMENTS -> "entitlements";
                    default -> "DER entitlements";
                } + " do not match the code directory");
            }
        }
    }

    private void sealedFiles(SealedFiles files, Set<String> names, String exe, CodeResources seal, int depth,
                             Set<String> problems, Set<String> verifiedNested) throws IOException {
        List<String> nested = new ArrayList<>();
        for (var e : seal.files().entrySet()) {
            String path = e.getKey();
            CodeResources.Sealed sealed = e.getValue();
            if (sealed.symlink()) continue;
            if (sealed.nested()) {
                nested.add(path + "/");
                verifiedNested.add(path);
                nestedCode(files, names, path, sealed, depth, problems);
                continue;
            }
            if (!names.contains(path)) {
                if (!sealed.optional()) problems.add("missing " + path);
                continue;
            }
            if (sealed.sha256() != null) {
                if (!Arrays.equals(sealed.sha256(), hash(files, path, HashType.SHA256))) problems.add("changed " + path);
            } else if (sealed.sha1() != null) {
                if (!Arrays.equals(sealed.sha1(), hash(files, path, HashType.SHA1))) problems.add("changed " + path);
            }
        }
        for (String name : files.names()) {
            if (seal.files().containsKey(name) || name.equals(exe) || name.equals("Info.plist")
                    || name.startsWith("_CodeSignature/") || nested.stream().anyMatch(name::startsWith) || omitted(seal, name)) {
                continue;
            }
            problems.add("added " + name);
        }
    }

    private static boolean omitted(CodeResources seal, String name) {
        for (Pattern p : seal.omitted()) {
            if (p.matcher(new BoundedText(name, MATCH_BUDGET)).find()) return true;
        }
        return false;
    }

    /** Nested code is sealed by its cdhash: a signed dylib, or a bundle whose own seal is verified too. */
    private void nestedCode(SealedFiles files, Set<String> names, String path, CodeResources.Sealed sealed, int depth,
                            Set<String> problems) throws IOException {
        List<MachO.Slice> slices;
        if (names.contains(path)) {
            try (Seeker s = new Seeker(() -> files.open(path))) {
                slices = MachO.read(s);
            } catch (MalformedSignatureException e) {
                problems.add("changed " + path + " (its code signature is damaged: " + e.getMessage() + ")");
                return;
            }
        } else if (names.stream().anyMatch(n -> n.startsWith(path + "/"))) {
            if (depth + 1 > MAX_DEPTH) {
                problems.add("nested code too deep to verify: " + path);
                return;
            }
            Bundle inner = verify(files.under(path + "/"), depth + 1);
            if (inner == null) {
                problems.add("changed " + path + " (it is not signed)");
                return;
            }
            for (String p : inner.problems) problems.add(path + ": " + p);
            slices = inner.slices;
        } else {
            if (!sealed.optional()) problems.add("missing " + path);
            return;
        }
        boolean matches = slices.stream().filter(s -> s.signature() != null)
                .flatMap(s -> s.signature().codeDirectories().stream())
                .anyMatch(cd -> Arrays.equals(cd.cdhash(), sealed.cdhash()));
        if (!matches) problems.add("changed " + path);
    }

    private static CodeSignature.SignatureFormat format(List<MachO.Slice> slices) {
        if (slices.isEmpty()) return null;
        long version = 0;
        boolean der = false;
        boolean entitlements = false;
        Set<String> types = new LinkedHashSet<>();
        for (MachO.Slice s : slices) {
            for (CodeDirectory cd : s.signature().codeDirectories()) {
                version = Math.max(version, cd.version());
                der |= cd.special(CodeDirectory.DER_ENTITLEMENTS) != null;
                entitlements |= cd.special(CodeDirectory.ENTITLEMENTS) != null;
                types.add(cd.hashType().id);
            }
        }
        return new CodeSignature.SignatureFormat(version, der, entitlements, List.copyOf(types));
    }

    /** The first slice's signer; its signature counts as valid only when every slice's verifies. */
    private static CodeSignature.Signer signer(List<MachO.Slice> slices) {
        CodeSignature.Signer first = null;
        boolean allValid = true;
        for (MachO.Slice s : slices) {
            CodeSignature.Signer signer = CmsSigner.read(s.signature().cms(), s.signature().codeDirectories().get(0).bytes());
            if (signer == null) continue;
            allValid &= signer.signatureValid();
            if (first == null) first = signer;
        }
        if (first == null || allValid) return first;
        return new CodeSignature.Signer(first.commonName(), first.organization(), first.teamIdentifier(), first.expires(),
                first.sha256(), false);
    }

    /** The team prefix of the signed entitlements' application-identifier. */
    private static String entitlementsTeam(List<MachO.Slice> slices) {
        for (MachO.Slice s : slices) {
            byte[] blob = s.signature().entitlements();
            if (blob == null || blob.length <= 8) continue;
            try {
                NSObject root = PropertyListParser.parse(Arrays.copyOfRange(blob, 8, blob.length));
                if (root instanceof NSDictionary d && d.get("application-identifier") instanceof NSString id) {
                    String value = id.getContent();
                    int dot = value.indexOf('.');
                    return dot > 0 ? value.substring(0, dot) : null;
                }
            } catch (Exception | StackOverflowError e) {
                // Unreadable entitlements name no team; the seal checks their hash separately.
            }
        }
        return null;
    }

    private static String executable(byte[] info) {
        if (info == null) return null;
        try {
            if (PropertyListParser.parse(info) instanceof NSDictionary d && d.get("CFBundleExecutable") instanceof NSString s) {
                String name = s.getContent();
                // The executable sits at the top of the bundle; anything else is not a name Xcode writes.
                if (!name.isEmpty() && !name.contains("/") && !name.equals("..") && !name.equals(".")) return name;
            }
        } catch (Exception | StackOverflowError e) {
            // An unreadable Info.plist has no executable; the seal check reports it as missing.
        }
        return null;
    }

    private static byte[] readCapped(SealedFiles files, String name, int cap) throws IOException {
        try (InputStream in = files.open(name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > cap) throw new IOException(name + " is larger than the " + cap + " bytes allowed for it");
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] hash(SealedFiles files, String name, HashType type) throws IOException {
        MessageDigest digest = type.digest(files.sizeHint(name));
        try (InputStream in = files.open(name)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) digest.update(buf, 0, n);
        }
        return type.finish(digest);
    }
}
