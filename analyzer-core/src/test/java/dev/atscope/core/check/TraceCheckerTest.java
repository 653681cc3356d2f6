package dev.atscope.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Decoded;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.decode.TraceDecoding;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.trace.ScriptedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given traffic built like a capture, when decoded and checked, then each session rule fires on a
 * trace that breaks it and stays silent on its neighbour that does not.
 */
class TraceCheckerTest {

    static final ProtocolRegistry REGISTRY = ProtocolRegistry.loadDefault();
    static final String URL = "https://example.net/a/b";

    static List<Decoded> decode(ScriptedTraffic t) {
        return TraceDecoding.decode(t.entries(), REGISTRY);
    }

    static List<Diagnostic> check(ScriptedTraffic t) {
        return TraceChecker.check(decode(t), REGISTRY);
    }

    /** The rule ids of the errors and warnings, in order. */
    static List<String> rules(ScriptedTraffic t) {
        return check(t).stream().filter(d -> d.severity() != Severity.INFO).map(Diagnostic::ruleId).toList();
    }

    static Diagnostic only(ScriptedTraffic t, String rule) {
        List<Diagnostic> d = check(t).stream().filter(x -> x.ruleId().equals(rule)).toList();
        assertThat(d).as(rule).hasSize(1);
        return d.get(0);
    }

    /** The text of the command line a diagnostic points at, under its caret. */
    static String underCaret(ScriptedTraffic t, Diagnostic d) {
        for (Decoded x : decode(t)) {
            if (x instanceof Transaction tx && tx.id() == d.where().transactionId()) {
                String line = tx.command().text();
                return line.substring(d.where().column(), d.where().column() + d.where().length());
            }
        }
        throw new AssertionError("no transaction " + d.where().transactionId());
    }

    static ScriptedTraffic step(ScriptedTraffic t, String command, String... answer) {
        return t.pause(50_000).command(command).answer(20_000, answer);
    }

    /** A booted module with an active PDP context. */
    static ScriptedTraffic online() {
        ScriptedTraffic t = new ScriptedTraffic();
        t.urc("RDY").pause(2_000_000);
        step(t, "AT+QICSGP=1,\"CMNET\"", "OK");
        step(t, "AT+QIREGAPP", "OK");
        return step(t, "AT+QIACT", "OK");
    }

    static ScriptedTraffic url(ScriptedTraffic t, String url) {
        t.pause(50_000).command("AT+QHTTPURL=" + url.length() + ",60").answer(10_000, "CONNECT");
        return t.hostBytes(10_000, url.getBytes(StandardCharsets.US_ASCII)).answer(5_000, "OK");
    }

    /** HTTPS enabled on context 0 at the given level, the URL set and a GET that worked. */
    static ScriptedTraffic httpsGet(String level, String... moreConfig) {
        ScriptedTraffic t = online();
        step(t, "AT+QSSLCFG=\"sslversion\",0,3", "OK");
        step(t, "AT+QSSLCFG=\"secllevel\",0," + level, "OK");
        for (String c : moreConfig) {
            step(t, c, "OK");
        }
        step(t, "AT+QSSLCFG=\"https\",1", "OK");
        url(t, URL);
        return step(t, "AT+QHTTPGET=60", "OK");
    }

    static ScriptedTraffic upload(ScriptedTraffic t, String name, byte[] data, int announced, String report) {
        t.pause(50_000).command("AT+QSECWRITE=\"" + name + "\"," + announced + ",100").answer(10_000, "CONNECT");
        t.hostBytes(10_000, data);
        return t.answer(20_000, report, "OK");
    }

    static ScriptedTraffic upload(ScriptedTraffic t, String name, byte[] data) {
        return upload(t, name, data, data.length, "+QSECWRITE: " + data.length + "," + UploadChecksum.hex(data));
    }

    static final byte[] CERT = NoteExamples.pem("CERTIFICATE", 600, 7);

