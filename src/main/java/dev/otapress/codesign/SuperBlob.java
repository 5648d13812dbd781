package dev.otapress.codesign;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded signature ({@code fade0cc0}) of one Mach-O slice, split into its blobs. Every index
 * entry and every blob length is checked against the blob around it before anything is copied.
 *
 * @param codeDirectories the primary CodeDirectory (slot 0) first, then the alternates (SHA-256…)
 * @param requirements    the requirements blob as stored (slot -2 hashes it), or null
 * @param entitlements    the XML entitlements blob as stored (slot -5 hashes it), or null
 * @param derEntitlements the DER entitlements blob as stored (slot -7 hashes it), or null
 * @param cms             the CMS SignedData without its blob header; null or empty when ad hoc signed
 */
record SuperBlob(List<CodeDirectory> codeDirectories, byte[] requirements, byte[] entitlements,
                 byte[] derEntitlements, byte[] cms) {

    static final long MAGIC = 0xfade0cc0L;
    private static final int MAX_BLOBS = 64;
    private static final long SLOT_CODE_DIRECTORY = 0;
    private static final long SLOT_REQUIREMENTS = 2;
    private static final long SLOT_ENTITLEMENTS = 5;
    private static final long SLOT_DER_ENTITLEMENTS = 7;
    private static final long SLOT_ALTERNATE_FIRST = 0x1000;
    private static final long SLOT_ALTERNATE_LAST = 0x1004;
    private static final long SLOT_CMS = 0x10000;

    static SuperBlob parse(byte[] data) throws MalformedSignatureException {
        if (Bytes.u32be(data, 0) != MAGIC) throw new MalformedSignatureException("the signature does not start with a SuperBlob");
        long length = Bytes.u32be(data, 4);
        long count = Bytes.u32be(data, 8);
        if (length < 12 || length > data.length) throw new MalformedSignatureException("a SuperBlob longer than its load command says");
        if (count > MAX_BLOBS || 12 + count * 8 > length) throw new MalformedSignatureException("a SuperBlob with " + count + " blobs");
        CodeDirectory primary = null;
        List<CodeDirectory> alternates = new ArrayList<>();
        byte[] requirements = null;
        byte[] entitlements = null;
        byte[] der = null;
        byte[] cms = null;
        for (int i = 0; i < count; i++) {
            long type = Bytes.u32be(data, 12 + 8L * i);
            long offset = Bytes.u32be(data, 16 + 8L * i);
            if (offset < 12 + count * 8 || offset + 8 > length) throw new MalformedSignatureException("a blob outside its SuperBlob");
            long blobLength = Bytes.u32be(data, offset + 4);
            if (blobLength < 8 || offset + blobLength > length) throw new MalformedSignatureException("a blob longer than its SuperBlob");
            byte[] blob = Bytes.slice(data, offset, blobLength);
            if (type == SLOT_CODE_DIRECTORY) {
                if (primary != null) throw new MalformedSignatureException("two primary code directories");
                primary = CodeDirectory.parse(blob);
            } else if (type >= SLOT_ALTERNATE_FIRST && type <= SLOT_ALTERNATE_LAST) {
                alternates.add(CodeDirectory.parse(blob));
            } else if (type == SLOT_REQUIREMENTS) {
                requirements = blob;
            } else if (type == SLOT_ENTITLEMENTS) {
                entitlements = blob;
            } else if (type == SLOT_DER_ENTITLEMENTS) {
                der = blob;
            } else if (type == SLOT_CMS) {
                cms = Bytes.slice(blob, 8, blob.length - 8);
            }
        }
        if (primary == null) throw new MalformedSignatureException("a SuperBlob without a code directory");
        List<CodeDirectory> all = new ArrayList<>();
        all.add(primary);
        all.addAll(alternates);
        return new SuperBlob(List.copyOf(all), requirements, entitlements, der, cms);
    }

    /** The stored blob a special slot hashes, or null when the signature has none. */
    byte[] specialBlob(int slot) {
        return switch (slot) {
            case CodeDirectory.REQUIREMENTS -> requirements;
            case CodeDirectory.ENTITLEMENTS -> entitlements;
            case CodeDirectory.DER_ENTITLEMENTS -> derEntitlements;
            default -> null;
        };
    }
}
