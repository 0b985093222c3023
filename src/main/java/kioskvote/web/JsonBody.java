package kioskvote.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.javalin.http.Context;

/** Reads a request body into a record, refusing bodies too large or not of the expected shape. */
public final class JsonBody {
    public static final int MAX_BYTES = 64 * 1024;
    /**
     * Strict: a number is a number and text is text ({"count": 1.9} and {"count": "3"} are refused, not read as 1
     * and 3), a key appears once, nothing follows the object. (The body is already strict UTF-8: RequestBodyGate.)
     */
    private static final ObjectMapper JSON = strictMapper();

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString}) {
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual}) {
                boolean same = (shape == CoercionInputShape.Integer && type == LogicalType.Integer)
                        || (shape == CoercionInputShape.Float && type == LogicalType.Float)
                        || (shape == CoercionInputShape.Integer && type == LogicalType.Float)
                        || (shape == CoercionInputShape.Boolean && type == LogicalType.Boolean)
                        || ((shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString) && type == LogicalType.Textual);
                if (!same) mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        return mapper;
    }

    private JsonBody() {
    }

    /** A JSON object as a tree, for a body in meeting.yaml's keys (the meeting editor): the same strictness, any keys. */
    public static com.fasterxml.jackson.databind.node.ObjectNode readObject(Context ctx) {
        if (ctx.contentLength() > MAX_BYTES) throw BadRequest.tooLarge();
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) throw BadRequest.tooLarge();
        if (body.length == 0) throw BadRequest.badJson();
        try {
            var tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) throw BadRequest.badJson();
            return (com.fasterxml.jackson.databind.node.ObjectNode) tree;
        } catch (java.io.IOException e) {
            throw BadRequest.badJson();
        }
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
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw BadRequest.badJson();
        } catch (MismatchedInputException e) {
            String field = null; // the innermost named field ("s1" for a mark in answers.s1[0])
            for (var reference : e.getPath()) if (reference.getFieldName() != null) field = reference.getFieldName();
            throw field == null ? BadRequest.badJson() : BadRequest.wrongType(field);
        } catch (JsonProcessingException e) {
            throw BadRequest.badJson();
        } catch (java.io.IOException e) {
            throw BadRequest.badJson();
        }
    }
}
