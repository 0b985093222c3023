package kioskvote.web;

import java.util.LinkedHashMap;
import java.util.Map;

import kioskvote.poll.PollStatus;

/** The public JSON shape of a poll's state and turnout. */
final class StatusJson {
    private StatusJson() {
    }

    static Map<String, Object> of(PollStatus s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pollId", s.pollId());
        map.put("title", s.title());
        map.put("kind", s.kind());
        map.put("practice", s.practice());
        map.put("state", s.state().code());
        map.put("phase", s.phase());                 // "counting": closed, sealed box not yet opened by the committee
        map.put("sealed", s.sealed());
        map.put("awaitingCount", s.awaitingCount());
        map.put("summoned", s.summoned());
        map.put("present", s.present());
        map.put("quorumMet", s.quorumMet());
        map.put("handedOut", s.handedOut());
        map.put("rosterUsed", s.rosterUsed());
        map.put("addsUp", s.addsUp());
        map.put("issued", s.issued());
        map.put("voided", s.voided());
        map.put("cast", s.cast());
        map.put("definitionHash", s.definitionHash().orElse(null));
        map.put("openedAt", s.openedAt().orElse(null));
        map.put("closedAt", s.closedAt().orElse(null));
        map.put("resultsShown", s.resultsShown());
        if (!s.liveCounts().isEmpty()) map.put("liveCounts", s.liveCounts()); // an open vote only (docs/rules.md, "Open vote")
        return map;
    }
}
