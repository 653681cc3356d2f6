package dev.atscope.core.protocol;

/**
 * An error code that a protocol library documents, as a final result or a completion line carried it.
 *
 * @param table where the code comes from: {@code +CME ERROR}, {@code +CMS ERROR}, or the completion
 *     line's prefix ({@code +QMTCONN:})
 * @param code the number
 * @param text what it means
 * @param errorClass what kind of failure it is
 * @param section where it is documented, or null
 */
public record KnownError(String table, int code, String text, ErrorClass errorClass, String section) {}
