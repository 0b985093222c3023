package kioskvote.poll;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kioskvote.seal.ShareRejected;
import kioskvote.text.Refused;

/**
 * A key card the committee presented to open a sealed ballot box, refused: nothing was changed. The
 * station's refusal for seal/ShareRejected (the pure crypto knows no bundles), naming which card
 * ({@code share}, 1-based) and what is wrong with it.
 */
public class ShareRefused extends Refused {
    public enum Code implements Refused.Code {
        SHARE_MALFORMED, SHARE_CHECK_CHARACTER, SHARE_CHECKSUM, SHARE_OTHER_POLL, SHARE_DUPLICATE, SHARES_TOO_FEW, SHARES_WRONG_COMBINATION;

        @Override
        public List<String> parameters() {
            return switch (this) {
                case SHARE_CHECK_CHARACTER -> List.of("share", "groups");
                case SHARES_TOO_FEW -> List.of("have", "need", "more");
                case SHARES_WRONG_COMBINATION -> List.of();
                default -> List.of("share");
            };
        }
    }

    private final int position;

    private ShareRefused(Code code, Map<String, ?> args, int position) {
        super(code, args);
        this.position = position;
    }

    /** Which of the codes presented (1-based) was refused; 0 when the refusal is about the set of them. */
    public int position() {
        return position;
    }

    static ShareRefused of(ShareRejected e) {
        int share = e.position();
        return switch (e.reason()) {
            case MALFORMED -> new ShareRefused(Code.SHARE_MALFORMED, Map.of("share", share), share);
            case CHECK_CHARACTER -> new ShareRefused(Code.SHARE_CHECK_CHARACTER, Map.of("share", share,
                    "groups", e.groups().stream().map(String::valueOf).collect(Collectors.joining(", "))), share);
            case CHECKSUM -> new ShareRefused(Code.SHARE_CHECKSUM, Map.of("share", share), share);
            case OTHER_BOX -> new ShareRefused(Code.SHARE_OTHER_POLL, Map.of("share", share), share);
            case DUPLICATE -> new ShareRefused(Code.SHARE_DUPLICATE, Map.of("share", share), share);
            case TOO_FEW -> new ShareRefused(Code.SHARES_TOO_FEW, Map.of("have", e.have(), "need", e.need(), "more", e.need() - e.have()), 0);
            case WRONG_COMBINATION -> new ShareRefused(Code.SHARES_WRONG_COMBINATION, Map.of(), 0);
        };
    }
}
