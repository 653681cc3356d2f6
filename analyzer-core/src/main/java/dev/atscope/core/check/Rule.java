package dev.atscope.core.check;

import java.util.Objects;

/**
 * The definition of one rule: its stable id, how severe its findings are, where its source says
 * so, and what it checks. Each library lists its rules in one enum of {@link Listed} constants,
 * and the rules tables of the documentation are generated from those enums.
 *
 * @param id the stable id, {@code family.name}: {@code https.ca-missing}
 * @param severity how severe every finding of the rule is
 * @param section where the library's source says so ({@code 2.2.1}), or how it is found ({@code
 *     the command's} for a rule whose findings cite the section of the command they are about);
 *     empty when no source is cited
 * @param summary what the rule checks, in one sentence of Markdown for the rules table
 */
public record Rule(String id, Severity severity, String section, String summary) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(summary, "summary");
    }

    /** A finding of this rule citing its {@link #section()}. */
    public Diagnostic at(String message, Where where) {
        return new Diagnostic(id, severity, message, section.isEmpty() ? null : section, where);
    }

    /** A finding of this rule citing the given section (the command's, an error code's source). */
    public Diagnostic at(String message, String citedSection, Where where) {
        return new Diagnostic(id, severity, message, citedSection, where);
    }

    /** A constant of a library's rules enum. */
    public interface Listed {

        /** The rule this constant stands for. */
        Rule rule();

        /** A finding of the rule citing its section. */
        default Diagnostic at(String message, Where where) {
            return rule().at(message, where);
        }

        /** A finding of the rule citing the given section. */
        default Diagnostic at(String message, String citedSection, Where where) {
            return rule().at(message, citedSection, where);
        }
    }
}
