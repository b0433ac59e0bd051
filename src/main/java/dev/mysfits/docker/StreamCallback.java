package dev.mysfits.docker;

import com.github.dockerjava.api.async.ResultCallback;

/** A streaming callback that keeps the error that ended the stream, for the caller to read after awaiting. */
abstract class StreamCallback<T> extends ResultCallback.Adapter<T> {
    private volatile Throwable failure;

    @Override
    public void onError(Throwable throwable) {
        if (failure == null) {
            failure = throwable;
        }
        super.onError(throwable);
    }

    /** The error that ended the stream, or null. */
    Throwable failure() {
        return failure;
    }
}
