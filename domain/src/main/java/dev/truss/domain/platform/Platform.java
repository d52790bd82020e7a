package dev.truss.domain.platform;

import dev.truss.domain.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/** Where Truss publishes clips. */
public enum Platform {
    YOUTUBE,
    TIKTOK,
    TWITCH,
    DISCORD;

    /** Parses a platform name as a user writes it ("youtube", "TikTok"). */
    public static Platform parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown platform '" + name + "' (expected one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")"));
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
