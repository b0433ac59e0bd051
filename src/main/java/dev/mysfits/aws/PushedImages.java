package dev.mysfits.aws;

/** Reads what was pushed to ECR: does the repository exist, and the tag in it. */
public interface PushedImages {

    /** @param repositoryUri null when the repository does not exist; tagExists false then too */
    record PushedImage(String repository, String tag, String repositoryUri, boolean tagExists) {
        public String imageReference() {
            return repositoryUri + ":" + tag;
        }
    }

    PushedImage find(String repository, String tag);
}
