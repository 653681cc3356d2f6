package dev.atscope.core.decode;

import java.util.List;
import java.util.Objects;

/**
 * One command of a command line: {@code AT+QSSLCFG="https",1} has the name {@code +QSSLCFG}, the
 * form WRITE and the arguments {@code "https",1}.
 *
 * @param name upper-case name as the grammar spells it: {@code +QSSLCFG}, {@code E}, {@code &W},
 *     {@code S0}, or {@code AT} for the bare attention command
 * @param form the form, from the suffix
 * @param args the text after {@code =} (write form), as sent; empty for the other forms
 * @param raw this command's part of the line, as sent (without {@code AT} and {@code ;})
 */
public record AtCommand(String name, CommandForm form, String args, String raw) {

    public AtCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        args = args == null ? "" : args;
        raw = raw == null ? "" : raw;
    }

    /** The arguments split at commas outside quotes, each as sent (quotes kept, spaces trimmed). */
    public List<String> params() {
        return AtArguments.split(args);
    }

    /** The name without a leading {@code +}: {@code QSSLCFG}. */
    public String bareName() {
        return name.startsWith("+") ? name.substring(1) : name;
    }

    /** The command as sent, with {@code AT} in front: {@code AT+QSSLCFG="https",1}. */
    public String display() {
        if (!raw.isEmpty()) {
            return "AT" + raw;
        }
        return "AT".equals(name) ? "AT" : "AT" + name + form.suffix() + args;
    }
}