    @Nested
    class TheNotesExamples {
        @Test
        void uploadsToRamAndNvramCheckClean() {
            assertThat(check(NoteExamples.certificatesInRam())).isEmpty();
            assertThat(check(NoteExamples.certificatesInNvram())).isEmpty();
        }

        @Test
        void theHttpsExampleOnlyWarnsThatTheServerIsNotAuthenticated() {
            List<Diagnostic> d = check(NoteExamples.httpsGet());
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.ruleId()).isEqualTo("security.no-auth");
                assertThat(x.severity()).isEqualTo(Severity.WARNING);
                assertThat(x.section()).isEqualTo("2.2.1");
            });
            assertThat(underCaret(NoteExamples.httpsGet(), d.get(0))).isEqualTo("0");
            assertThat(d.get(0).where().column()).isEqualTo("AT+QSSLCFG=\"secllevel\",0,".length());
        }
    }

    @Nested
    class Certificates {
        @Test
        void levelOneNeedsACaCertificate() {
            Diagnostic d = only(httpsGet("1"), "https.ca-missing");
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(underCaret(httpsGet("1"), d)).isEqualTo("1");
            assertThat(rules(httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""))).isEmpty();
        }

        @Test
        void levelTwoNeedsTheClientCertificateAndKeyToo() {
            assertThat(rules(httpsGet("2", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\"")))
                    .containsExactly("https.client-missing");
            assertThat(only(httpsGet("2", "AT+QSSLCFG=\"clientcert\",0,\"NVRAM:CC0\""), "https.client-missing")
                    .message()).contains("a client key");
            assertThat(rules(httpsGet("2", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\"",
                    "AT+QSSLCFG=\"clientcert\",0,\"NVRAM:CC0\"", "AT+QSSLCFG=\"clientkey\",0,\"NVRAM:CK0\""))).isEmpty();
        }

        @Test
        void aRamCertificateMustBeWrittenAgainAfterARestart() {
            // online() starts with RDY: RAM is empty, and nothing writes ca.pem into it
            ScriptedTraffic missing = httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"");
            Diagnostic d = only(missing, "https.cert-not-uploaded");
            assertThat(underCaret(missing, d)).isEqualTo("\"RAM:ca.pem\"");
            ScriptedTraffic written = online();
            upload(written, "RAM:ca.pem", CERT);
            step(written, "AT+QSSLCFG=\"secllevel\",0,1", "OK");
            step(written, "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"", "OK");
            step(written, "AT+QSSLCFG=\"https\",1", "OK");
            url(written, URL);
            step(written, "AT+QHTTPGET=60", "OK");
            assertThat(rules(written)).isEmpty();
            // NVRAM keeps its files, and without a restart in the trace nothing is known about RAM
            assertThat(rules(httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""))).isEmpty();
            ScriptedTraffic noRestart = new ScriptedTraffic();
            step(noRestart, "AT+QIACT", "OK");
            step(noRestart, "AT+QSSLCFG=\"secllevel\",0,1", "OK");
            step(noRestart, "AT+QSSLCFG=\"cacert\",0,\"RAM:ca.pem\"", "OK");
            step(noRestart, "AT+QSSLCFG=\"https\",1", "OK");
            url(noRestart, URL);
            step(noRestart, "AT+QHTTPGET=60", "OK");
            assertThat(rules(noRestart)).isEmpty();
        }

        @Test
        void theLevelOfTheContextThatHttpsUsesCounts() {
            ScriptedTraffic other = httpsGet("0", "AT+QSSLCFG=\"secllevel\",1,1", "AT+QSSLCFG=\"httpsctxi\",1");
            assertThat(rules(other)).containsExactly("https.ca-missing");
        }

        @Test
        void nvramNamesAndSizesAreCheckedInTraces() {
            ScriptedTraffic t = new ScriptedTraffic();
            upload(t, "NVRAM:CA3", CERT);
            Diagnostic d = only(t, "file.name");
            assertThat(underCaret(t, d)).isEqualTo("\"NVRAM:CA3\"");
            ScriptedTraffic big = new ScriptedTraffic();
            byte[] data = NoteExamples.pem("CERTIFICATE", 2100, 1);
            upload(big, "NVRAM:CA0", data);
            assertThat(rules(big)).containsExactly("file.size");
            ScriptedTraffic ram = new ScriptedTraffic();
            upload(ram, "RAM:big.pem", data);
            assertThat(rules(ram)).isEmpty();
        }

        @Test
        void aNameWrittenTwiceMustBeDeletedBetween() {
            ScriptedTraffic twice = new ScriptedTraffic();
            upload(twice, "RAM:ca.pem", CERT);
            upload(twice, "RAM:ca.pem", CERT);
            Diagnostic d = only(twice, "upload.exists");
            assertThat(d.where().transactionId()).isEqualTo(2);
            assertThat(underCaret(twice, d)).isEqualTo("\"RAM:ca.pem\"");
            ScriptedTraffic deleted = new ScriptedTraffic();
            upload(deleted, "RAM:ca.pem", CERT);
            step(deleted, "AT+QSECDEL=\"RAM:ca.pem\"", "OK");
            upload(deleted, "RAM:ca.pem", CERT);
            assertThat(rules(deleted)).isEmpty();
        }

        @Test
        void ramFilesAreForgottenAtARestartAndNvramFilesAreNot() {
            ScriptedTraffic ram = new ScriptedTraffic();
            upload(ram, "RAM:ca.pem", CERT);
            ram.urc("RDY");
            upload(ram, "RAM:ca.pem", CERT);
            assertThat(rules(ram)).isEmpty();
            ScriptedTraffic nvram = new ScriptedTraffic();
            upload(nvram, "NVRAM:CA0", CERT);
            nvram.urc("RDY");
            upload(nvram, "NVRAM:CA0", CERT);
            assertThat(rules(nvram)).containsExactly("upload.exists");
        }

        @Test
        void anUploadCutShortIsCaught() {
            ScriptedTraffic t = new ScriptedTraffic();
            byte[] half = java.util.Arrays.copyOf(CERT, 300);
            upload(t, "RAM:ca.pem", half, 600, "+QSECWRITE: 300," + UploadChecksum.hex(half));
            Diagnostic d = only(t, "upload.size");
            assertThat(d.message()).contains("announced 600").contains("sent 300");
            assertThat(underCaret(t, d)).isEqualTo("600");
        }

        @Test
        void aStoredCountOtherThanTheBytesSentIsCaught() {
            ScriptedTraffic t = new ScriptedTraffic();
            upload(t, "RAM:ca.pem", CERT, CERT.length, "+QSECWRITE: 599," + UploadChecksum.hex(CERT));
            Diagnostic d = only(t, "upload.size");
            assertThat(d.message()).contains("stored 599");
            assertThat(d.where().column()).isEqualTo("+QSECWRITE: ".length());
        }

        @Test
        void aChecksumOtherThanTheCapturedBytesGiveIsCaughtWithHowSureItIs() {
            ScriptedTraffic t = new ScriptedTraffic();
            upload(t, "RAM:ca.pem", CERT, CERT.length, "+QSECWRITE: 600,1234");
            Diagnostic d = only(t, "upload.checksum");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains(UploadChecksum.hex(CERT)).contains("not confirmed");
            assertThat(d.where().column()).isEqualTo("+QSECWRITE: 600,".length());
        }

        @Test
        void aDamagedStoredFileIsReported() {
            ScriptedTraffic bad = new ScriptedTraffic();
            step(bad, "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 0,4c30", "OK");
            assertThat(only(bad, "upload.damaged").section()).isEqualTo("2.2.3");
            ScriptedTraffic good = new ScriptedTraffic();
            step(good, "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c30", "OK");
            assertThat(rules(good)).isEmpty();
        }

        @Test
        void aReadChecksumIsOnlyComparedWithEarlierReads() {
            ScriptedTraffic changed = new ScriptedTraffic();
            upload(changed, "NVRAM:CA0", CERT);
            step(changed, "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c30", "OK");
            step(changed, "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c31", "OK");
            assertThat(rules(changed)).containsExactly("upload.read-checksum");
            ScriptedTraffic same = new ScriptedTraffic();
            upload(same, "NVRAM:CA0", CERT);
            step(same, "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c30", "OK");
            step(same, "AT+QSECREAD=\"NVRAM:CA0\"", "+QSECREAD: 1,4c30", "OK");
            assertThat(rules(same)).isEmpty();
        }
    }

    @Nested
    class Http {
        @Test
        void anHttpsUrlNeedsHttpsEnabled() {
            ScriptedTraffic t = online();
            step(t, "AT+QSSLCFG=\"secllevel\",0,1", "OK");
            step(t, "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\"", "OK");
            url(t, URL);
            step(t, "AT+QHTTPGET=60", "OK");
            assertThat(rules(t)).containsExactly("https.not-enabled");
            ScriptedTraffic plain = online();
            url(plain, "http://example.net/a/b");
            step(plain, "AT+QHTTPGET=60", "OK");
            assertThat(rules(plain)).isEmpty();
        }

        @Test
        void aUrlShorterThanAnnouncedIsCaught() {
            ScriptedTraffic t = online();
            t.pause(50_000).command("AT+QHTTPURL=30,60").answer(10_000, "CONNECT");
            t.hostBytes(10_000, URL.getBytes(StandardCharsets.US_ASCII)).answer(900_000, "OK");
            Diagnostic d = only(t, "http.url-length");
            assertThat(d.message()).contains("announced 30").contains("URL of 23");
            assertThat(underCaret(t, d)).isEqualTo("30");
        }

        @Test
        void aUrlLongerThanAnnouncedIsCaught() {
            ScriptedTraffic t = online();
            t.pause(50_000).command("AT+QHTTPURL=20,60").answer(10_000, "CONNECT");
            t.hostBytes(10_000, "https://example.net/x/y".getBytes(StandardCharsets.US_ASCII)).answer(5_000, "OK");
            step(t, "AT+QHTTPGET=60", "OK");
            Diagnostic d = only(t, "http.url-length");
            assertThat(d.message()).contains("3 more bytes");
            assertThat(underCaret(t, d)).isEqualTo("20");
        }

        @Test
        void aRequestNeedsAnActivePdpContext() {
            ScriptedTraffic t = new ScriptedTraffic();
            url(t, "http://example.net/a/b");
            step(t, "AT+QHTTPGET=60", "OK");
            assertThat(rules(t)).containsExactly("http.no-pdp");
            ScriptedTraffic lost = online();
            lost.urc("+PDP DEACT");
            url(lost, "http://example.net/a/b");
            step(lost, "AT+QHTTPGET=60", "+CME ERROR: 3808");
            assertThat(rules(lost)).containsExactly("result.error", "http.no-pdp");
        }

        @Test
        void aReadNeedsASuccessfulGet() {
            ScriptedTraffic none = online();
            url(none, "http://example.net/a/b");
            none.pause(50_000).command("AT+QHTTPREAD=30").answer(10_000, "+CME ERROR: 3804");
            assertThat(rules(none)).containsExactly("result.error", "http.read-without-get");
            ScriptedTraffic failed = online();
            url(failed, "http://example.net/a/b");
            step(failed, "AT+QHTTPGET=60", "+CME ERROR: 3813");
            step(failed, "AT+QHTTPREAD=30", "+CME ERROR: 3804");
            assertThat(rules(failed)).containsExactly("result.error", "result.error", "http.read-without-get");
            ScriptedTraffic good = online();
            url(good, "http://example.net/a/b");
            step(good, "AT+QHTTPGET=60", "OK");
            good.pause(50_000).command("AT+QHTTPREAD=30").answer(10_000, "CONNECT");
            good.moduleBytes(1000, "<html></html>\r\n".getBytes(StandardCharsets.US_ASCII)).answer(1000, "OK");
            assertThat(rules(good)).isEmpty();
        }

        @Test
        void everyErrorIsExplainedWithItsCode() {
            ScriptedTraffic t = httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\"");
            step(t, "AT+QHTTPGET=60", "+CME ERROR: 3815");
            step(t, "AT+QHTTPGET=60", "+CME ERROR: http socket connect error");
            step(t, "AT+QSECDEL=\"RAM:none.pem\"", "ERROR");
            List<Diagnostic> d = check(t).stream().filter(x -> x.ruleId().equals("result.error")).toList();
            assertThat(d).hasSize(3);
            assertThat(d.get(0).message()).contains("+CME ERROR: 3815: HTTP socket connect error")
                    .contains("TLS handshake failed");
            assertThat(d.get(0).section()).contains("HTTP AT Commands Manual");
            assertThat(d.get(1).message()).contains("(code 3815: HTTP socket connect error)");
            assertThat(d.get(2).message()).contains("AT+CMEE=1");
            step(t, "AT+CMEE=1", "OK");
            step(t, "AT+QSECDEL=\"RAM:none.pem\"", "ERROR");
            List<Diagnostic> after = check(t).stream().filter(x -> x.ruleId().equals("result.error")).toList();
            assertThat(after).hasSize(4);
            assertThat(after.get(3).message()).doesNotContain("AT+CMEE");
        }

        @Test
        void unansweredAndInterruptedCommandsAreReported() {
            ScriptedTraffic t = online();
            t.pause(50_000).command("AT+QHTTPGET=60");
            t.pause(70_000_000).urc("RDY");
            step(t, "AT+QIFGCNT=0", "OK");
            t.pause(50_000).command("AT+QIDEACT");
            assertThat(rules(t)).containsExactly("result.interrupted", "result.no-response");
        }
    }

    @Nested
    class PdpContext {
        @Test
        void aFailedActivationWalksTheChecklist() {
            ScriptedTraffic t = new ScriptedTraffic();
            step(t, "AT+CGATT?", "+CGATT: 1", "OK");
            step(t, "AT+QICSGP=1,\"CMNET\"", "OK");
            step(t, "AT+QIACT", "+CME ERROR: 30");
            Diagnostic d = only(t, "pdp.activation-failed");
            assertThat(d.section()).isEqualTo("1.3.1");
            assertThat(d.message()).contains("no network service")
                    .contains("[done] PS attached")
                    .contains("[not done] registration never queried (AT+CGREG?)")
                    .contains("[done] APN set by AT+QICSGP=1,\"CMNET\"")
                    .contains("[done] 0 of at most 3 PDP contexts active");
            assertThat(rules(t)).containsExactly("pdp.activation-failed");
            ScriptedTraffic unregistered = new ScriptedTraffic();
            step(unregistered, "AT+CGREG?", "+CGREG: 0,2", "OK");
            step(unregistered, "AT+QIACT", "ERROR");
            assertThat(only(unregistered, "pdp.activation-failed").message())
                    .contains("[problem] not registered, searching (AT+CGREG? stat 2)").contains("[not done] no APN set");
            assertThat(rules(online())).isEmpty();
        }

        @Test
        void moreContextsThanTheModuleKeepsAreCaught() {
            ScriptedTraffic t = new ScriptedTraffic();
            step(t, "AT+CGACT=1,1", "OK");
            step(t, "AT+CGACT=1,2", "OK");
            step(t, "AT+CGACT=1,3", "OK");
            step(t, "AT+QIACT", "OK");
            Diagnostic d = only(t, "pdp.limit");
            assertThat(d.message()).contains("4 PDP contexts").contains("at most 3");
            ScriptedTraffic fewer = new ScriptedTraffic();
            step(fewer, "AT+CGACT=1,1", "OK");
            step(fewer, "AT+CGACT=1,2", "OK");
            step(fewer, "AT+QIACT", "OK");
            assertThat(rules(fewer)).isEmpty();
        }

        static ScriptedTraffic restarts(long minutesApart) {
            ScriptedTraffic t = new ScriptedTraffic();
            t.urc("RDY");
            step(t, "AT+QIACT", "ERROR");
            t.pause(1_000_000).urc("RDY");
            step(t, "AT+QIACT", "ERROR");
            t.pause(minutesApart * 60_000_000).urc("RDY");
            return t;
        }

        @Test
        void restartsAfterFailuresMustBeTenMinutesApart() {
            Diagnostic d = only(restarts(4), "pdp.restart-interval");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("4 min").contains("10 minutes");
            assertThat(d.where().startOffset()).isPositive();
            assertThat(rules(restarts(11))).containsOnly("pdp.activation-failed");
        }
    }

    @Nested
    class Security {
        static ScriptedTraffic config(String command) {
            return step(new ScriptedTraffic(), command, "OK");
        }

        @Test
        void ssl30IsWarnedAbout() {
            ScriptedTraffic t = config("AT+QSSLCFG=\"sslversion\",0,0");
            assertThat(underCaret(t, only(t, "security.ssl3"))).isEqualTo("0");
            assertThat(only(t, "security.ssl3").where().column()).isEqualTo("AT+QSSLCFG=\"sslversion\",0,".length());
            assertThat(rules(config("AT+QSSLCFG=\"sslversion\",0,3"))).isEmpty();
            assertThat(rules(config("AT+QSSLCFG=\"sslversion\",0"))).isEmpty();
        }

        @Test
        void rc4Md5And3desSuitesAreWarnedAbout() {
            assertThat(only(config("AT+QSSLCFG=\"ciphersuite\",0,0X0004"), "security.weak-cipher").message())
                    .contains("TLS_RSA_WITH_RC4_128_MD5");
            assertThat(rules(config("AT+QSSLCFG=\"ciphersuite\",0,\"0X0035:0X000A\""))).containsExactly(
                    "security.weak-cipher");
            assertThat(rules(config("AT+QSSLCFG=\"ciphersuite\",0,0X003D"))).isEmpty();
            assertThat(rules(config("AT+QSSLCFG=\"ciphersuite\",0,\"0XFFFF\""))).isEmpty();
        }

        @Test
        void levelZeroIsWarnedAboutOnlyWhenHttpsIsUsed() {
            assertThat(rules(httpsGet("0"))).containsExactly("security.no-auth");
            ScriptedTraffic noRequest = online();
            step(noRequest, "AT+QSSLCFG=\"secllevel\",0,0", "OK");
            assertThat(rules(noRequest)).isEmpty();
            assertThat(rules(httpsGet("1", "AT+QSSLCFG=\"cacert\",0,\"NVRAM:CA0\""))).isEmpty();
        }

        @Test
        void ignoringTheRtcTimeIsWarnedAbout() {
            assertThat(rules(config("AT+QSSLCFG=\"ignorertctime\",1"))).containsExactly("security.ignore-rtc");
            assertThat(rules(config("AT+QSSLCFG=\"ignorertctime\",0"))).isEmpty();
        }
    }

    @Nested
    class Commands {
        @Test
        void aSpaceAfterThePlusIsFlaggedAsTheNotesTypesettingShowsIt() {
            ScriptedTraffic t = new ScriptedTraffic();
            step(t, "AT+ QIFGCNT=0", "ERROR");
            // the refusal is explained by the space: no second finding about the ERROR
            assertThat(rules(t)).containsExactly("command.space");
        }

        @Test
        void aCaretInALineOfSeveralCommandsIsUnderTheBadValue() {
            ScriptedTraffic t = new ScriptedTraffic();
            step(t, "AT+CMEE=2;+QSSLCFG=\"sslversion\",0,5", "ERROR");
            Diagnostic d = only(t, "param.value");
            assertThat(underCaret(t, d)).isEqualTo("5");
        }

        @Test
        void wrongAnswersAreWarnedAboutAtTheAnswerLine() {
            ScriptedTraffic t = new ScriptedTraffic();
            step(t, "AT+QSSLCFG=\"sslversion\",0", "+QSSLCFG: \"sslversion\",9", "OK");
            Diagnostic d = only(t, "response.value");
            assertThat(d.where().transactionId()).isEqualTo(1);
            assertThat(d.where().direction()).isEqualTo(dev.atscope.core.trace.Direction.MODULE_TO_HOST);
            assertThat(d.where().column()).isEqualTo("+QSSLCFG: \"sslversion\",".length());
        }

        @Test
        void anLteModulesTraceIsCheckedWithTheLteLibraryInsteadOfFlaggedLineByLine() {
            ScriptedTraffic lte = new ScriptedTraffic();
            lte.urc("RDY");
            step(lte, "AT+QICSGP=1,1,\"internet\",\"\",\"\",1", "OK");
            step(lte, "AT+QIACT=1", "OK");
            step(lte, "AT+QSSLCFG=\"sslversion\",1,4", "OK");
            url(lte, URL);
            step(lte, "AT+QHTTPGET=80", "+CME ERROR: 3815");
            step(lte, "AT+CGREG=7", "OK");
            // the LTE forms are valid there; what is left is the failure and a value 27.007 does not have
            assertThat(rules(lte)).containsExactly("result.error", "param.value");
            TraceChecker checker = new TraceChecker(REGISTRY, d -> { });
            decode(lte).forEach(checker::accept);
            assertThat(checker.selection().vendor()).map(l -> l.id()).contains("quectel-lte");
            assertThat(checker.selection().firm()).isTrue();
        }

        @Test
        void theStreamingCheckerGivesWhatTheListCheckerGives() {
            List<Diagnostic> streamed = new ArrayList<>();
            TraceChecker checker = new TraceChecker(REGISTRY, streamed::add);
            ScriptedTraffic t = httpsGet("1");
            TraceDecoding.decode(t.entries(), REGISTRY).forEach(checker::accept);
            checker.finish();
            assertThat(streamed).isEqualTo(check(t)).isNotEmpty();
        }
    }

    @Test
    void anAnswerLaterThanTheGrammarsResponseTimeIsAWarning() {
        ScriptedTraffic slow = online();
        slow.pause(50_000).command("AT+QILOCIP").answer(900_000, "10.1.2.3");
        Diagnostic d = only(slow, "result.slow");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("AT+QILOCIP took 90").contains("within 300 ms");

        ScriptedTraffic prompt = online();
        prompt.pause(50_000).command("AT+QILOCIP").answer(20_000, "10.1.2.3");
        assertThat(check(prompt)).extracting(Diagnostic::ruleId).doesNotContain("result.slow");

        // an upload lasts as long as its bytes take on the wire: not timed against the answer time
        ScriptedTraffic upload = new ScriptedTraffic();
        byte[] pem = NoteExamples.pem("CERTIFICATE", 1614, 1);
        upload.command("AT+QSECWRITE=\"RAM:ca.pem\",1614,100").answer(20_000, "CONNECT");
        upload.hostBytes(900_000, pem).answer(20_000, "+QSECWRITE: 1614," + UploadChecksum.hex(pem), "OK");
        assertThat(check(upload)).extracting(Diagnostic::ruleId).doesNotContain("result.slow");
    }

    @Test
    void aBurstOfUrcsInsideAnAnswerIsNamed() {
        ScriptedTraffic burst = online();
        burst.pause(50_000).command("AT+CSQ");
        for (int i = 0; i < 6; i++) {
            burst.urc(i % 2 == 0 ? "+CGREG: 1" : "+CREG: 1");
        }
        burst.answer(20_000, "+CSQ: 20,0", "OK");
        Diagnostic d = only(burst, "urc.burst");
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).startsWith("6 unsolicited result codes arrived while AT+CSQ");

        ScriptedTraffic few = online();
        few.pause(50_000).command("AT+CSQ").urc("+CGREG: 1").urc("+CREG: 1").answer(20_000, "+CSQ: 20,0", "OK");
        assertThat(check(few)).extracting(Diagnostic::ruleId).doesNotContain("urc.burst");
    }
}
