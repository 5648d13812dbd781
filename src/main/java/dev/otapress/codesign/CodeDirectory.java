package dev.otapress.codesign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One CodeDirectory blob ({@code fade0c02}): the hashes of the special slots (Info.plist,
 * requirements, CodeResources, entitlements…) and of each code page of its Mach-O slice.
 *
 * @param bytes        the whole blob, which the CMS signature and the cdhash cover
 * @param version      e.g. 0x20400
 * @param pageSizeLog2 log2 of the code page size; 0 means one page up to codeLimit
 * @param codeLimit    how many bytes of the slice the code slots cover
 * @param teamId       the team identifier recorded in the directory (version 0x20200+), or null
 */
record CodeDirectory(byte[] bytes, long version, HashType hashType, int nSpecialSlots, int nCodeSlots,
                     long hashOffset, long codeLimit, int pageSizeLog2, String teamId) {

    static final long MAGIC = 0xfade0c02L;
    static final int INFO_PLIST = 1;
    static final int REQUIREMENTS = 2;
    static final int RESOURCES = 3;
    static final int ENTITLEMENTS = 5;
    static final int DER_ENTITLEMENTS = 7;
    /** Apple defines seven special slots today; more leaves room for new ones, not for a hostile count. */
    private static final int MAX_SPECIAL_SLOTS = 64;
    private static final int HEADER = 44;

    static CodeDirectory parse(byte[] blob) throws MalformedSignatureException {
        if (Bytes.u32be(blob, 0) != MAGIC) throw new MalformedSignatureException("a code directory with a wrong magic number");
        long version = Bytes.u32be(blob, 8);
        long hashOffset = Bytes.u32be(blob, 16);
        long identOffset = Bytes.u32be(blob, 20);
        long nSpecial = Bytes.u32be(blob, 24);
        long nCode = Bytes.u32be(blob, 28);
        long codeLimit = Bytes.u32be(blob, 32);
        int hashSize = Bytes.u8(blob, 36);
        HashType type = HashType.of(Bytes.u8(blob, 37));
        int pageSize = Bytes.u8(blob, 39);
        if (blob.length < HEADER) throw new MalformedSignatureException("a code directory shorter than its header");
        if (type == null) throw new MalformedSignatureException("a code directory with an unknown hash type " + Bytes.u8(blob, 37));
        if (hashSize != type.size) {
            throw new MalformedSignatureException("a code directory whose hash size " + hashSize + " does not fit " + type.id);
        }
        if (nSpecial > MAX_SPECIAL_SLOTS) throw new MalformedSignatureException("a code directory with " + nSpecial + " special slots");
        if (pageSize > 30) throw new MalformedSignatureException("a code directory with a page size of 2^" + pageSize);
        if (hashOffset - nSpecial * hashSize < HEADER || hashOffset + nCode * hashSize > blob.length) {
            throw new MalformedSignatureException("a code directory whose hash slots lie outside it");
        }
        if (identOffset >= blob.length) throw new MalformedSignatureException("a code directory whose identifier lies outside it");
        String team = null;
        if (version >= 0x20200 && blob.length >= 52) {
            long teamOffset = Bytes.u32be(blob, 48);
            if (teamOffset != 0) team = cString(blob, teamOffset);
        }
        return new CodeDirectory(blob, version, type, (int) nSpecial, (int) nCode, hashOffset, codeLimit, pageSize, team);
    }

    /** The hash in special slot {@code -n}, or null when the directory has no such slot or it is all zeros. */
    byte[] special(int n) {
        if (n > nSpecialSlots) return null;
        int at = (int) (hashOffset - (long) n * hashType.size);
        byte[] slot = Arrays.copyOfRange(bytes, at, at + hashType.size);
        return Bytes.allZero(slot) ? null : slot;
    }

    /** The hash of code page {@code i}. */
    byte[] codeSlot(int i) {
        int at = (int) (hashOffset + (long) i * hashType.size);
        return Arrays.copyOfRange(bytes, at, at + hashType.size);
    }

    /** The page size in bytes; with pageSizeLog2 0, the whole code is one page. */
    long pageSize() {
        return pageSizeLog2 == 0 ? Math.max(1, codeLimit) : 1L << pageSizeLog2;
    }

    /** The code directory hash: what a parent seal and the CMS signature refer to. */
    byte[] cdhash() {
        byte[] full = hashType.hash(bytes);
        return Arrays.copyOf(full, 20);
    }

    private static String cString(byte[] blob, long offset) throws MalformedSignatureException {
        if (offset >= blob.length) throw new MalformedSignatureException("a code directory whose team identifier lies outside it");
        int end = (int) offset;
        while (end < blob.length && blob[end] != 0 && end - offset < 64) end++;
        return new String(blob, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
    }
}
