package com.instore.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * JSON encoding of the wire messages. Unknown fields are ignored (newer senders stay readable); anything else that is
 * wrong becomes an {@link InvalidMessageException} with a reason. Thread-safe; share one instance.
 */
public final class MessageCodec {
    /** Largest payload accepted; a tap is about 300 bytes, an answer about 600. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder()
            // Instant is the only java.time type on the wire: JavaTimeModule would load ~90 classes for all of them
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                    .addDeserializer(Instant.class, InstantDeserializer.INSTANT))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public byte[] encode(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public <T> T decode(byte[] payload, Class<T> type) throws InvalidMessageException {
        if (payload == null || payload.length == 0) {
            throw new InvalidMessageException(InvalidMessageException.Reason.EMPTY, type.getSimpleName(), null);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new InvalidMessageException(InvalidMessageException.Reason.TOO_LARGE,
                    payload.length + " bytes, at most " + MAX_PAYLOAD_BYTES, null);
        }
        try {
            T value = mapper.readValue(payload, type);
            if (value == null) {
                throw new InvalidMessageException(InvalidMessageException.Reason.INVALID, "null " + type.getSimpleName(), null);
            }
            return value;
        } catch (StreamReadException e) {
            throw new InvalidMessageException(InvalidMessageException.Reason.NOT_JSON, e.getOriginalMessage(), e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidMessageException(InvalidMessageException.Reason.INVALID,
                    type.getSimpleName() + ": " + cause.getMessage(), e);
        } catch (JacksonException e) {
            // A document cut short can surface wrapped in a mapping error: it is still broken JSON, not a wrong message.
            InvalidMessageException.Reason reason = isSyntaxError(e) ? InvalidMessageException.Reason.NOT_JSON
                    : InvalidMessageException.Reason.INVALID;
            throw new InvalidMessageException(reason, type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidMessageException(InvalidMessageException.Reason.NOT_JSON, e.getMessage(), e);
        }
    }

    private static boolean isSyntaxError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException || String.valueOf(t.getMessage()).contains("end-of-input")) {
                return true;
            }
        }
        return false;
    }
}
