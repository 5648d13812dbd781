package dev.otapress.codesign;

/** Big- and little-endian reads with bounds checks that turn a short structure into a clear error. */
final class Bytes {
    private Bytes() {
    }

    static long u32be(byte[] b, long offset) throws MalformedSignatureException {
        check(b, offset, 4);
        int o = (int) offset;
        return ((b[o] & 0xffL) << 24) | ((b[o + 1] & 0xffL) << 16) | ((b[o + 2] & 0xffL) << 8) | (b[o + 3] & 0xffL);
    }

    static long u32le(byte[] b, long offset) throws MalformedSignatureException {
        check(b, offset, 4);
        int o = (int) offset;
        return ((b[o + 3] & 0xffL) << 24) | ((b[o + 2] & 0xffL) << 16) | ((b[o + 1] & 0xffL) << 8) | (b[o] & 0xffL);
    }

    static int u8(byte[] b, long offset) throws MalformedSignatureException {
        check(b, offset, 1);
        return b[(int) offset] & 0xff;
    }

    static byte[] slice(byte[] b, long offset, long length) throws MalformedSignatureException {
        check(b, offset, length);
        byte[] out = new byte[(int) length];
        System.arraycopy(b, (int) offset, out, 0, (int) length);
        return out;
    }

    static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static void check(byte[] b, long offset, long length) throws MalformedSignatureException {
        if (offset < 0 || length < 0 || offset + length > b.length) {
            throw new MalformedSignatureException("a field at offset " + offset + " outside its " + b.length + "-byte structure");
        }
    }
}
