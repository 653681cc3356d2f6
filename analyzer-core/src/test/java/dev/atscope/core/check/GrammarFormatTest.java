package dev.atscope.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandLineParser;
import dev.atscope.core.protocol.NamedParam;
import dev.atscope.core.protocol.ProtocolRegistry;
import dev.atscope.core.protocol.basic.Ts27007Library;
import dev.atscope.core.protocol.basic.V250Library;
import dev.atscope.core.protocol.quectel.QuectelLteLibrary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the grammar format's newer parts mean to the checker: a quoted value from a table, a value
 * with another form, a repeated group of parameters, a file name in the default storage, a range
 * whose table only gives meanings.
 */
class GrammarFormatTest {

    static final ProtocolRegistry LTE = new ProtocolRegistry(List.of(new QuectelLteLibrary(), new Ts27007Library(),
            new V250Library()));
    static final CommandValidator VALIDATOR = new CommandValidator(LTE);

    static AtCommand command(String line) {
        return CommandLineParser.parse(line).get(0);
    }

    static List<String> rules(String line) {
        return VALIDATOR.validate(command(line)).stream().map(Diagnostic::ruleId).toList();
    }

    @Test
    void aQuotedValueMustBeOneOfItsTable() {
        assertThat(rules("AT+QIOPEN=1,0,\"TCP\",\"example.com\",80,0,1")).isEmpty();
        assertThat(rules("AT+QIOPEN=1,0,\"tcp\",\"example.com\",80")).as("without regard to case").isEmpty();
        assertThat(VALIDATOR.validate(command("AT+QIOPEN=1,0,\"SCTP\",\"example.com\",80"))).singleElement()
                .satisfies(d -> {
                    assertThat(d.ruleId()).isEqualTo("param.value");
                    assertThat(d.message()).contains("\"SCTP\" is not one of TCP (TCP client)");
                    assertThat(d.where().column()).isEqualTo("AT+QIOPEN=1,0,".length());
                });
    }

    @Test
    void aValueMayTakeTheFormOfEitherSmsMode() {
        assertThat(rules("AT+CMGL=\"REC UNREAD\"")).as("text mode").isEmpty();
        assertThat(rules("AT+CMGL=4")).as("PDU mode").isEmpty();
        assertThat(rules("AT+CMGL=5")).containsExactly("param.value");
        assertThat(rules("AT+CMGL=\"UNREAD\"")).containsExactly("param.value");
        assertThat(rules("AT+CMGS=\"+31628870634\",145")).isEmpty();
        assertThat(rules("AT+CMGS=23")).isEmpty();
        assertThat(rules("AT+CMGS=0")).containsExactly("param.range");
        assertThat(LTE.parameters(command("AT+CMGL=4"))).containsExactly(new NamedParam("stat", "4", "4", "all messages"));
    }

    @Test
    void aRepeatedGroupIsCheckedRoundByRound() {
        assertThat(rules("AT+CGACT=1,1,2,3")).isEmpty();
        assertThat(rules("AT+CGACT=1,1,0")).containsExactly("param.range");
        assertThat(rules("AT+QMTSUB=0,1,\"a/b\",1,\"c/d\",2")).isEmpty();
        assertThat(rules("AT+QMTSUB=0,1,\"a/b\",1,\"c/d\",3")).containsExactly("param.value");
        assertThat(VALIDATOR.validate(command("AT+QMTSUB=0,1,\"a/b\",1,\"c/d\""))).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("param.count");
            assertThat(d.where().column()).isEqualTo("AT+QMTSUB=0,1,\"a/b\",1,".length());
        });
        assertThat(LTE.parameters(command("AT+CGACT=1,1,2"))).extracting(NamedParam::name)
                .containsExactly("state", "cid", "cid");
    }

    @Test
    void aFileNameWithoutAStorageIsInTheDefaultOne() {
        assertThat(rules("AT+QSSLCFG=\"cacert\",1,\"cacert.pem\"")).isEmpty();
        assertThat(rules("AT+QSSLCFG=\"cacert\",1,\"UFS:cacert.pem\"")).isEmpty();
        assertThat(rules("AT+QFUPL=\"RAM:cacert.pem\",1758,100")).isEmpty();
        assertThat(rules("AT+QSSLCFG=\"cacert\",1,\"SD:cacert.pem\"")).containsExactly("file.storage");
        assertThat(rules("AT+QFUPL=\"UFS:\",10")).containsExactly("file.name");
    }

    @Test
    void aRangeWithATableTakesAnyNumberInItAndNamesTheKnownOnes() {
        CommandValidator v = VALIDATOR;
        AtCommand cereg = command("AT+CEREG?");
        assertThat(v.validateResponse(cereg, "+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",9")).isEmpty();
        assertThat(v.validateResponse(cereg, "+CEREG: 3,3,\"1A2B\",\"01A2B3C4\",7,0,15")).isEmpty();
        assertThat(v.validateResponse(cereg, "+CEREG: 0,90")).as("Nordic's SIM failure").isEmpty();
        assertThat(v.validateResponse(cereg, "+CEREG: 0,256")).extracting(Diagnostic::ruleId)
                .containsExactly("response.value");
        assertThat(v.validateResponse(command("AT+CSQ"), "+CSQ: 32,99")).extracting(Diagnostic::ruleId)
                .containsExactly("response.value");
    }

    @Test
    void commandsThatRealModulesTookPass() {
        // samples/field-logs: catm1-bg96-9 (a BG96 answers OK), tinygsm-257 and -296 (u-blox resets),
        // lede-641 (a Vodafone stick takes a bare 0 for the PDP address)
        assertThat(rules("AT+CGREG=4")).isEmpty();
        assertThat(VALIDATOR.validateResponse(command("AT+CGREG?"), "+CGREG: 4,4")).isEmpty();
        assertThat(rules("AT+CFUN=16")).isEmpty();
        assertThat(rules("AT+CFUN=128")).containsExactly("param.range");
        assertThat(rules("AT+CGDCONT=1,\"IP\",\"web.vodafone.de\",0,0")).isEmpty();
        assertThat(rules("AT+CGDCONT=1,\"IP\",\"web.vodafone.de\",1,0")).containsExactly("param.range");
    }

    @Test
    void theLteFormsOfCommandsTheMSeriesAlsoHasAreChecked() {
        assertThat(rules("AT+QICSGP=1,1,\"internet\",\"\",\"\",1")).isEmpty();
        assertThat(rules("AT+QIACT=1")).isEmpty();
        assertThat(rules("AT+QIACT=17")).containsExactly("param.range");
        assertThat(rules("AT+QSSLCFG=\"seclevel\",1,2")).isEmpty();
        assertThat(rules("AT+QSSLCFG=\"sslversion\",6,3")).containsExactly("param.range");
        assertThat(rules("AT+QHTTPCFG=\"sslctxid\",1")).isEmpty();
        assertThat(rules("AT+QHTTPGET=80")).isEmpty();
        assertThat(rules("AT+QMTCFG=\"ssl\",0,1,2")).isEmpty();
    }
}
