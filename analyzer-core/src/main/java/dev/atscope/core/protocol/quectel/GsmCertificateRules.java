package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.Direction;
import java.util.List;

/** The certificate rules of 2.2.2 and 2.2.3: uploads that exist already, arrive incomplete or damaged, and files that change. */
final class GsmCertificateRules {

    private final RuleContext context;
    private final GsmHttpsState state;

    GsmCertificateRules(RuleContext context, GsmHttpsState state) {
        this.context = context;
        this.state = state;
    }

    /** AT+QSECWRITE: the name, the count announced and sent, the module's count and checksum. */
    void upload(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().size() < 2) {
            return;
        }
        String name = GsmHttpsState.fileKey(c.params().get(0));
        if (state.written(name)) {
            context.report(GsmHttpsRule.UPLOAD_EXISTS.at(name + " was already written in this session and not"
                    + " deleted: the module refuses to overwrite it; send AT+QSECDEL=\"" + name + "\" first",
                    RuleContext.param(t, c, 0)));
        }
        Event payload = hostPayload(t);
        if (payload == null) {
            return;
        }
        int sent = payload.bytes().length;
        String announced = c.params().get(1);
        boolean countOk = announced.equals(Integer.toString(sent));
        if (!countOk) {
            context.report(GsmHttpsRule.UPLOAD_SIZE.at("AT+QSECWRITE announced " + announced + " bytes but the host"
                    + " sent " + sent + (payload.note() == null ? "" : " (" + payload.note() + ")") + ": the stored"
                    + " file is incomplete", RuleContext.param(t, c, 1)));
        }
        for (Event r : t.informationLines()) {
            String text = r.text();
            if (!text.startsWith("+QSECWRITE:")) {
                continue;
            }
            List<String> f = AtArguments.split(text.substring(11).strip());
            int fieldsAt = text.length() - text.substring(11).stripLeading().length();
            if (f.isEmpty()) {
                continue;
            }
            if (!f.get(0).equals(Integer.toString(sent))) {
                context.report(GsmHttpsRule.UPLOAD_SIZE.at("the module stored " + f.get(0) + " bytes of the " + sent
                        + " the host sent", Where.column(fieldsAt, f.get(0).length()).at(t, r)));
            } else if (countOk && f.size() >= 2) {
                String mine = UploadChecksum.hex(payload.bytes());
                if (!f.get(1).equalsIgnoreCase(mine)) {
                    int col = text.indexOf(f.get(1), fieldsAt + f.get(0).length());
                    context.report(GsmHttpsRule.UPLOAD_CHECKSUM.at("the module reports checksum " + f.get(1)
                            + " but the captured bytes give " + mine + ": the file may have been damaged on the wire."
                            + " How sure: the checksum is taken to be the XOR of 16-bit big-endian words, as for"
                            + " AT+QFUPL; it fits the note's examples but is not confirmed for AT+QSECWRITE",
                            Where.column(col, f.get(1).length()).at(t, r)));
                }
            }
        }
    }

    /** AT+QSECREAD: a file the module says is damaged, a checksum that changed since the last read. */
    void read(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().isEmpty()) {
            return;
        }
        String name = GsmHttpsState.fileKey(c.params().get(0));
        String before = state.readChecksum(name);
        for (Event r : t.informationLines()) {
            String text = r.text();
            if (!text.startsWith("+QSECREAD:")) {
                continue;
            }
            int at = text.length() - text.substring(10).stripLeading().length();
            List<String> f = AtArguments.split(text.substring(10).strip());
            if (f.isEmpty()) {
                continue;
            }
            if (f.get(0).equals("0")) {
                context.report(GsmHttpsRule.UPLOAD_DAMAGED.at("the module says " + name + " is damaged (its checksum"
                        + " no longer matches the one stored when it was written): delete it and write it again",
                        Where.column(at, 1).at(t, r)));
            }
            // PROTOCOL-NOTES: compare only with earlier AT+QSECREADs of the same file, never with AT+QSECWRITE
            if (f.size() >= 2 && before != null && !before.equalsIgnoreCase(f.get(1))) {
                int col = text.indexOf(f.get(1), at + f.get(0).length());
                context.report(GsmHttpsRule.UPLOAD_READ_CHECKSUM.at(name + " reads with checksum " + f.get(1)
                        + " now and " + before + " before, with no AT+QSECWRITE between: the stored file changed",
                        Where.column(col, f.get(1).length()).at(t, r)));
            }
            if (f.size() >= 2) {
                before = f.get(1);
            }
        }
    }

    /** The bytes the host sent in data mode, or null. */
    static Event hostPayload(Transaction t) {
        for (Event e : t.responses()) {
            if (e.kind() == EventKind.PAYLOAD && e.direction() == Direction.HOST_TO_MODULE) {
                return e;
            }
        }
        return null;
    }
}
