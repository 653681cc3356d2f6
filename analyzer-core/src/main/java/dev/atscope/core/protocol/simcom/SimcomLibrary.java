package dev.atscope.core.protocol.simcom;

import dev.atscope.core.protocol.GrammarLibrary;
import java.util.List;

/**
 * The SIMCom TCP/IP, bearer and HTTP commands of the SIM800 series, the SIM900 and the SIM7000
 * (AT+CIPSTART, AT+CIPSEND and its {@code >} prompt, AT+CIPSHUT's {@code SHUT OK}, AT+SAPBR,
 * AT+HTTPDATA's {@code DOWNLOAD} upload, AT+HTTPACTION's completion): the grammar alone, no session
 * rules or outcomes of its own yet.
 */
public final class SimcomLibrary extends GrammarLibrary {

    public SimcomLibrary() {
        super("simcom.json");
    }

    /** After the Quectel sets: no command name is shared with them, so the order only breaks ties in scoring. */
    @Override
    public int priority() {
        return 300;
    }

    /** As ATI, AT+CGMM and AT+GMR name them ({@code SIMCOM_SIM800L}, {@code SIM800 R14.18}, {@code SIM7000G}). */
    @Override
    public List<String> models() {
        return List.of("SIM800", "SIM808", "SIM868", "SIM900", "SIM7000", "SIM7070", "SIM7080");
    }
}
