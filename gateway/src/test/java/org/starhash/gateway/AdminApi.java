package org.starhash.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** The admin API as an operator's system calls it: a POST of JSON with the token header. */
final class AdminApi {

    static final String TOKEN = "test-admin-token-0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AdminApi() {
    }

    /** The shipped config with the admin API on, written to {@code dir}. */
    static org.starhash.gateway.config.GatewayConfig config(Path dir) throws Exception {
        return TestGateway.editedConfig(dir, c -> c.replace("admin_token: \"\"", "admin_token: \"" + TOKEN + "\""));
    }

    /** Posts to {@code /admin/PATH} and returns the status and the body. */
    static HttpResponse<String> post(Gateway gateway, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + gateway.httpAddress().orElseThrow().getPort() + "/admin/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Starhash-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
