package dev.atscope.core.protocol;

/**
 * One parameter of a command, named by the grammar.
 *
 * @param name its name in the grammar ({@code sslversion}, {@code filename}); {@code type} for the
 *     value that selects a subcommand; {@code pN} (1-based) for a value the grammar has no place for
 * @param raw the value as sent (quotes kept)
 * @param value the value without its quotes
 * @param meaning what the value means, from the grammar's value table (a subcommand's title, a
 *     cipher suite's name, an NVRAM file's role), or null
 */
public record NamedParam(String name, String raw, String value, String meaning) {}
