/**
 * Byte-stream endpoints ({@link dev.atscope.core.link.Link}) shared by the emulator, the capture
 * agent and replay: TCP and in-memory pipes here, serial ports in capture-agent.
 */
package dev.atscope.core.link;
