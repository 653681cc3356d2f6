package dev.atscope.core.emulator;

/**
 * What a command ends with: {@code OK}, {@code ERROR}, a {@code +CME ERROR} code, a text of its own
 * ({@code DEACT OK}, {@code CONNECT}), or nothing more ({@code DONE}: AT+QILOCIP's bare answer).
 */
record Result(Kind kind, int code, String text) {

    enum Kind { OK, ERROR, CME, TEXT, DONE }

    static final Result OK = new Result(Kind.OK, 0, null);
    static final Result ERROR = new Result(Kind.ERROR, 0, null);
    static final Result DONE = new Result(Kind.DONE, 0, null);
    /** The intermediate result that leads into data mode. */
    static final Result CONNECT = new Result(Kind.TEXT, 0, "CONNECT");

    static Result cme(int code) {
        return new Result(Kind.CME, code, null);
    }

    static Result text(String t) {
        return new Result(Kind.TEXT, 0, t);
    }
}
