package dev.atscope.core.generate;

import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.TraceEntry;
import dev.atscope.core.trace.TraceWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes realistic traffic of many device sessions, deterministic for a seed: boots with URCs,
 * certificate uploads, SSL configuration, PDP activation (sometimes failing and retried), HTTPS
 * requests with bodies (some failing with the handshake errors of the field), deactivation, with
 * latencies of the usual size. Used by the benchmarks and {@code atscope generate}.
 */
public final class TraceGenerator {

    /** The shape of the traffic. */
    public enum Profile {
        /** Device sessions where bulk payloads (certificates, HTTP bodies) carry most bytes. */
        SESSIONS,
        /**
         * Command-dense traffic: a fleet polling registration and signal and sending small requests,
         * short commands and short answers without echo, where the cost per transaction dominates.
         */
        DENSE
    }

    /** One poll of the dense profile: each command with its answer, as a fleet's firmware sends them. */
    private static final String[][] POLL = {
        {"AT+QIFGCNT=0", "OK"}, {"AT+QICSGP=1,\"CMNET\"", "OK"}, {"AT+QIREGAPP", "OK"}, {"AT+QIACT", "OK"},
        {"AT+QILOCIP", "10.1.83.188"}, {"AT+QSSLCFG=\"sslversion\",0,2", "OK"}, {"AT+QSSLCFG=\"secllevel\",0,0", "OK"},
        {"AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", "OK"}, {"AT+QSSLCFG=\"https\",1", "OK"},
        {"AT+CGREG?", "+CGREG: 0,1", "OK"}, {"AT+CSQ", "+CSQ: 24,0", "OK"}, {"AT+QHTTPGET=60", "OK"},
        {"AT+QIDEACT", "DEACT OK"},
    };

    private final Random random;
    private final Profile profile;
    private long now;
    private long sessions;
    private long transactions;
    /** Command lines to write at most: the session under way ends where this is reached. */
    private long limit = Long.MAX_VALUE;

    public TraceGenerator(long seed) {
        this(seed, Profile.SESSIONS);
    }

    public TraceGenerator(long seed, Profile profile) {
        this.random = new Random(seed);
        this.profile = profile;
    }

    /** Sessions written so far. */
    public long sessions() {
        return sessions;
    }

    /** Command lines written so far. */
    public long transactions() {
        return transactions;
    }

    /**
     * Writes whole sessions until at least {@code bytesOfTraffic} bytes of wire traffic are written.
     *
     * @return the bytes of wire traffic written
     */
    public long write(TraceWriter out, long bytesOfTraffic) throws IOException {
        return write(out, bytesOfTraffic, Long.MAX_VALUE);
    }

    /**
     * Writes sessions until {@code bytesOfTraffic} bytes are reached (whole sessions) or exactly
     * {@code maxTransactions} command lines are written (the last session cut there), whichever
     * comes first.
     *
     * @return the bytes of wire traffic written
     */
    public long write(TraceWriter out, long bytesOfTraffic, long maxTransactions) throws IOException {
        long written = 0;
        limit = maxTransactions;
        while (written < bytesOfTraffic && transactions < maxTransactions) {
            ScriptedTraffic t = new ScriptedTraffic().pause(now);
            if (profile == Profile.DENSE) {
                poll(t.echo(false));
            } else {
                session(t);
            }
            for (TraceEntry e : t.entries()) {
                out.write(e);
                if (e instanceof dev.atscope.core.trace.Chunk c) {
                    written += c.data().length;
                }
            }
            now = t.now() + (profile == Profile.DENSE ? ms(1, 20) : seconds(5, 600));
            sessions++;
        }
        return written;
    }

