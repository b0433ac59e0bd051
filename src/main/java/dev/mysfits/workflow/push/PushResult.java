package dev.mysfits.workflow.push;

import java.util.List;

/** What a push did; the command prints it as text or JSON. digest is null after a dry run. */
public record PushResult(String service, String repositoryUri, String digest, List<String> tags,
                         int layersPushed, int layersExisting, long bytesPushed) {
}
