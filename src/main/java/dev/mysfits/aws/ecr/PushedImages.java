package dev.mysfits.aws.ecr;

/** Reads what was pushed to ECR: does the repository exist, and the tag in it. */
public interface PushedImages {

    /**
     * @param repositoryUri null when the repository does not exist; tagExists false then too
     * @param digest        the digest the tag points at now, or null when the image is to be named by its tag
     */
    record PushedImage(String repository, String tag, String repositoryUri, boolean tagExists, String digest) {

        /**
         * By digest unless pinned to the tag: a moving tag such as latest names the same string before and after a
         * push, so a task definition naming it would not change and ECS would go on running the old code.
         */
        public String imageReference() {
            return digest != null ? repositoryUri + "@" + digest : repositoryUri + ":" + tag;
        }

        /** The same image, named by its tag (the user pinned one with --tag). */
        public PushedImage pinnedToTag() {
            return new PushedImage(repository, tag, repositoryUri, tagExists, null);
        }
    }

    PushedImage find(String repository, String tag);
}