    private void session(ScriptedTraffic t) {
        t.urc("RDY").pause(ms(800, 1500)).urc("+CFUN: 1").pause(ms(100, 400)).urc("+CPIN: READY");
        t.pause(ms(2000, 6000)).urc("Call Ready").pause(ms(200, 1200)).urc("SMS Ready");
        step(t, "ATE1", ms(2, 10), "OK");
        step(t, "AT+CMEE=" + (random.nextInt(4) == 0 ? 2 : 1), ms(2, 10), "OK");
        step(t, "AT+CGATT?", ms(5, 30), "+CGATT: 1", "OK");
        step(t, "AT+CGREG?", ms(5, 30), "+CGREG: 0," + (random.nextInt(10) == 0 ? 5 : 1), "OK");
        // server authentication (level 1) needs the CA certificate; RAM is empty after every restart (2.2.1, 2.2.2)
        int level = random.nextInt(2);
        if (level == 1) {
            upload(t, "RAM:ca_cert.pem", NoteExamples.pem("CERTIFICATE", 900 + random.nextInt(1500), random.nextLong()));
        }
        step(t, "AT+QIFGCNT=0", ms(5, 20), "OK");
        step(t, "AT+QICSGP=1,\"" + (random.nextBoolean() ? "CMNET" : "internet") + "\"", ms(5, 20), "OK");
        step(t, "AT+QIREGAPP", ms(20, 80), "OK");
        int failures = random.nextInt(8) == 0 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < failures; i++) {
            step(t, "AT+QIACT", ms(5_000, 40_000), "+CME ERROR: " + (random.nextBoolean() ? "149" : "3808"));
        }
        step(t, "AT+QIACT", ms(900, 6_000), "OK");
        step(t, "AT+QILOCIP", ms(5, 15), "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
        int version = random.nextInt(10) == 0 ? 0 : 3 + random.nextInt(2) - 1;
        step(t, "AT+QSSLCFG=\"sslversion\",0," + version, ms(5, 15), "OK");
        step(t, "AT+QSSLCFG=\"secllevel\",0," + level, ms(5, 15), "OK");
        if (level == 1) {
            step(t, "AT+QSSLCFG=\"cacert\",0,\"RAM:ca_cert.pem\"", ms(5, 15), "OK");
        }
        step(t, "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", ms(5, 15), "OK");
        step(t, "AT+QSSLCFG=\"https\",1", ms(5, 15), "OK");
        int requests = 1 + random.nextInt(4);
        for (int r = 0; r < requests && !full(); r++) {
            String url = "https://api.example.net/v1/devices/" + Long.toHexString(random.nextLong()) + "/telemetry";
            t.pause(ms(50, 150)).command("AT+QHTTPURL=" + url.length() + ",60").answer(ms(10, 30), "CONNECT");
            t.hostBytes(ms(10, 40), url.getBytes(StandardCharsets.US_ASCII)).answer(ms(5, 20), "OK");
            transactions++;
            if (full()) {
                break;
            }
            int dice = random.nextInt(20);
            if (dice == 0) {
                step(t, "AT+QHTTPGET=60", ms(3_000, 20_000), "+CME ERROR: 3815");
                continue;
            }
            if (dice == 1) {
                step(t, "AT+QHTTPGET=60", ms(3_000, 20_000), "+CME ERROR: 3822");
                continue;
            }
            step(t, "AT+QHTTPGET=60", ms(800, 4_000), "OK");
            if (full()) {
                break;
            }
            t.pause(ms(50, 150)).command("AT+QHTTPREAD=30").answer(ms(10, 40), "CONNECT");
            t.moduleBytes(ms(1, 5), body(300 + random.nextInt(6000)));
            t.answer(ms(1, 5), "OK");
            transactions++;
        }
        step(t, "AT+QIDEACT", ms(300, 1_500), "DEACT OK");
    }

    /** One poll of a fleet's device, echo off: every answer a line or two, one chunk each way. */
    private void poll(ScriptedTraffic t) {
        for (String[] step : POLL) {
            if (full()) {
                return;
            }
            String[] answer = Arrays.copyOfRange(step, 1, step.length);
            if (step[0].equals("AT+CSQ")) {
                answer[0] = "+CSQ: " + (10 + random.nextInt(22)) + ",0";
            }
            t.pause(ms(1, 3)).command(step[0]).answer(ms(1, 30), answer);
            transactions++;
        }
    }

    private byte[] body(int size) {
        StringBuilder sb = new StringBuilder(size + 64);
        sb.append("{\"status\":\"ok\",\"config\":{");
        while (sb.length() < size) {
            sb.append("\"k").append(random.nextInt(1000)).append("\":").append(random.nextInt(100000)).append(',');
        }
        sb.append("\"end\":true}}");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void upload(ScriptedTraffic t, String name, byte[] data) {
        if (full()) {
            return;
        }
        t.pause(ms(50, 150)).command("AT+QSECWRITE=\"" + name + "\"," + data.length + ",100").answer(ms(10, 30), "CONNECT");
        t.hostBytes(ms(10, 40), data);
        t.answer(ms(30, 90), "+QSECWRITE: " + data.length + "," + UploadChecksum.hex(data), "OK");
        transactions++;
    }

    private void step(ScriptedTraffic t, String command, long latency, String... answer) {
        if (full()) {
            return;
        }
        t.pause(ms(40, 150)).command(command).answer(latency, answer);
        transactions++;
    }

    private boolean full() {
        return transactions >= limit;
    }

    private long ms(int from, int to) {
        return 1000L * (from + random.nextInt(to - from + 1));
    }

    private long seconds(int from, int to) {
        return 1_000_000L * (from + random.nextInt(to - from + 1));
    }
}
