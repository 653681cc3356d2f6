package dev.atscope.core.decode;

import java.util.List;
import java.util.Locale;

/**
 * The form result codes take on the wire and which module lines are final results: verbose texts
 * ({@code OK}, {@code NO CARRIER}) until a successful {@code ATV0} makes them digits, verbose again
 * after {@code ATV1}, {@code ATZ}, {@code AT&F} or a restart (V.250 6.2.6). Which texts are result
 * codes comes from the {@link ResponseModel}; a command's own finals from its {@link ResponseShape}.
 */
final class ResultFormat {

    private final ResponseModel model;
    /** False after a successful ATV0: result codes come as digits. */
    private boolean verbose = true;

    ResultFormat(ResponseModel model) {
        this.model = model;
    }

    /** The commands of a command line that succeeded: ATV, ATZ and AT&F set the form. */
    void succeeded(List<AtCommand> commands) {
        for (AtCommand c : commands) {
            switch (c.name()) {
                case "V" -> verbose = c.form() == CommandForm.WRITE && !"0".equals(c.args());
                case "Z", "&F" -> verbose = true;
                default -> {
                    // other commands leave the result format alone
                }
            }
        }
    }

    /** The module restarted: its result codes are verbose again. */
    void restarted() {
        verbose = true;
    }

    /** Whether a line starts the data of the command waiting ({@code CONNECT}, or its own start line). */
    boolean isConnect(String text, PendingCommand target) {
        return target.shape.startsData(text, model.connect(text, numeric(target)));
    }

    /** Whether the answer of the command waiting comes in numeric form (after ATV0, or ATV0 on its own line). */
    private boolean numeric(PendingCommand target) {
        if (!verbose) {
            return true;
        }
        if (target != null) {
            for (AtCommand c : target.commands) {
                if (c.name().equals("V") && (c.form() == CommandForm.EXECUTE || "0".equals(c.args()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The outcome a final result line stands for, or null when the line is not a final result. */
    Outcome finalOutcome(String text, PendingCommand target) {
        // V.250's result codes come from the basic library's table; the digits only after ATV0
        Outcome code = model.resultOutcome(text, target == null ? !verbose : numeric(target));
        if (code != null) {
            return code;
        }
        if (text.startsWith("+CME ERROR:") || text.startsWith("+CMS ERROR:")) {
            return Outcome.ERROR;
        }
        if (target != null && !target.shape.extraFinals().isEmpty()) { // most have none: no iterator then
            for (String f : target.shape.extraFinals()) {
                if (f.equalsIgnoreCase(text)) {
                    String u = f.toUpperCase(Locale.ROOT);
                    return u.contains("FAIL") || u.contains("ERROR") ? Outcome.ERROR : Outcome.OK;
                }
            }
        }
        return null;
    }
}
