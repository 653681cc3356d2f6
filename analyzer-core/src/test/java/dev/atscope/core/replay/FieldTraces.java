package dev.atscope.core.replay;

import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.trace.ScriptedTraffic;
import dev.atscope.core.trace.Trace;
import dev.atscope.core.trace.TraceMetadata;
import java.nio.charset.StandardCharsets;

/** Recordings for replay tests: the note's §3.3 session as it should go, and as it failed in the field. */
public final class FieldTraces {

    private FieldTraces() {}

    /** §3.3 as the note shows it. */
    public static Trace healthy() {
        return new Trace(TraceMetadata.EMPTY, NoteExamples.httpsGet().entries());
    }

    /**
     * §3.3 on a device in the field: another local address, the server unreachable so AT+QHTTPGET
     * ends in {@code +CME ERROR: 3815} (socket connect error), and the read that the firmware tries
     * anyway in {@code +CME ERROR: 3822}.
     */
    public static Trace failing() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(1_200_000).urc("+CFUN: 1").pause(300_000).urc("+CPIN: READY");
        t.pause(4_000_000).urc("Call Ready").pause(900_000).urc("SMS Ready").pause(500_000);
        step(t, "AT+QIFGCNT=0", 12_000, "OK");
        step(t, "AT+QICSGP=1,\"CMNET\"", 15_000, "OK");
        step(t, "AT+QIREGAPP", 48_000, "OK");
        step(t, "AT+QIACT", 2_350_000, "OK");
        step(t, "AT+QILOCIP", 9_000, "10.7.14.3");
        step(t, "AT+QSSLCFG=\"sslversion\",0,2", 11_000, "OK");
        step(t, "AT+QSSLCFG=\"secllevel\",0,0", 10_000, "OK");
        step(t, "AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\"", 12_000, "OK");
        step(t, "AT+QSSLCFG=\"https\",1", 10_000, "OK");
        t.pause(80_000).command("AT+QHTTPURL=" + NoteExamples.URL.length() + ",60").answer(20_000, "CONNECT");
        t.hostBytes(30_000, NoteExamples.URL.getBytes(StandardCharsets.US_ASCII)).answer(15_000, "OK");
        step(t, "AT+QHTTPGET=60", 4_870_000, "+CME ERROR: 3815");
        step(t, "AT+QHTTPREAD=30", 25_000, "+CME ERROR: 3822");
        step(t, "AT+QIDEACT", 640_000, "DEACT OK");
        return new Trace(TraceMetadata.EMPTY, t.entries());
    }

    private static void step(ScriptedTraffic t, String command, long latencyMicros, String... answer) {
        t.pause(80_000).command(command).answer(latencyMicros, answer);
    }
}
