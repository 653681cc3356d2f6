package dev.atscope.core.protocol.quectel;

import dev.atscope.core.check.RuleContext;
import dev.atscope.core.check.Where;
import dev.atscope.core.decode.AtCommand;
import dev.atscope.core.decode.CommandForm;
import dev.atscope.core.decode.Event;
import dev.atscope.core.decode.EventKind;
import dev.atscope.core.decode.Transaction;
import dev.atscope.core.trace.Direction;

/** The HTTP rules of 1.2: the URL's announced length, a request needs a PDP context, a read needs a request. */
final class GsmHttpRules {

    private final RuleContext context;
    private final GsmHttpsState state;
    /** The AT+QHTTPURL whose URL had the announced length, until the next command line: bytes after it mean more was sent. */
    private Transaction urlTransaction;

    GsmHttpRules(RuleContext context, GsmHttpsState state) {
        this.context = context;
        this.state = state;
    }

    /** Events between transactions: host bytes right after a URL that no command claims were part of it. */
    void event(Event e) {
        if (e.kind() == EventKind.COMMAND) {
            urlTransaction = null;
        } else if (e.kind() == EventKind.NOISE && e.direction() == Direction.HOST_TO_MODULE && urlTransaction != null) {
            Transaction t = urlTransaction;
            urlTransaction = null;
            context.report(GsmHttpsRule.HTTP_URL_LENGTH.at("the host sent " + e.bytes().length + " more bytes after"
                    + " the " + t.last().params().get(0) + " that AT+QHTTPURL announced: the URL was cut short, and the"
                    + " rest reached the module as a broken command", RuleContext.param(t, t.last(), 0)));
        }
    }

    /** Any transaction ends the wait for bytes after a URL. */
    void transactionSeen() {
        urlTransaction = null;
    }

    /** AT+QHTTPURL: the URL sent has the length announced. */
    void url(Transaction t, AtCommand c) {
        if (c.form() != CommandForm.WRITE || c.params().isEmpty()) {
            return;
        }
        Event payload = GsmCertificateRules.hostPayload(t);
        if (payload == null) {
            return;
        }
        String announced = c.params().get(0);
        int sent = payload.bytes().length;
        if (!announced.equals(Integer.toString(sent))) {
            context.report(GsmHttpsRule.HTTP_URL_LENGTH.at("AT+QHTTPURL announced " + announced + " bytes but the host"
                    + " sent a URL of " + sent, RuleContext.param(t, c, 0)));
        } else {
            urlTransaction = t;
        }
    }

    /** AT+QHTTPGET: a PDP context is active. */
    void get(Transaction t) {
        if (!state.pdpActive()) {
            context.report(GsmHttpsRule.HTTP_NO_PDP.at("an HTTP request with no active PDP context: activate it first"
                    + " with AT+QIACT", Where.NONE.at(t)));
        }
    }

    /** AT+QHTTPREAD: a request worked since the URL was set. */
    void read(Transaction t) {
        if (!state.getDone()) {
            context.report(GsmHttpsRule.HTTP_READ_WITHOUT_GET.at("AT+QHTTPREAD with no successful AT+QHTTPGET before"
                    + " it: there is no response to read", Where.NONE.at(t)));
        }
    }
}
