package dev.atscope.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's reading of one field log ({@code NAME.reading} beside {@code NAME.log}): what a good
 * analyzer must get from it. The format is described in {@code samples/field-logs/README.md}.
 *
 * @param name the log's name without its extension
 * @param header the header lines before the first blank line, by key
 * @param timeInLog true when the log carries times ({@code time: yes}), false when the import must
 *     make them up ({@code time: no})
 * @param knownWrong null when the reading says {@code status: right}, else the reason after
 *     {@code status: wrong:}
 * @param commands the commands the host sent, in order, with what must be true of each
 */
record FieldLogReading(String name, Map<String, String> header, boolean timeInLog, String knownWrong,
        List<Expected> commands) {

    /** The outcome words of the decoder ({@code Outcome.word()}). */
    static final Set<String> OUTCOMES = Set.of("ok", "error", "no-response", "interrupted");

    /** The facts a reading may state about a command. */
    static final Set<String> FACTS = Set.of("answer", "answers", "result", "cme", "cms", "upload");

    private static final Pattern HEADER = Pattern.compile("([a-z][a-z-]*): (.+)");
    private static final Pattern FACT = Pattern.compile("\\s+([a-z][a-z-]*): (.+)");
    private static final Pattern COMMAND = Pattern.compile("([a-z-]+(?:/[a-z-]+)*) (.+)");

    /**
     * One command of the reading.
     *
     * @param line the reading's line number
     * @param outcomes the outcomes that agree with the log (one, or several where the log cannot tell)
     * @param command the command line exactly as the host sent it, without its CR
     * @param facts what else must hold, in the order written: key and value
     */
    record Expected(int line, Set<String> outcomes, String command, List<Map.Entry<String, String>> facts) {

        /** The reading's form of the command: outcome and command line. */
        String shown() {
            return String.join("/", outcomes.stream().sorted().toList()) + " " + command;
        }
    }

    boolean right() {
        return knownWrong == null;
    }

    /** Reads a reading, or fails naming the line and what was expected there. */
    static FieldLogReading parse(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".reading".length());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> header = new LinkedHashMap<>();
        List<Expected> commands = new ArrayList<>();
        boolean inHeader = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.strip().startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                inHeader = inHeader && header.isEmpty();
                continue;
            }
            if (inHeader) {
                Matcher h = HEADER.matcher(line);
                if (!h.matches()) {
                    throw error(file, number, "a header line 'key: value'");
                }
                header.put(h.group(1), h.group(2));
                continue;
            }
            Matcher f = FACT.matcher(line);
            if (f.matches()) {
                if (commands.isEmpty() || !FACTS.contains(f.group(1))) {
                    throw error(file, number, "a fact " + FACTS + " under a command");
                }
                commands.get(commands.size() - 1).facts().add(Map.entry(f.group(1), f.group(2)));
                continue;
            }
            Matcher c = COMMAND.matcher(line);
            if (!c.matches() || !OUTCOMES.containsAll(List.of(c.group(1).split("/")))) {
                throw error(file, number, "'OUTCOME COMMAND' with OUTCOME one of " + OUTCOMES + " or several joined by /");
            }
            commands.add(new Expected(number, Set.of(c.group(1).split("/")), c.group(2), new ArrayList<>()));
        }
        for (String key : List.of("source", "layout", "time", "status")) {
            if (!header.containsKey(key)) {
                throw error(file, 1, "a header line '" + key + ": ...'");
            }
        }
        String time = header.get("time");
        if (!time.startsWith("yes") && !time.startsWith("no")) {
            throw error(file, 1, "'time: yes' or 'time: no'");
        }
        String status = header.get("status");
        String wrong = null;
        if (status.startsWith("wrong: ")) {
            wrong = status.substring("wrong: ".length()).strip();
        } else if (!status.equals("right")) {
            throw error(file, 1, "'status: right' or 'status: wrong: <reason>'");
        }
        return new FieldLogReading(name, header, time.startsWith("yes"), wrong, List.copyOf(commands));
    }

    private static IllegalArgumentException error(Path file, int line, String expected) {
        return new IllegalArgumentException(file + ":" + line + ": expected " + expected);
    }
}
