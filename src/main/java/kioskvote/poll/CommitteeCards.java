package kioskvote.poll;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Poll;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.KeyShare;
import kioskvote.seal.ShareRejected;
import kioskvote.seal.ShareSplitter;

/** The counting committee's cards of a sealed box: dealt when the poll opens, put together again at the count. */
final class CommitteeCards {
    private CommitteeCards() {
    }

    /** One card per member, in the committee's order; each share is wiped once its card is dealt (web/CardDealing). */
    static OpenedPoll.ShareCards deal(Poll poll, BoxKeyPair pair, int threshold, List<CommitteeMember> committee, SecureRandom random) {
        List<KeyShare> shares = ShareSplitter.split(pair, threshold, committee.size(), random);
        List<OpenedPoll.ShareCard> cards = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            cards.add(new OpenedPoll.ShareCard(committee.get(i), shares.get(i).index(), shares.size(), shares.get(i)));
        }
        return new OpenedPoll.ShareCards(poll.id(), poll.title(), pair.publicKey().fingerprintText(), threshold, cards);
    }

    /**
     * The box's key pair from the cards presented: another poll's card or one given twice is named first,
     * then "n more needed" counts the distinct good cards; the result is checked against the public key.
     */
    static BoxKeyPair rebuild(BallotBoxKey boxKey, List<KeyShare> shares, int threshold) {
        try {
            int distinct = ShareSplitter.checkAgainst(boxKey, shares).size();
            if (distinct < threshold) throw ShareRejected.tooFew(distinct, threshold);
            return ShareSplitter.recombine(boxKey, shares);
        } catch (ShareRejected e) {
            throw ShareRefused.of(e);
        }
    }
}
