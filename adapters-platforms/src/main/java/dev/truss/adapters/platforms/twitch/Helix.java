package dev.truss.adapters.platforms.twitch;

import dev.truss.adapters.platforms.PlatformHttp;
import dev.truss.application.port.platform.AccessToken;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests to the Helix API: every one carries the user's token and the app's client id, as Helix requires. */
final class Helix {

    private final PlatformHttp http;

    Helix(PlatformHttp http) {
        this.http = http;
    }

    PlatformHttp http() {
        return http;
    }

    /** {@code {api}/{path}?query}, values percent-encoded (spaces as %20, not the form encoding's +). */
    URI url(String path, Map<String, String> query) {
        String encoded = PlatformHttp.formEncoded(query).replace("+", "%20"); // a literal + is already %2B
        return URI.create(http.settings().endpoints().api() + "/" + path + (encoded.isEmpty() ? "" : "?" + encoded));
    }

    HttpRequest.Builder request(URI url, AccessToken token) {
        return http.request(url)
                .header("Authorization", "Bearer " + token.value())
                .header("Client-Id", http.settings().client().id());
    }

    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
