package io.turnout.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal ustar archive of regular files, for Docker's copy-into-container endpoint. The Docker
 * API takes only tar, and the engine extracts it on the target host, so the config reaches the
 * router over any transport (local socket, SSH, TLS) without a bind mount.
 */
final class TarFiles {

    private static final int BLOCK = 512;

    private TarFiles() {
    }

    /** @param files name (no directories) → content, written with mode 0644, owner root */
    static byte[] of(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long now = System.currentTimeMillis() / 1000;
        files.forEach((name, content) -> {
            byte[] header = new byte[BLOCK];
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            if (n.length > 99 || name.contains("/")) {
                throw new IllegalArgumentException("unsupported tar entry name: " + name);
            }
            System.arraycopy(n, 0, header, 0, n.length);
            octal(header, 100, 8, 0644);
            octal(header, 108, 8, 0);
            octal(header, 116, 8, 0);
            octal(header, 124, 12, content.length);
            octal(header, 136, 12, now);
            header[156] = '0';
            put(header, 257, "ustar\0");
            put(header, 263, "00");
            put(header, 265, "root");
            put(header, 297, "root");
            // The checksum is computed with its own field read as eight spaces.
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            octal(header, 148, 7, sum);
            header[155] = ' ';
            out.writeBytes(header);
            out.writeBytes(content);
            out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        });
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    /** Zero-padded octal digits filling {@code len - 1} bytes, then NUL. */
    private static void octal(byte[] header, int offset, int len, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(len - 1 - digits.length()) + digits;
        put(header, offset, padded + "\0");
    }

    private static void put(byte[] header, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
