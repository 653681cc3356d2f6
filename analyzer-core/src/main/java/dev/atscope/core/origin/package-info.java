/**
 * What a replay's emulated module reaches instead of the recording's servers: a recorded origin
 * built from the recording (a stand-in per host it contacted, answering what the module read back,
 * on 127.0.0.1 with real TLS, and the cellular network as the recording shows it), or a server of
 * the user's. Depends on the emulator and the replay, never the reverse.
 */
package dev.atscope.core.origin;
