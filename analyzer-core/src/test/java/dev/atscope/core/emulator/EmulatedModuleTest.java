package dev.atscope.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.protocol.quectel.NoteExamples;
import dev.atscope.core.protocol.quectel.UploadChecksum;
import dev.atscope.core.testing.Await;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given an emulated module on a pipe, when a host sends each command of the note, then it answers as documented. */
class EmulatedModuleTest {

    @Test
    void bootsWithTheUsualUrcsAndAnswersAt() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.bootLines).containsExactly("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready");
            assertThat(b.answer("AT")).containsExactly("OK");
            assertThat(b.answer("ATI")).containsExactly("Quectel_M66", "Revision: M66FAR02A12 (atscope emulator)", "OK");
            assertThat(b.answer("AT+FOO")).containsExactly("ERROR");
            assertThat(b.answer("AT+CPIN?")).containsExactly("+CPIN: READY", "OK");
            assertThat(b.answer("AT+CSQ")).containsExactly("+CSQ: 24,0", "OK");
            assertThat(b.answer("AT+CGATT?")).containsExactly("+CGATT: 1", "OK");
            assertThat(b.answer("AT+CGREG?")).containsExactly("+CGREG: 0,1", "OK");
        }
    }

    @Test
    void echoFollowsAteAndTheDecoderSeesIt() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            b.send("AT");
            b.send("ATE0");
            b.send("AT+CSQ");
            List<Transaction> t = b.transactions();
            assertThat(t).hasSize(3);
            assertThat(t.get(0).echo()).isNotNull();
            assertThat(t.get(1).echo()).isNotNull(); // ATE0 itself is echoed: echo stops after it
            assertThat(t.get(2).echo()).isNull();
            assertThat(t.get(2).informationLines()).extracting(e -> e.text()).containsExactly("+CSQ: 24,0");
        }
    }

    @Test
    void numericResultsAfterAtv0() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            b.send("ATE0");
            b.host.write("ATV0\r".getBytes(StandardCharsets.US_ASCII));
            Await.until("the digit result of ATV0", () -> moduleText(b).endsWith("0\r"));
            // the OK of ATE0 in words, then the OK of ATV0 itself as the digit 0 with a CR
            assertThat(moduleText(b)).endsWith("\r\nOK\r\n0\r");
        }
    }

    @Test
    void cmeeChoosesBetweenErrorNumbersAndText() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+CMEE?")).containsExactly("+CMEE: 1", "OK");
            assertThat(b.answer("AT+QSECDEL=\"RAM:none.pem\"")).containsExactly("+CME ERROR: 4010");
            b.send("AT+CMEE=2");
            assertThat(b.answer("AT+QSECDEL=\"RAM:none.pem\"")).containsExactly("+CME ERROR: file not found");
            b.send("AT+CMEE=0");
            assertThat(b.answer("AT+QSECDEL=\"RAM:none.pem\"")).containsExactly("ERROR");
            assertThat(b.answer("AT+CMEE=3")).as("out of the grammar's range").containsExactly("ERROR");
        }
    }

    @Test
    void testAndReadFormsAnswerAsDocumented() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+QSSLCFG=?")).containsExactly("+QSSLCFG: \"type\",(0-5),\"value\"", "OK");
            assertThat(b.answer("AT+QSECWRITE=?")).containsExactly("+QSECWRITE: <filename>,(1-32768),(3-200)", "OK");
            assertThat(b.answer("AT+QSECWRITE?")).containsExactly("OK");
            assertThat(b.answer("AT+QSECREAD=?")).containsExactly("+QSECREAD: <filename>", "OK");
            assertThat(b.answer("AT+QSECREAD?")).containsExactly("OK");
            assertThat(b.answer("AT+QSECDEL=?")).containsExactly("+QSECDEL: <filename>", "OK");
            assertThat(b.answer("AT+QSECDEL?")).containsExactly("OK");
            assertThat(b.answer("AT+QHTTPURL=?")).containsExactly("+QHTTPURL: (1-450),(1-65535)", "OK");
            assertThat(b.answer("AT+QHTTPGET=?")).containsExactly("+QHTTPGET: (1-65535)", "OK");
            assertThat(b.answer("AT+QHTTPREAD=?")).containsExactly("+QHTTPREAD: (1-65535)", "OK");
            assertThat(b.answer("AT+QIFGCNT=?")).containsExactly("+QIFGCNT: (0-1)", "OK");
            assertThat(b.answer("AT+QIACT=?")).containsExactly("OK");
            assertThat(b.answer("AT+QIFGCNT?")).containsExactly("+QIFGCNT: 0", "OK");
            assertThat(b.answer("AT+QICSGP?")).containsExactly("+QICSGP: 1", "OK");
            assertThat(b.answer("AT+QSECWRITE")).as("no execute form").containsExactly("ERROR");
        }
    }

    @Test
    void sslContextsKeepTheirSettingsAndAnswerQueries() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0,2")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0")).containsExactly("+QSSLCFG: \"sslversion\",2", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",1")).containsExactly("+QSSLCFG: \"sslversion\",4", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"ciphersuite\",0,\"0X0035\"")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"ciphersuite\",0")).containsExactly("+QSSLCFG: \"ciphersuite\",\"0X0035\"",
                    "OK");
            assertThat(b.answer("AT+QSSLCFG=\"secllevel\",5,1")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"seclevel\",5")).as("the spelling public drivers use")
                    .containsExactly("+QSSLCFG: \"seclevel\",1", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"cacert\",0,\"RAM:ca_cert.pem\"")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"ctxindex\",0")).containsExactly(
                    "+QSSLCFG: 0,2,0,\"0X0035\",\"RAM:ca_cert.pem\",\"\",\"\"", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"https\"")).containsExactly("+QSSLCFG: \"https\",0", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"https\",1")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"https\"")).containsExactly("+QSSLCFG: \"https\",1", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"httpsctxi\"")).containsExactly("+QSSLCFG: \"httpsctxi\",-1", "OK");
            assertThat(b.answer("AT+QSSLCFG=\"ignorertctime\",1")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"smtpstyle\",2")).containsExactly("OK");
            // six contexts, 0-5; the versions, levels and suites of §2.2.1 only
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",6,3")).containsExactly("ERROR");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0,5")).containsExactly("ERROR");
            assertThat(b.answer("AT+QSSLCFG=\"secllevel\",0,3")).containsExactly("ERROR");
            assertThat(b.answer("AT+QSSLCFG=\"ciphersuite\",0,\"0X1234\"")).containsExactly("ERROR");
            assertThat(b.answer("AT+QSSLCFG=\"https\",2")).containsExactly("ERROR");
            assertThat(b.answer("AT+QSSLCFG=\"colour\",0,1")).containsExactly("ERROR");
            assertThat(b.answer("AT+QSSLCFG=\"sslversion\",0")).containsExactly("+QSSLCFG: \"sslversion\",2", "OK");
        }
    }

    @Test
    void certificatesAreStoredOnceAndOnlyTheirChecksumsComeBack() throws Exception {
        byte[] ca = NoteExamples.pem("CERTIFICATE", 1614, 1);
        try (ModuleBench b = ModuleBench.fast()) {
            AtHost.Reply w = b.upload("AT+QSECWRITE=\"RAM:ca_cert.pem\",1614,100", ca);
            assertThat(w.answer()).containsExactly("CONNECT", "+QSECWRITE: 1614," + UploadChecksum.hex(ca), "OK");
            // §2.2.2: a file must be deleted before it is written again; CONNECT never comes
            assertThat(b.answer("AT+QSECWRITE=\"RAM:ca_cert.pem\",1614,100")).containsExactly("+CME ERROR: 4012");
            List<String> read = b.answer("AT+QSECREAD=\"RAM:ca_cert.pem\"");
            assertThat(read).hasSize(2).last().isEqualTo("OK");
            assertThat(read.get(0)).startsWith("+QSECREAD: 1,")
                    .as("the read checksum is not the write checksum (PROTOCOL-NOTES)")
                    .isNotEqualTo("+QSECREAD: 1," + UploadChecksum.hex(ca));
            assertThat(b.answer("AT+QSECREAD=\"RAM:ca_cert.pem\"")).containsExactly(read.toArray(String[]::new));
            assertThat(b.answer("AT+QSECDEL=\"RAM:ca_cert.pem\"")).containsExactly("OK");
            assertThat(b.answer("AT+QSECREAD=\"RAM:ca_cert.pem\"")).containsExactly("+CME ERROR: 4010");
            assertThat(b.upload("AT+QSECWRITE=\"RAM:ca_cert.pem\",1614,100", ca).ok()).isTrue();
        }
    }

    @Test
    void nvramTakesFourNamesAndSmallFilesAndSurvivesARestart() throws Exception {
        byte[] small = NoteExamples.pem("CERTIFICATE", 1614, 1);
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+QSECWRITE=\"NVRAM:CA2\",1614,100")).containsExactly("+CME ERROR: 4013");
            assertThat(b.answer("AT+QSECWRITE=\"NVRAM:CA0\",2026,100")).containsExactly("+CME ERROR: 4000");
            assertThat(b.answer("AT+QSECWRITE=\"RAM:big.pem\",32769,100")).as("the grammar's range")
                    .containsExactly("+CME ERROR: 4013");
            assertThat(b.answer("AT+QSECWRITE=\"ca.pem\",100,100")).as("no RAM: or NVRAM: prefix")
                    .containsExactly("+CME ERROR: 4013");
            assertThat(b.upload("AT+QSECWRITE=\"NVRAM:CA0\",1614,100", small).ok()).isTrue();
            assertThat(b.upload("AT+QSECWRITE=\"RAM:ca.pem\",1614,100", small).ok()).isTrue();

            AtHost.Reply restart = b.send("AT+CFUN=1,1");
            assertThat(restart.result()).isEqualTo("OK");
            b.host.awaitUrc("SMS Ready", java.time.Duration.ofSeconds(5));
            assertThat(b.answer("AT+QSECREAD=\"NVRAM:CA0\"").get(0)).startsWith("+QSECREAD: 1,");
            assertThat(b.answer("AT+QSECREAD=\"RAM:ca.pem\"")).as("RAM is lost").containsExactly("+CME ERROR: 4010");
        }
    }

    @Test
    void anUploadEndsEarlyAtTheEscapeOrAtItsTimeout() throws Exception {
        ModulePace timing = new ModulePace(0, java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(30),
                java.time.Duration.ZERO);
        try (ModuleBench b = new ModuleBench(EmulatorConfig.defaults().withTiming(timing))) {
            byte[] part = "-----BEGIN CERTIFICATE-----\nMIIB".getBytes(StandardCharsets.US_ASCII);
            byte[] withEscape = (new String(part, StandardCharsets.US_ASCII) + "+++").getBytes(StandardCharsets.US_ASCII);
            AtHost.Reply escaped = b.upload("AT+QSECWRITE=\"RAM:a.pem\",500,100", withEscape);
            assertThat(escaped.answer()).containsExactly("CONNECT", "+QSECWRITE: " + part.length + ","
                    + UploadChecksum.hex(part), "OK");
            // timeout 3 s of the module = 300 ms here; the host sends less than announced
            AtHost.Reply timedOut = b.upload("AT+QSECWRITE=\"RAM:b.pem\",500,3", part);
            assertThat(timedOut.answer()).containsExactly("CONNECT", "+QSECWRITE: " + part.length + ","
                    + UploadChecksum.hex(part), "OK");
        }
    }

    @Test
    void pdpContextFollowsTheStackStates() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+QILOCIP")).containsExactly("ERROR");
            assertThat(b.answer("AT+QIACT")).as("no APN yet").containsExactly("ERROR");
            assertThat(b.answer("AT+QIFGCNT=0")).containsExactly("OK");
            assertThat(b.answer("AT+QIFGCNT=2")).as("the grammar's range").containsExactly("ERROR");
            assertThat(b.answer("AT+QICSGP=1,\"CMNET\"")).containsExactly("OK");
            assertThat(b.answer("AT+QIREGAPP")).containsExactly("OK");
            assertThat(b.answer("AT+QIREGAPP?")).containsExactly("+QIREGAPP: \"CMNET\",\"\",\"\"", "OK");
            assertThat(b.answer("AT+QIREGAPP")).as("only from the initial state").containsExactly("ERROR");
            assertThat(b.answer("AT+QIACT")).containsExactly("OK");
            assertThat(b.answer("AT+QIACT")).as("already active").containsExactly("ERROR");
            assertThat(b.answer("AT+QILOCIP")).containsExactly("127.0.0.1");
            assertThat(b.answer("AT+QICSGP=1,\"OTHER\"")).as("not while active").containsExactly("ERROR");
            assertThat(b.answer("AT+QIDEACT")).containsExactly("DEACT OK");
            assertThat(b.answer("AT+QILOCIP")).containsExactly("ERROR");
            assertThat(b.transactions()).filteredOn(t -> t.first().name().equals("+QILOCIP"))
                    .extracting(Transaction::outcome).containsExactly(Outcome.ERROR, Outcome.OK, Outcome.ERROR);
        }
    }

    @Test
    void aThirdActiveContextIsRefused() throws Exception {
        FaultProfile twoElsewhere = new FaultProfile(null, null, null, null, null, null, null, null, null, null, null,
                null, 2);
        try (ModuleBench b = ModuleBench.fast(twoElsewhere)) {
            b.activate();
            b.send("AT+QIFGCNT=1");
            b.send("AT+QICSGP=1,\"CMNET\"");
            assertThat(b.answer("AT+QIACT")).as("two in use elsewhere + context 0 = three").containsExactly("ERROR");
            assertThat(b.log).anyMatch(l -> l.contains("3 PDP contexts are active already"));
        }
    }

    @Test
    void severalCommandsOnOneLineAnswerOnce() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+QSSLCFG=\"https\",1;+QSSLCFG=\"https\"")).containsExactly("+QSSLCFG: \"https\",1",
                    "OK");
            assertThat(b.answer("AT+QSSLCFG=\"https\",0;+FOO;+QSSLCFG=\"https\",1")).containsExactly("ERROR");
            assertThat(b.answer("AT+QSSLCFG=\"https\"")).containsExactly("+QSSLCFG: \"https\",0", "OK");
        }
    }

    @Test
    void httpRequestsNeedAContextAndAUrl() throws Exception {
        byte[] page = "<html>hello</html>".getBytes(StandardCharsets.US_ASCII);
        try (ModuleBench b = ModuleBench.fast(); LoopbackHttpsServer server = LoopbackHttpsServer.http(page)) {
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3808");
            b.activate();
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3811");
            assertThat(b.answer("AT+QHTTPREAD=30")).containsExactly("+CME ERROR: 3804");
            assertThat(b.url("http://127.0.0.1:" + server.port() + "/index.html").answer()).containsExactly("CONNECT",
                    "OK");
            assertThat(b.answer("AT+QHTTPURL?")).containsExactly(
                    "+QHTTPURL: \"http://127.0.0.1:" + server.port() + "/index.html\"", "OK");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("OK");
            AtHost.Reply read = b.send("AT+QHTTPREAD=30");
            assertThat(read.answer()).containsExactly("CONNECT", "OK");
            assertThat(read.body()).isEqualTo(page);
            assertThat(server.requests()).isEqualTo(1);

            byte[] form = "a=1&b=2".getBytes(StandardCharsets.US_ASCII);
            assertThat(b.upload("AT+QHTTPPOST=" + form.length + ",10,10", form).answer()).containsExactly("CONNECT",
                    "OK");
            assertThat(b.send("AT+QHTTPREAD").body()).as("the server echoes a POST").isEqualTo(form);

            b.url("http://unknown.example/x");
            assertThat(b.answer("AT+QHTTPGET=60")).as("the resolver knows no such name").containsExactly(
                    "+CME ERROR: 3813");
            b.url("ftp://127.0.0.1/x");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3810");
        }
    }

    @Test
    void identityRadioAndSettingsCommands() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+CGMI")).containsExactly("Quectel", "OK");
            assertThat(b.answer("AT+CGMM")).containsExactly("M66", "OK");
            assertThat(b.answer("AT+CGMR")).containsExactly("Revision: M66FAR02A12 (atscope emulator)", "OK");
            assertThat(b.answer("AT+GMR")).isEqualTo(b.answer("AT+CGMR"));
            assertThat(b.answer("AT+CGSN").get(0)).matches("\\d{15}");
            assertThat(b.answer("AT+GSN")).isEqualTo(b.answer("AT+CGSN"));
            assertThat(b.answer("AT+CCID").get(0)).matches("\\d{20}");
            assertThat(b.answer("AT&W")).containsExactly("OK");
            assertThat(b.answer("AT+CPIN=\"1234\"")).as("no PIN is asked for").containsExactly("+CME ERROR: 3");
            assertThat(b.answer("AT+CREG?")).containsExactly("+CREG: 0,1", "OK");
            assertThat(b.answer("AT+CREG=2")).containsExactly("OK");
            assertThat(b.answer("AT+CREG?")).containsExactly("+CREG: 2,1", "OK");
            assertThat(b.answer("AT+CFUN?")).containsExactly("+CFUN: 1", "OK");
            assertThat(b.answer("AT+CFUN=0")).containsExactly("OK");
            assertThat(b.answer("AT+CSQ")).as("radio off").containsExactly("+CSQ: 99,99", "OK");
            assertThat(b.answer("AT+CGATT?")).containsExactly("+CGATT: 0", "OK");
            assertThat(b.answer("AT+CGREG?")).containsExactly("+CGREG: 0,0", "OK");
            assertThat(b.answer("AT+CFUN=1")).containsExactly("OK");
            assertThat(b.answer("AT+CGATT?")).containsExactly("+CGATT: 1", "OK");

            b.send("ATE0");
            b.send("AT+CMEE=2");
            assertThat(b.answer("ATZ")).containsExactly("OK");
            assertThat(b.answer("AT+CMEE?")).as("ATZ restores the settings of a restart")
                    .containsExactly("+CMEE: 1", "OK");
            b.send("ATE0");
            assertThat(b.answer("AT&F")).containsExactly("OK");
            b.send("AT");
            assertThat(b.transactions()).last().as("AT&F turns echo back on")
                    .satisfies(t -> assertThat(t.echo()).isNotNull());

            assertThat(b.host.send("ATQ1", java.time.Duration.ofMillis(300)).result()).as("quiet: no result codes")
                    .isEmpty();
            assertThat(b.host.send("AT+CSQ", java.time.Duration.ofMillis(300)).answer()).containsExactly("+CSQ: 24,0");
            assertThat(b.answer("ATQ0")).containsExactly("OK");
        }
    }

    @Test
    void qiregappWritesTheApnAndRegisters() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+QIREGAPP=\"CMNET\",\"user\",\"secret\"")).containsExactly("OK");
            assertThat(b.answer("AT+QIREGAPP?")).containsExactly("+QIREGAPP: \"CMNET\",\"user\",\"secret\"", "OK");
            assertThat(b.answer("AT+QIACT")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"smtpsctxi\",3")).containsExactly("OK");
            assertThat(b.answer("AT+QSSLCFG=\"smtpsctxi\"")).containsExactly("+QSSLCFG: \"smtpsctxi\",3", "OK");
            assertThat(b.answer("AT+QHTTPGET")).as("execute form, default timeout").containsExactly("+CME ERROR: 3811");
        }
    }

    @Test
    void theNotesSpaceAfterAtPlusIsRefused() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            assertThat(b.answer("AT+ QIFGCNT=0")).containsExactly("ERROR");
            assertThat(b.answer("AT+QIFGCNT=0")).containsExactly("OK");
        }
    }

    private static String moduleText(ModuleBench b) {
        StringBuilder sb = new StringBuilder();
        synchronized (b.entries) {
            for (var e : b.entries) {
                if (e instanceof dev.atscope.core.trace.Chunk c
                        && c.direction() == dev.atscope.core.trace.Direction.MODULE_TO_HOST) {
                    sb.append(new String(c.data(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return sb.toString();
    }

    @Test
    void anAddressOffThisMachineIsNeverContactedUnlessTheNetworkIsAllowed() throws Exception {
        try (ModuleBench b = ModuleBench.fast()) {
            b.activate();
            b.url("http://220.180.239.201:8417/test/testfiles/test2000.html");
            assertThat(b.answer("AT+QHTTPGET=60")).containsExactly("+CME ERROR: 3815");
            assertThat(b.log).anySatisfy(l -> assertThat(l).contains("220.180.239.201 is not on this machine")
                    .contains("--resolve 220.180.239.201=127.0.0.1"));
        }
    }
}
