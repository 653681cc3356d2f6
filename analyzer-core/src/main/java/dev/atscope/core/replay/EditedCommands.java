package dev.atscope.core.replay;

import dev.atscope.core.decode.Transaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a what-if replay sends in place of the recorded command lines its edits change: by recorded
 * transaction, the line sent; by host piece, the bytes sent. A line cut across several pieces in the
 * recording goes out whole with its first piece.
 *
 * @param sent the line sent in place of the recorded one, by recorded transaction (from 1)
 * @param pieces the bytes sent in place of the recorded ones, by host piece (index in {@link Recording#hostPieces()})
 */
public record EditedCommands(Map<Integer, String> sent, Map<Integer, byte[]> pieces) {

    /** No edits. */
    public static final EditedCommands NONE = new EditedCommands(Map.of(), Map.of());

    public EditedCommands {
        sent = Map.copyOf(sent);
        pieces = Map.copyOf(pieces);
    }

    /**
     * Makes the edits on a recording's command lines, each in turn on the result of the ones before.
     *
     * @throws IllegalArgumentException when an edit changes no command line (naming it), or its
     *     replacement names a group its expression does not have
     */
    public static EditedCommands of(Recording recording, List<CommandEdit> edits) {
        if (edits.isEmpty()) {
            return NONE;
        }
        Map<Long, Integer> pieceAt = new HashMap<>();
        List<Recording.HostPiece> hostPieces = recording.hostPieces();
        for (int p = 0; p < hostPieces.size(); p++) {
            pieceAt.put(hostPieces.get(p).hostOffset(), p);
        }
        Map<Integer, String> sent = new LinkedHashMap<>();
        Map<Integer, byte[]> pieces = new HashMap<>();
        List<CommandEdit> unused = new ArrayList<>(edits);
        List<Transaction> ts = recording.transactions();
        for (int i = 0; i < ts.size(); i++) {
            Transaction t = ts.get(i);
            String line = t.command().text();
            String edited = line;
            for (CommandEdit e : edits) {
                if (e.matches(edited)) {
                    unused.remove(e);
                    try {
                        edited = e.apply(edited);
                    } catch (IndexOutOfBoundsException | IllegalArgumentException ex) {
                        throw new IllegalArgumentException(e.spec() + ": " + ex.getMessage(), ex);
                    }
                }
            }
            Integer first = pieceAt.get(t.command().startOffset());
            if (edited.equals(line) || first == null) {
                continue;
            }
            sent.put(i + 1, edited);
            replace(hostPieces, first, t, edited.getBytes(StandardCharsets.ISO_8859_1), pieces);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(unused.get(0).spec() + ": changes no command line of the recording");
        }
        return new EditedCommands(sent, pieces);
    }

    /**
     * The recorded line's bytes, in the pieces from {@code first} on, give way to the edited line;
     * what follows the line (its CR) stays.
     */
    private static void replace(List<Recording.HostPiece> hostPieces, int first, Transaction t, byte[] line,
            Map<Integer, byte[]> pieces) {
        byte[] recorded = t.command().bytes();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int p = first;
        while (p < hostPieces.size() && raw.size() < recorded.length) {
            raw.writeBytes(hostPieces.get(p).bytes());
            pieces.put(p, new byte[0]);
            p++;
        }
        byte[] all = raw.toByteArray();
        if (all.length < recorded.length || !Arrays.equals(all, 0, recorded.length, recorded, 0, recorded.length)) {
            throw new IllegalArgumentException("transaction " + t.id() + " (" + t.command().text() + "): the host's"
                    + " bytes there are not the command line as decoded, so it cannot be edited");
        }
        byte[] whole = Arrays.copyOf(line, line.length + all.length - recorded.length);
        System.arraycopy(all, recorded.length, whole, line.length, all.length - recorded.length);
        pieces.put(first, whole);
    }

    /** The bytes to send for a host piece: the recorded ones unless an edit changed them. */
    public byte[] bytes(int piece, Recording.HostPiece recorded) {
        byte[] b = pieces.get(piece);
        return b != null ? b : recorded.bytes();
    }
}
