package dev.atscope.core.emulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Data mode after {@code CONNECT}: the host's upload, up to the announced count, until the command's
 * timeout, or until {@code +++} followed by the escape guard's quiet (§2.2.2). Upload damage from
 * the fault profile is done here, as the UART would do it.
 */
final class UploadReceiver {

    private final ModulePace pace;
    private ByteInbox in;

    UploadReceiver(ModulePace pace) {
        this.pace = pace;
    }

    /** Reads from this inbox from now on (the link being served). */
    void connect(ByteInbox inbox) {
        this.in = inbox;
    }

    /** The upload: {@code count} bytes or fewer (a timeout, the escape), with {@code damage} done to it. */
    byte[] receive(int count, Duration timeout, FaultProfile.UploadDamage damage)
            throws InterruptedException, IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        int arrived = 0;
        while (buf.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int b = in.next(left);
            if (b == ByteInbox.TIMEOUT) {
                break;
            }
            if (b == ByteInbox.END) {
                throw new EOFException("the link closed in data mode");
            }
            int at = arrived++;
            if (damage != null && at >= damage.atOffset() && at < damage.atOffset() + damage.dropBytes()) {
                continue; // lost on the line
            }
            if (damage != null && at >= damage.atOffset() + damage.dropBytes()
                    && at < damage.atOffset() + damage.dropBytes() + damage.corruptBytes()) {
                b ^= 0x20; // a flipped bit
            }
            buf.write(b);
            if (buf.size() < count && endsWithEscape(buf)) {
                int next = in.next(pace.escapeGuard().toNanos());
                if (next == ByteInbox.TIMEOUT) {
                    byte[] all = buf.toByteArray();
                    return Arrays.copyOf(all, all.length - 3);
                }
                if (next == ByteInbox.END) {
                    throw new EOFException("the link closed in data mode");
                }
                in.unread();
            }
        }
        return buf.toByteArray();
    }

    private static boolean endsWithEscape(ByteArrayOutputStream buf) {
        if (buf.size() < 3) {
            return false;
        }
        byte[] b = buf.toByteArray();
        int n = b.length;
        return b[n - 1] == '+' && b[n - 2] == '+' && b[n - 3] == '+';
    }
}
