package dev.atscope.core.trace.imports;

import dev.atscope.core.trace.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which side each channel of a log is (a marker, an arrow, a tty), learned from what its lines are
 * and never from how the marker is spelled: a channel whose lines include final results ({@code OK},
 * {@code ERROR}, {@code +CME ERROR}) is the module, since a host never sends one; a channel of
 * command lines beside it is the host. The counts are kept for {@code --explain}.
 */
final class ChannelSides {

    /** What is known of one channel. */
    private static final class Channel {
        final String name;
        long commands;
        long results;
        long lines;
        Direction side;
        String why;
        /** The start of the line being received (enough to tell its kind), and whether it has grown past that. */
        final StringBuilder current = new StringBuilder();

        Channel(String name) {
            this.name = name;
        }
    }

    /** Characters of a line enough to tell what it is. */
    private static final int HEAD = 24;

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final String hostHint;
    private String doubt;

    /** @param hostHint the marker the user named as the host ({@code --host-marker}), or null */
    ChannelSides(String hostHint) {
        this.hostHint = hostHint;
    }

    private Channel channel(String name) {
        return channels.computeIfAbsent(name, Channel::new);
    }

    /** Counts the lines in a channel's bytes; a line may come in several pieces. */
    void tally(String name, byte[] data) {
        Channel c = channel(name);
        for (byte b : data) {
            if (b == '\r' || b == '\n') {
                close(c);
            } else if (c.current.length() < HEAD) {
                c.current.append((char) (b & 0xff));
            }
        }
    }

    /** Counts one whole line of a channel (logs of lines that show no line ends). */
    void tallyLine(String name, String text) {
        Channel c = channel(name);
        close(c);
        c.current.append(text, 0, Math.min(HEAD, text.length()));
        close(c);
    }

    private static void close(Channel c) {
        String s = c.current.toString().strip();
        c.current.setLength(0);
        if (s.isEmpty()) {
            return;
        }
        c.lines++;
        switch (AtText.kind(s)) {
            case COMMAND -> c.commands++;
            case RESULT -> c.results++;
            default -> {
                // answers, URCs and data say nothing about the side
            }
        }
    }

    /** Says what side a channel is, when the log's format or the user says it. */
    void assign(String name, Direction side, String why) {
        Channel c = channel(name);
        c.side = side;
        c.why = why;
    }

    /** The side of a channel, or null while it is not known. */
    Direction side(String name) {
        Channel c = channels.get(name);
        return c == null ? null : c.side;
    }

    /**
     * Decides the sides of the channels not yet known, when the evidence allows or when {@code
     * force} says it must be now (the fallback then is {@code defaultHost}, the format's own word).
     *
     * @return true when every channel has a side
     */
    boolean decide(boolean force, String defaultHost) {
        List<Channel> open = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (c.side == null) {
                open.add(c);
            }
        }
        if (open.isEmpty()) {
            return true;
        }
        if (hostHint != null) {
            for (Channel c : open) {
                boolean host = HeadPattern.of(c.name).named(hostHint) || c.name.strip().equals(hostHint.strip());
                set(c, host ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST, "--host-marker");
            }
            return true;
        }
        Channel module = null;
        for (Channel c : channels.values()) {
            if (c.results > 0 && (module == null || c.results > module.results)) {
                module = c;
            }
        }
        if (module != null) {
            for (Channel c : channels.values()) {
                if (c != module && c.results > 0 && doubt == null) {
                    doubt = "more than one marker carries results (" + module.name + ", " + c.name
                            + "): name the host's with --host-marker";
                }
            }
            Channel host = null;
            for (Channel c : open) {
                if (c != module && c.commands > 0 && c.results == 0 && (host == null || c.commands > host.commands)) {
                    host = c;
                }
            }
            if (host == null && !force) {
                return false; // the host's lines may still come
            }
            for (Channel c : open) {
                if (c == module || module.side == null && c.results > 0) {
                    set(c, Direction.MODULE_TO_HOST, "its lines include final results, which only a module sends");
                } else if (c == host) {
                    set(c, Direction.HOST_TO_MODULE, "its lines are command lines and never results");
                } else if (host == null && channels.size() == 2) {
                    set(c, Direction.HOST_TO_MODULE, "the other marker is the module");
                } else {
                    set(c, Direction.MODULE_TO_HOST, c.commands > 0 ? "fewer command lines than the host's"
                            : "no command line in it");
                }
            }
            return true;
        }
        if (!force) {
            return false;
        }
        // no result anywhere: the channel that sends command lines, else the format's default
        Channel host = null;
        for (Channel c : channels.values()) {
            if (c.commands > 0 && (host == null || c.commands > host.commands)) {
                host = c;
            }
        }
        String why = "no final result in the log: ";
        if (host == null && defaultHost != null) {
            host = channels.get(defaultHost);
            why = "no command or result in the log: ";
        }
        if (channels.size() > 1) {
            doubt = "no final result shows which marker is the module: name the host's with --host-marker";
        }
        for (Channel c : open) {
            boolean isHost = c == host;
            set(c, isHost ? Direction.HOST_TO_MODULE : Direction.MODULE_TO_HOST,
                    why + (isHost ? host.commands > 0 ? "it sends the command lines" : "the format's default"
                            : "the host is " + (host == null ? "not known" : host.name)));
        }
        return true;
    }

    private static void set(Channel c, Direction side, String why) {
        c.side = side;
        c.why = why;
    }

    /** What is unsure about the sides (naming the option that settles it), or null. */
    String doubt() {
        return doubt;
    }

    /** Every channel with its side and counts, for {@code --explain}. */
    List<LogLayout.Side> sides() {
        List<LogLayout.Side> out = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (c.side != null) {
                out.add(new LogLayout.Side(c.name, c.side, c.commands, c.results, c.lines, c.why));
            }
        }
        return out;
    }
}
