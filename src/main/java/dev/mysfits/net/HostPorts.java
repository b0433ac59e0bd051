package dev.mysfits.net;

/** Whether a port on this machine can be published. */
public interface HostPorts {
    boolean isFree(int port);
}
