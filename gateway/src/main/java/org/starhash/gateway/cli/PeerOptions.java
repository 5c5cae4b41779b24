package org.starhash.gateway.cli;

import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.smpp.SmppClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.Map;

/** Where a test peer connects: by default the gateway of the config, with its first account. */
final class PeerOptions {

    @Mixin
    ConfigOption config;

    @Option(names = "--host", description = "gateway host (default: smpp.host of the config)")
    String host;

    @Option(names = "--port", description = "gateway SMPP port (default: smpp.port of the config)")
    Integer port;

    @Option(names = "--system-id", description = "account to bind with (default: the first in the config)")
    String systemId;

    @Option(names = "--password", description = "its password (default: from the config)")
    String password;

    @Option(names = "--wait", description = "seconds to wait for the answer (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int waitSeconds;

    SmppClient connect() throws Exception {
        GatewayConfig gateway = config.load();
        Map.Entry<String, String> first = gateway.smpp().accounts().entrySet().iterator().next();
        String id = systemId != null ? systemId : first.getKey();
        String pw = password != null ? password : gateway.smpp().accounts().getOrDefault(id, first.getValue());
        String h = host != null ? host : gateway.smpp().host();
        int p = port != null ? port : gateway.smpp().port();
        try {
            return SmppClient.connect(h, p, id, pw);
        } catch (IOException e) {
            throw new IOException("cannot bind to the gateway at " + h + ":" + p + " as " + id + ": " + e.getMessage(), e);
        }
    }
}
