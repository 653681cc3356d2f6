package dev.atscope.report;

/**
 * One parameter of a command as the page shows it.
 *
 * @param name its name in the grammar ({@code sslversion}), or {@code #n} when the grammar has none
 * @param value the value as sent (quotes kept)
 * @param meaning what the value means ({@code TLS 1.2}), or null when the grammar does not say
 */
record NamedParameter(String name, String value, String meaning) {}
