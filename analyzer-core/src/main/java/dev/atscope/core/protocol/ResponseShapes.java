package dev.atscope.core.protocol;

import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.ResponseShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the decoder is told about a command's answers, read from its grammar: finals, data mode, answer prefixes, response time. */
final class ResponseShapes {

    private ResponseShapes() {}

    /** The shape of a command's answers by its grammar, or a plain one when the grammar does not know it ({@code spec} null). */
    static ResponseShape of(AtCommand command, Grammar.CommandSpec spec) {
        List<String> prefixes = new ArrayList<>();
        if (command.name().startsWith("+")) {
            prefixes.add(command.name() + ":");
        }
        if (spec == null) {
            return new ResponseShape(java.util.Set.of(), false, ResponseShape.DataMode.NONE, -1, prefixes, 0, null);
        }
        Grammar.FormSpec form = spec.forms().get(command.form().word());
        boolean bare = false;
        ResponseShape.DataMode mode = ResponseShape.DataMode.NONE;
        int lengthParam = -1;
        String dataStart = null;
        if (form != null) {
            bare = form.bareResponse();
            for (Grammar.ResponseSpec r : form.responses()) {
                if (r.prefix() != null && !prefixes.contains(r.prefix())) {
                    prefixes.add(r.prefix());
                }
            }
            for (Grammar.SubcommandSpec sub : form.subcommands().values()) {
                for (Grammar.ResponseSpec r : sub.responses()) {
                    if (r.prefix() != null && !prefixes.contains(r.prefix())) {
                        prefixes.add(r.prefix());
                    }
                }
            }
            if (form.completion() != null && form.responses().stream()
                    .noneMatch(r -> form.completion().prefix().equals(r.prefix()))) {
                // the completion comes after the OK, maybe while the next command is pending
                prefixes.remove(form.completion().prefix());
            }
            Grammar.DataModeSpec dm = form.dataMode();
            if (dm != null) {
                mode = "module".equals(dm.sender()) ? ResponseShape.DataMode.BODY
                        : dm.prompt() ? ResponseShape.DataMode.PROMPT : ResponseShape.DataMode.UPLOAD;
                dataStart = dm.startLine();
                if (dm.lengthParam() != null) {
                    for (int i = 0; i < form.params().size(); i++) {
                        if (form.params().get(i).name().equals(dm.lengthParam())) {
                            lengthParam = i;
                        }
                    }
                }
            }
        }
        java.util.Set<String> finals = new java.util.HashSet<>();
        for (String f : spec.finals()) {
            finals.add(f.toUpperCase(Locale.ROOT));
        }
        long max = spec.maxResponseMs() == null ? 0 : spec.maxResponseMs();
        return new ResponseShape(finals, bare, mode, lengthParam, prefixes, max, dataStart);
    }
}
