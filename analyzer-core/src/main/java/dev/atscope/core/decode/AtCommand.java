package dev.atscope.core.decode;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One command of a command line: {@code AT+QSSLCFG="https",1} has the name {@code +QSSLCFG}, the
 * form WRITE and the arguments {@code "https",1}.
 *
 * <p>A value: two commands with the same name, form, arguments and text are equal. What is derived
 * from it is kept with it, made on first use: its parameters split, its display, and what each
 * reader of the grammar resolved about it ({@link #derived}). The decoder hands out one instance
 * for every repetition of a command line it has seen recently, so on a trace that polls the same
 * commands the work of resolving a command is done once, not once per transaction and reader.
 */
public final class AtCommand {

    /** Readers whose results are kept with one command at most; a trace is read with a handful of grammars. */
    private static final int DERIVED_SLOTS = 8;

    private final String name;
    private final CommandForm form;
    private final String args;
    private final String raw;
    /** {@link #params()}, made on first use (an immutable list, safe to share). */
    private volatile List<String> params;
    /** Pairs of a reader and what it derived ({@link #derived}), replaced whole when one is added. */
    private volatile Object[] derived;

    /**
     * @param name upper-case name as the grammar spells it: {@code +QSSLCFG}, {@code E}, {@code &W},
     *     {@code S0}, or {@code AT} for the bare attention command
     * @param form the form, from the suffix
     * @param args the text after {@code =} (write form), as sent; empty for the other forms
     * @param raw this command's part of the line, as sent (without {@code AT} and {@code ;})
     */
    public AtCommand(String name, CommandForm form, String args, String raw) {
        this.name = Objects.requireNonNull(name, "name");
        this.form = Objects.requireNonNull(form, "form");
        this.args = args == null ? "" : args;
        this.raw = raw == null ? "" : raw;
    }

    /** The upper-case name: {@code +QSSLCFG}, {@code E}, {@code AT} for the bare attention command. */
    public String name() {
        return name;
    }

    /** The form, from the suffix. */
    public CommandForm form() {
        return form;
    }

    /** The text after {@code =} (write form), as sent; empty for the other forms. */
    public String args() {
        return args;
    }

    /** This command's part of the line, as sent (without {@code AT} and {@code ;}). */
    public String raw() {
        return raw;
    }

    /** The arguments split at commas outside quotes, each as sent (quotes kept, spaces trimmed); unmodifiable. */
    public List<String> params() {
        List<String> p = params;
        if (p == null) {
            p = List.copyOf(AtArguments.split(args));
            params = p;
        }
        return p;
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

    /**
     * What {@code reader} derives from this command, made by {@code make} the first time that reader
     * asks and kept with the command after: the registry's resolution of it against its grammar, a
     * validator's findings. The result must depend on nothing but the reader and the command, and be
     * immutable; a reader beyond the first {@value #DERIVED_SLOTS} displaces the oldest.
     */
    public <T> T derived(Object reader, Function<? super AtCommand, ? extends T> make) {
        Object[] d = derived;
        if (d != null) {
            for (int i = 0; i < d.length; i += 2) {
                if (d[i] == reader) {
                    @SuppressWarnings("unchecked")
                    T value = (T) d[i + 1];
                    return value;
                }
            }
        }
        T value = make.apply(this);
        Object[] next;
        if (d == null) {
            next = new Object[] {reader, value};
        } else if (d.length < 2 * DERIVED_SLOTS) {
            next = java.util.Arrays.copyOf(d, d.length + 2);
            next[d.length] = reader;
            next[d.length + 1] = value;
        } else {
            next = new Object[d.length];
            System.arraycopy(d, 2, next, 0, d.length - 2);
            next[d.length - 2] = reader;
            next[d.length - 1] = value;
        }
        derived = next;
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtCommand c && c.name.equals(name) && c.form == form && c.args.equals(args)
                && c.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, form, args, raw);
    }

    @Override
    public String toString() {
        return "AtCommand[name=" + name + ", form=" + form + ", args=" + args + ", raw=" + raw + "]";
    }
}
