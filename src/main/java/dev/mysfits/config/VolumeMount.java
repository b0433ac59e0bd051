package dev.mysfits.config;

import java.nio.file.Path;

/**
 * One entry of a service's "volumes": "notes-data:/var/lib/mysql" (a named volume) or "./conf:/etc/app:ro" (a bind
 * mount of a path relative to the workshop directory, or absolute).
 *
 * @param volumeName the named volume's name as written in mysfits.json, or null for a bind mount
 * @param hostPath   the bind mount's source, resolved, or null for a named volume
 * @param target     the absolute path inside the container
 */
public record VolumeMount(String volumeName, Path hostPath, String target, boolean readOnly) {
    public boolean isBind() {
        return hostPath != null;
    }
}
