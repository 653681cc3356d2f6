package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import java.io.IOException;
import java.util.Locale;

/**
 * What the module says about itself and its SIM: ATI, AT+CGMI, AT+CGMM, AT+CGMR, AT+CGSN (a serial
 * number made from the module's name, stable across runs), AT+CCID and AT+CPIN (a SIM that asks
 * for no PIN).
 */
final class ModuleIdentity {

    private static final String REVISION = "Revision: M66FAR02A12 (atscope emulator)";

    private final ResultWriter answers;
    private final String serialNumber;

    ModuleIdentity(ResultWriter answers, String name) {
        this.answers = answers;
        this.serialNumber = String.format(Locale.ROOT, "8612340%08d", Math.abs(name.hashCode()) % 100_000_000);
    }

    Result ati(AtCommand c) throws IOException {
        answers.info("Quectel_M66");
        answers.info(REVISION);
        return Result.OK;
    }

    Result manufacturer(AtCommand c) throws IOException {
        return bare(c, "Quectel");
    }

    Result model(AtCommand c) throws IOException {
        return bare(c, "M66");
    }

    Result revision(AtCommand c) throws IOException {
        return bare(c, REVISION);
    }

    Result serialNumber(AtCommand c) throws IOException {
        return bare(c, serialNumber);
    }

    Result iccid(AtCommand c) throws IOException {
        return bare(c, "89860012345678901234");
    }

    Result cpin(AtCommand c) throws IOException {
        if (c.form() == CommandForm.READ) {
            answers.info("+CPIN: READY");
            return Result.OK;
        }
        return c.form() == CommandForm.TEST ? Result.OK : Result.cme(ErrorSituation.NOT_ALLOWED); // no PIN is asked for
    }

    private Result bare(AtCommand c, String answer) throws IOException {
        if (c.form() != CommandForm.TEST) {
            answers.info(answer);
        }
        return Result.OK;
    }
}
