package dev.atscope.core.emulator;

/**
 * What a command ends with: {@code OK}, {@code ERROR}, a {@code +CME ERROR} code (given, or the
 * grammar's for a situation), a text of its own ({@code DEACT OK}, {@code CONNECT}), or nothing more
 * ({@code DONE}: AT+QILOCIP's bare answer).
 */
record Result(Kind kind, int code, String text, ErrorSituation when) {

    enum Kind { OK, ERROR, CME, TEXT, DONE }

    static final Result OK = new Result(Kind.OK, 0, null, null);
    static final Result ERROR = new Result(Kind.ERROR, 0, null, null);
    static final Result DONE = new Result(Kind.DONE, 0, null, null);
    /** The intermediate result that leads into data mode. */
    static final Result CONNECT = new Result(Kind.TEXT, 0, "CONNECT", null);

    static Result cme(int code) {
        return new Result(Kind.CME, code, null, null);
    }

    /** The {@code +CME ERROR} the grammar gives for the situation. */
    static Result cme(ErrorSituation when) {
        return new Result(Kind.CME, 0, null, when);
    }

    static Result text(String t) {
        return new Result(Kind.TEXT, 0, t, null);
    }
}
