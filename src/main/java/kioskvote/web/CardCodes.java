package kioskvote.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.javalin.http.Context;

import kioskvote.seal.CardText;
import kioskvote.seal.ShareSplitter;

/**
 * The key cards the committee presents at the count, read from the request's bytes as wipeable characters, never
 * as Strings (Javalin's form parameters and Jackson's values would be): the count page's fields (share{c} or
 * share{c}-g{g}), or the API's {"shares": [...]}. The body is zeroed once read (docs/security.md, "Memory"); the caller wipes the cards.
 */
final class CardCodes {
    private static final JsonFactory JSON = new JsonFactory();

    private CardCodes() {
    }

    /**
     * The count page's form as typed: every field named share… (share{c} with a whole code, or share{c}-g{g}, group
     * g of card c, as count.jte lays a card out), and whether it is the language switch's re-post (relang).
     */
    static CountForm countForm(Context ctx) {
        byte[] body = body(ctx);
        try {
            Map<String, CardText> fields = new HashMap<>();
            boolean relang = false;
            int at = 0;
            while (at < body.length) {
                int end = at;
                while (end < body.length && body[end] != '&') end++;
                int eq = at;
                while (eq < end && body[eq] != '=') eq++;
                String name = new String(body, at, eq - at, java.nio.charset.StandardCharsets.US_ASCII); // a field's name, not its value
                if (name.equals("relang")) relang = true;
                else if (name.startsWith("share") && eq < end && !fields.containsKey(name)) fields.put(name, decode(body, eq + 1, end));
                at = end + 1;
            }
            return new CountForm(fields, relang);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The count form's card fields, wipeable; {@link #typed()} makes Strings of them, for a form given back to correct. */
    record CountForm(Map<String, CardText> fields, boolean relang) {
        /** Each card that was typed, as one code: its whole field, or its groups joined by dashes as the card prints them. */
        List<CardText> codes() {
            List<CardText> codes = new ArrayList<>();
            for (int c = 1; c <= ShareSplitter.MAX_SHARES; c++) {
                CardText whole = fields.get("share" + c);
                if (whole != null && whole.length() > 0) {
                    codes.add(whole.subSequence(0, whole.length()));
                    continue;
                }
                char[] joined = new char[CardEntry.GROUPS * (CardEntry.GROUP_SIZE + 1)];
                int n = 0;
                boolean any = false;
                for (int g = 1; g <= CardEntry.GROUPS; g++) {
                    CardText group = fields.get("share" + c + "-g" + g);
                    if (group == null) continue;
                    any = true;
                    if (n > 0 && n < joined.length) joined[n++] = '-';
                    for (int i = 0; i < group.length() && n < joined.length; i++) joined[n++] = group.charAt(i);
                }
                if (!any && !fields.containsKey("share" + c)) break;
                if (n > 0) codes.add(new CardText(Arrays.copyOf(joined, n)));
                Arrays.fill(joined, '\0');
            }
            return codes;
        }

        List<CardEntry.Card> typed() {
            return CardEntry.read(c -> text(fields.get("share" + c)), (c, g) -> text(fields.get("share" + c + "-g" + g)), 1);
        }

        void wipe() {
            fields.values().forEach(CardText::wipe);
        }

        private static String text(CardText field) {
            return field == null ? null : field.unwipeableCopy();
        }
    }

    /** {"shares": ["…", "…"]}: 400 bad_json, or missing shares, as JsonBody would refuse. */
    static List<CardText> fromJson(Context ctx) {
        byte[] body = body(ctx);
        List<CardText> codes = new ArrayList<>();
        boolean found = false;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw BadRequest.badJson();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"shares".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) throw BadRequest.wrongType("shares");
                found = true;
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    if (v != JsonToken.VALUE_STRING) throw BadRequest.wrongType("shares");
                    char[] parsed = p.getTextCharacters(); // Jackson's own buffer: copied out, then zeroed
                    int from = p.getTextOffset();
                    int length = p.getTextLength();
                    codes.add(new CardText(Arrays.copyOfRange(parsed, from, from + length)));
                    Arrays.fill(parsed, from, from + length, '\0');
                }
            }
            if (!found) throw BadRequest.missing("shares");
            return codes;
        } catch (IOException e) {
            codes.forEach(CardText::wipe);
            throw BadRequest.badJson();
        } catch (RuntimeException e) {
            codes.forEach(CardText::wipe);
            throw e;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The request's body as RequestBodyGate read it (wiped by the callers above), or nothing. */
    private static byte[] body(Context ctx) {
        return BufferedBody.of(ctx.req()).map(BufferedBody::bytes).orElse(new byte[0]);
    }

    private static CardText decode(byte[] form, int from, int to) {
        char[] chars = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = form[i];
            if (b == '%' && i + 2 < to) {
                int hi = Character.digit(form[i + 1], 16);
                int lo = Character.digit(form[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    chars[n++] = (char) (hi * 16 + lo); // a card is ASCII; anything else is refused as malformed
                    i += 2;
                    continue;
                }
            }
            chars[n++] = b == '+' ? ' ' : (char) (b & 0xFF);
        }
        CardText text = new CardText(Arrays.copyOf(chars, n));
        Arrays.fill(chars, '\0');
        return text;
    }
}
