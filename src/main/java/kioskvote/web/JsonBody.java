package kioskvote.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;

/** Reads a request body into a record, refusing bodies too large or not of the expected shape. */
public final class JsonBody {
    public static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private JsonBody() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        if (ctx.contentLength() > MAX_BYTES) throw BadRequest.tooLarge();
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) throw BadRequest.tooLarge();
        if (body.length == 0) throw BadRequest.badJson();
        try {
            T value = JSON.readValue(body, type);
            if (value == null) throw BadRequest.badJson();
            return value;
        } catch (JsonProcessingException e) {
            throw BadRequest.badJson();
        } catch (java.io.IOException e) {
            throw BadRequest.badJson();
        }
    }
}
