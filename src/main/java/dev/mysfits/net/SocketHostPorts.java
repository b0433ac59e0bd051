package dev.mysfits.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Tries to bind the port on all interfaces, as `docker run -p PORT:...` will. With SO_REUSEADDR, as Docker's own
 * listener has it: connections left in TIME_WAIT by a container just removed do not make the port look taken.
 */
public final class SocketHostPorts implements HostPorts {
    @Override
    public boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
