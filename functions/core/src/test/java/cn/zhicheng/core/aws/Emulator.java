package cn.zhicheng.core.aws;

import static org.junit.jupiter.api.Assertions.fail;

import cn.zhicheng.core.config.AdapterTestConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** AWS clients on the wire-protocol emulator; fails loudly (never skips) when it is not running. */
public final class Emulator {

    private Emulator() {
    }

    public static AwsClients clients() {
        requireRunning();
        return new AwsClients(AdapterTestConfig.emulator(Path.of("unused"), Map.of()));
    }

    private static void requireRunning() {
        URI endpoint = URI.create(AdapterTestConfig.ENDPOINT);
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 2000);
        } catch (IOException e) {
            fail("No AWS emulator answers at " + endpoint + " (ZC_AWS_ENDPOINT); start one with "
                    + "`bash infra/emulator.sh start`", e);
        }
    }
}
