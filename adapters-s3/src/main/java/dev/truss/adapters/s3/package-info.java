/**
 * Object storage on Amazon S3 or any server that speaks it, through the AWS SDK for Java v2.
 *
 * <ul>
 *   <li>{@link dev.truss.adapters.s3.S3Settings}: bucket, region, optional endpoint and path-style access,
 *       optional static credentials (else the SDK's default chain), checked when made;</li>
 *   <li>{@link dev.truss.adapters.s3.S3ObjectStorage} is the {@code ObjectStorage} port: presigned PUTs that
 *       bind Content-Type and Content-Length, presigned GETs, and HeadObject, GetObject, PutObject and
 *       DeleteObject for the server's own work; failures become
 *       {@link dev.truss.adapters.s3.S3StorageException};</li>
 *   <li>{@link dev.truss.adapters.s3.EmbeddedS3} runs S3Proxy in the JVM over a directory, with SigV4 and
 *       CORS, for one machine without a cloud account (and for the tests).</li>
 * </ul>
 */
package dev.truss.adapters.s3;
