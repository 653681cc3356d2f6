package dev.atscope.core.origin;

import dev.atscope.core.decode.AtArguments;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.Outcome;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.emulator.FaultProfile;
import dev.atscope.core.replay.Recording;
import dev.atscope.core.replay.ReplayNote;
import java.util.ArrayList;
import java.util.List;

/**
 * The cellular network a recording shows: whether the module was registered on the packet domain
 * and attached, and how many PDP activations failed before one worked. None of it depends on what
 * the host sent, so a replay reproduces it as recorded, as a fault profile of the emulated module.
 *
 * @param faults the network as a fault profile ({@link FaultProfile#NONE} for a healthy one)
 * @param notes what was reproduced, and what was assumed where the recording changes its mind
 */
record CellularConditions(FaultProfile faults, List<ReplayNote> notes) {

    CellularConditions {
        notes = List.copyOf(notes);
    }

    /** Reads the network's side of a recording. */
    static CellularConditions of(Recording recording) {
        List<ReplayNote> notes = new ArrayList<>();
        Boolean registered = null;
        boolean everRegistered = false;
        int unregisteredAt = 0;
        Boolean attached = null;
        int detachedAt = 0;
        List<Integer> pdpFailures = new ArrayList<>();
        boolean pdpWorked = false;
        List<Transaction> ts = recording.transactions();
        for (int i = 0; i < ts.size(); i++) {
            Transaction t = ts.get(i);
            int index = i + 1;
            AtCommand c = t.last();
            switch (c.name()) {
                case "+CGREG" -> {
                    for (Event r : t.informationLines()) {
                        List<String> p = AtArguments.split(r.text().substring(r.text().indexOf(':') + 1));
                        if (c.form() == CommandForm.READ && p.size() >= 2) {
                            boolean on = p.get(1).strip().equals("1") || p.get(1).strip().equals("5");
                            everRegistered |= on;
                            if (!on && unregisteredAt == 0) {
                                unregisteredAt = index;
                            }
                            registered = on;
                        }
                    }
                }
                case "+CGATT" -> {
                    for (Event r : t.informationLines()) {
                        boolean on = !r.text().strip().endsWith("0");
                        if (!on && detachedAt == 0) {
                            detachedAt = index;
                        }
                        attached = attached == null ? on : attached && on;
                    }
                    // AT+CGATT= may come with no parameter at all
                    if (c.form() == CommandForm.WRITE && !c.params().isEmpty()
                            && c.params().get(0).strip().equals("1") && t.outcome() == Outcome.ERROR) {
                        attached = false;
                        detachedAt = detachedAt == 0 ? index : detachedAt;
                    }
                }
                case "+QIACT" -> {
                    if (c.form() == CommandForm.EXECUTE && !pdpWorked) {
                        if (t.outcome() == Outcome.OK) {
                            pdpWorked = true;
                        } else if (t.outcome() == Outcome.ERROR) {
                            pdpFailures.add(index);
                        }
                    }
                }
                default -> {
                    // not the network's
                }
            }
        }
        boolean notRegistered = Boolean.FALSE.equals(registered) && !everRegistered;
        if (notRegistered) {
            notes.add(new ReplayNote(unregisteredAt, ReplayNote.Kind.REPRODUCED, "the network: not registered on the"
                    + " packet domain, as recorded"));
        } else if (unregisteredAt > 0) {
            notes.add(new ReplayNote(unregisteredAt, ReplayNote.Kind.ASSUMED, "the recording shows the module"
                    + " searching, then registered: the replay's module is registered from the start"));
        }
        boolean detached = Boolean.FALSE.equals(attached);
        if (detached) {
            notes.add(new ReplayNote(detachedAt, ReplayNote.Kind.REPRODUCED, "the network: not attached to the"
                    + " packet domain, as recorded"));
        }
        // failures while unregistered or detached are the module's own answer to that; the rest are the network's
        int failures = notRegistered || detached ? 0 : pdpFailures.size();
        if (failures > 0) {
            for (int at : pdpFailures) {
                notes.add(new ReplayNote(at, ReplayNote.Kind.REPRODUCED, "the network refused this PDP activation ("
                        + failures + (failures == 1 ? " failure" : " failures") + " before "
                        + (pdpWorked ? "one worked" : "the host gave up") + "): reproduced as recorded"));
            }
        }
        if (!notRegistered && !detached && failures == 0) {
            return new CellularConditions(FaultProfile.NONE, notes);
        }
        FaultProfile f = new FaultProfile("the cellular network as recorded", null, failures, !detached,
                !notRegistered, null, null, null, null, null, null, null, null);
        return new CellularConditions(f, notes);
    }
}
