package dev.mysfits.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Tries to bind the port on all interfaces, as `docker run -p PORT:...` will. */
public final class SocketHostPorts implements HostPorts {
    @Override
    public boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
