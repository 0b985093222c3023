package kioskvote.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import io.javalin.http.Context;

import kioskvote.meeting.Meeting;
import kioskvote.seal.CardText;
import kioskvote.slip.QrCode;

/**
 * Writes an answer that holds one key card (its page, or its JSON) straight into the response, the card's code
 * as bytes from a buffer zeroed right after: the code never becomes a String, neither in the page as JTE builds
 * it nor in Javalin's result, and the response bypasses Javalin's compression, whose native window would keep it.
 * Jetty copies the bytes into a pooled buffer, zeroed when given back (WipingByteBufferPool). docs/security.md, "Memory".
 */
final class CardResponse {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CardResponse() {
    }

    /** The card's page (share-cards.jte), one card on it. The card is wiped afterwards, whatever happens. */
    static void page(Context ctx, PageText t, Meeting meeting, CardDealing.Screen screen) {
        CardText text = screen.card().cardText();
        List<CardText> groups = groupsOf(text); // numbered on the card, so "group 4" is easy to find at the count
        try {
            String qr = QrCode.encodeSecret(text).toSvg(t.format("seal.card", screen.card().index(), screen.card().of()));
            Map<String, Object> params = new HashMap<>();
            params.put("t", t);
            params.put("meeting", meeting);
            params.put("cards", screen.poll());
            params.put("card", screen.card());
            params.put("groups", groups.stream().map(group -> (Content) out -> writeCode(out, group)).toList());
            params.put("qrSvg", qr);
            try (OutputStream body = open(ctx, "text/html; charset=utf-8")) {
                Pages.renderTo("share-cards.jte", params, new StreamOutput(body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            groups.forEach(CardText::wipe);
            text.wipe();
        }
    }

    /** The card's dash-separated groups, each a wipeable copy. */
    private static List<CardText> groupsOf(CardText text) {
        List<CardText> groups = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '-') {
                if (i > from) groups.add(text.subSequence(from, i));
                from = i + 1;
            }
        }
        return groups;
    }

    /** One card of the API, once: card {index} of the poll as JSON, then wiped; 410 card_dealt for any other. */
    static void dealOne(Context ctx, CardDealing dealing) {
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new kioskvote.poll.PollRejected(kioskvote.poll.PollRejected.Code.CARD_DEALT);
        }
        CardDealing.Screen screen = dealing.take(ctx.pathParam("pollId"), index)
                .orElseThrow(() -> new kioskvote.poll.PollRejected(kioskvote.poll.PollRejected.Code.CARD_DEALT));
        try {
            json(ctx, screen);
        } finally {
            screen.card().wipe();
        }
    }

    /** The card as JSON: the poll, the member, "card i of n", the threshold and the code. */
    static void json(Context ctx, CardDealing.Screen screen) {
        var card = screen.card();
        var poll = screen.poll();
        CardText text = card.cardText();
        try (OutputStream body = open(ctx, "application/json")) {
            body.write(("{\"pollId\":" + quoted(poll.pollId()) + ",\"boxFingerprint\":" + quoted(poll.boxFingerprint())
                    + ",\"threshold\":" + poll.threshold() + ",\"member\":" + quoted(card.member().name()) + ",\"role\":"
                    + quoted(card.member().role()) + ",\"index\":" + card.index() + ",\"of\":" + card.of() + ",\"code\":\"")
                    .getBytes(StandardCharsets.UTF_8));
            text.writeAscii(body); // Crockford base32 and dashes: nothing to escape
            body.write("\"}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            text.wipe();
        }
    }

    private static OutputStream open(Context ctx, String contentType) throws IOException {
        Pages.noStore(ctx);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.res().setContentType(contentType);
        return ctx.res().getOutputStream(); // Jetty's own stream: no compression, no String result
    }

    private static void writeCode(TemplateOutput out, CardText text) {
        byte[] ascii = text.asciiBytes();
        try {
            out.writeBinaryContent(ascii);
        } finally {
            java.util.Arrays.fill(ascii, (byte) 0);
        }
    }

    private static String quoted(String value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }

    /** JTE's output as UTF-8 bytes into the response; binary content (the card's code) is written as it is. */
    private record StreamOutput(OutputStream out) implements TemplateOutput {
        @Override
        public void writeContent(String value) {
            write(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            writeContent(value.substring(beginIndex, endIndex));
        }

        @Override
        public void writeBinaryContent(byte[] value) {
            write(value);
        }

        private void write(byte[] bytes) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
