package dev.atscope.core.check;

import java.util.Objects;

/**
 * A finding about a trace.
 *
 * @param ruleId a stable id ({@code param.range}, {@code https.ca-missing})
 * @param severity how much it matters
 * @param message what is wrong, in words a field engineer understands
 * @param section where the application note (or the named source) says so, or null
 * @param where what it is about
 */
public record Diagnostic(String ruleId, Severity severity, String message, String section, Where where) {

    public Diagnostic {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        where = where == null ? Where.NONE : where;
    }

    /** The same finding placed elsewhere. */
    public Diagnostic withWhere(Where w) {
        return new Diagnostic(ruleId, severity, message, section, w);
    }
}
