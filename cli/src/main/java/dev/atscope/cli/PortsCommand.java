package dev.atscope.cli;

import dev.atscope.capture.PortInfo;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code atscope ports}: the serial ports the system reports, with what they are. */
@Command(name = "ports", description = {"Lists the serial ports jSerialComm sees, with their descriptions.",
    "Pseudo-terminals are not listed; give their path to atscope capture directly."})
final class PortsCommand extends AbstractCommand {

    @Override
    int execute() throws Exception {
        print(out(), PortInfo.available());
        return OK;
    }

    static void print(PrintWriter out, List<PortInfo> ports) {
        if (ports.isEmpty()) {
            out.println("no serial ports found (pseudo-terminals are not listed: give their path to atscope capture)");
            return;
        }
        out.printf("%-22s %-10s %-40s %s%n", "PORT", "USB ID", "DESCRIPTION", "DETAILS");
        for (PortInfo p : ports) {
            StringBuilder details = new StringBuilder();
            append(details, p.manufacturer());
            append(details, p.serialNumber().isEmpty() ? "" : "serial " + p.serialNumber());
            append(details, p.location().isEmpty() ? "" : "at " + p.location());
            out.printf("%-22s %-10s %-40s %s%n", p.path(), p.usbId().isEmpty() ? "-" : p.usbId(),
                    p.description().isEmpty() ? p.name() : p.description(), details);
        }
        out.println(ports.size() + (ports.size() == 1 ? " port" : " ports"));
    }

    private static void append(StringBuilder sb, String part) {
        if (!part.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(part);
        }
    }
}
