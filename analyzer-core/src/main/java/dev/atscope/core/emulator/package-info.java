/**
 * The module emulator: a stateful model of an M66-class module behind a {@link
 * dev.atscope.core.link.Link} ({@link dev.atscope.core.emulator.EmulatedModule}), with real HTTP and
 * TLS for its HTTPS commands, fault profiles, a TCP server of many modules, the host's side as
 * firmware drives it, and the demo built from them.
 */
package dev.atscope.core.emulator;
