package dev.atscope.core.protocol.quectel;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.Transaction;

/**
 * A setting of the module and the command that made it, so that a finding about the setting can
 * point at it when a later request shows it wrong.
 *
 * @param value the value set
 * @param t the transaction that set it
 * @param command the command of that transaction
 * @param param the index of the value among the command's parameters
 */
public record Setting(String value, Transaction t, AtCommand command, int param) {}
