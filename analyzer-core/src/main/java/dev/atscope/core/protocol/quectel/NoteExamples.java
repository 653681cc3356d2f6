package dev.atscope.core.protocol.quectel;

import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The procedures of section 3 of the GSM HTTPS application note as traffic with realistic timing
 * and echo on. The note leaves the uploaded files and the page out; here they are deterministic
 * PEM-shaped files of the sizes the note gives and a small HTML page, and the checksums are those
 * of these bytes (see {@link UploadChecksum}), not the note's.
 */
public final class NoteExamples {

    /** The URL of §3.3: 57 bytes. */
    public static final String URL = "https://220.180.239.201:8417/test/testfiles/test2000.html";
    /** The local address the note's network gave (§3.3). */
    public static final String LOCAL_IP = "10.1.83.188";

    private NoteExamples() {}

    /** §3.1: the CA certificate, client certificate and client key uploaded to RAM. */
    public static ScriptedTraffic certificatesInRam() {
        ScriptedTraffic t = new ScriptedTraffic();
        upload(t, "RAM:ca_cert.pem", pem("CERTIFICATE", 1614, 1));
        upload(t, "RAM:client_cert.pem", pem("CERTIFICATE", 1419, 2));
        upload(t, "RAM:client_key.pem", pem("RSA PRIVATE KEY", 1679, 3));
        return t;
    }

    /** §3.2: the same files uploaded to NVRAM as CA0, CC0 and CK0. */
    public static ScriptedTraffic certificatesInNvram() {
        ScriptedTraffic t = new ScriptedTraffic();
        upload(t, "NVRAM:CA0", pem("CERTIFICATE", 1614, 1));
        upload(t, "NVRAM:CC0", pem("CERTIFICATE", 1419, 2));
        upload(t, "NVRAM:CK0", pem("RSA PRIVATE KEY", 1679, 3));
        return t;
    }

    /** §3.3: PDP context, SSL configuration, HTTPS GET, read and deactivation, after a boot. */
    public static ScriptedTraffic httpsGet() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(1_200_000).urc("+CFUN: 1").pause(300_000).urc("+CPIN: READY");
        t.pause(4_000_000).urc("Call Ready").pause(900_000).urc("SMS Ready").pause(500_000);
        step(t, "AT+QIFGCNT=0", 12_000, "OK");
        step(t, "AT+QICSGP=1,\"CMNET\"", 15_000, "OK");
        step(t, "AT+QIREGAPP", 48_000, "OK");
        step(t, "AT+QIACT", 2_350_000, "OK");
        step(t, "AT+QILOCIP", 9_000, LOCAL_IP);
        step(t, "AT+QSSLCFG=\"sslversion\",0,2", 11_000, "OK");
        step(t, "AT+QSSLCFG=\"secllevel\",0,0", 10_000, "OK");
        step(t, "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", 12_000, "OK");
        step(t, "AT+QSSLCFG=\"https\",1", 10_000, "OK");
        t.pause(80_000).command("AT+QHTTPURL=" + URL.length() + ",60").answer(20_000, "CONNECT");
        t.hostBytes(30_000, URL.getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
        step(t, "AT+QHTTPGET=60", 1_870_000, "OK");
        t.pause(90_000).command("AT+QHTTPREAD=30").answer(25_000, "CONNECT");
        t.moduleBytes(2_000, page());
        t.answer(3_000, "OK");
        step(t, "AT+QIDEACT", 640_000, "DEACT OK");
        return t;
    }

    /** The page that §3.3's server returns here: a small HTML document. */
    public static byte[] page() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\r\n<html><head><title>test2000</title></head><body>\r\n");
        int i = 0;
        while (sb.length() < 1900) {
            sb.append("<p>line ").append(i++).append(": the quick brown fox jumps over the lazy dog</p>\r\n");
        }
        sb.append("</body></html>\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A PEM-shaped file of exactly {@code size} bytes: header, base64 lines of 64 characters from a
     * seeded generator, footer.
     */
    public static byte[] pem(String label, int size, long seed) {
        String head = "-----BEGIN " + label + "-----\n";
        String foot = "-----END " + label + "-----\n";
        int bodyLen = size - head.length() - foot.length();
        if (bodyLen < 2) {
            throw new IllegalArgumentException("size " + size + " too small for a PEM file");
        }
        Random r = new Random(seed);
        byte[] raw = new byte[bodyLen];
        r.nextBytes(raw);
        String b64 = Base64.getEncoder().encodeToString(raw);
        StringBuilder body = new StringBuilder(bodyLen);
        int col = 0;
        int k = 0;
        while (body.length() < bodyLen - 1) {
            if (col == 64) {
                body.append('\n');
                col = 0;
            } else {
                body.append(b64.charAt(k++ % b64.length()));
                col++;
            }
        }
        body.append('\n');
        byte[] out = (head + body + foot).getBytes(StandardCharsets.US_ASCII);
        if (out.length != size) {
            throw new IllegalStateException("PEM size " + out.length + " != " + size);
        }
        return out;
    }

    private static void upload(ScriptedTraffic t, String name, byte[] data) {
        t.pause(100_000).command("AT+QSECWRITE=\"" + name + "\"," + data.length + ",100").answer(18_000, "CONNECT");
        t.hostBytes(40_000, data);
        t.answer(60_000, "+QSECWRITE: " + data.length + "," + UploadChecksum.hex(data), "OK");
    }

    private static void step(ScriptedTraffic t, String command, long latencyMicros, String... answer) {
        t.pause(80_000).command(command).answer(latencyMicros, answer);
    }
}
