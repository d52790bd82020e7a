package dev.truss.adapters.http;

import java.util.function.Consumer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The one JSON configuration of the API: strict in (typos are errors), ISO-8601 times out. */
public final class Json {

    /** Shared: a configured mapper is thread-safe. */
    static final JsonMapper MAPPER = mapper();

    private Json() {
    }

    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 is no version and no millisecond
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A number is a number and a text a text: "10" is no size and 5 no title.
                .withCoercionConfig(LogicalType.Integer, strict(CoercionInputShape.String))
                .withCoercionConfig(LogicalType.Float, strict(CoercionInputShape.String))
                .withCoercionConfig(LogicalType.Boolean, strict(CoercionInputShape.String))
                .withCoercionConfig(LogicalType.Textual, strict(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .build();
    }

    private static Consumer<MutableCoercionConfig> strict(CoercionInputShape... refused) {
        return config -> {
            for (CoercionInputShape shape : refused) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }
}
