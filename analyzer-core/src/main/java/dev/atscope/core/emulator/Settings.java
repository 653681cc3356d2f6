package dev.atscope.core.emulator;

import dev.atscope.core.decode.AtCommand;
import java.io.IOException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** A setting with a test answer, a read answer and a write form with one integer (AT+CMEE, AT+CREG, ...). */
final class Settings {

    private Settings() {}

    /** A setting the model holds: the module answers its read from the model, which learns a write from the {@code OK}. */
    static Result integer(AtCommand c, ResultWriter answers, String test, Supplier<String> read) throws IOException {
        return integer(c, answers, test, read, v -> { });
    }

    /** A setting the module keeps itself ({@code write} takes the value). */
    static Result integer(AtCommand c, ResultWriter answers, String test, Supplier<String> read, IntConsumer write)
            throws IOException {
        switch (c.form()) {
            case TEST -> answers.info(test);
            case READ -> answers.info(read.get());
            case WRITE -> write.accept(Integer.parseInt(c.params().get(0)));
            default -> {
                // the execute form of these commands does nothing
            }
        }
        return Result.OK;
    }
}
