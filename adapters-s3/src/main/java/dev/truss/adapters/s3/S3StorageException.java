package dev.truss.adapters.s3;

/**
 * A request to S3 that failed: the message names the operation, key, bucket, region and endpoint, and
 * gives the SDK's reason (status, error code, request id), never credentials.
 */
public final class S3StorageException extends RuntimeException {

    public S3StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
