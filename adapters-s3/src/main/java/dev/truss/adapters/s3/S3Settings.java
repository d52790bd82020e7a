package dev.truss.adapters.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the objects are: the bucket, its AWS region and, for an S3-compatible server (S3Proxy, MinIO,
 * a VPC endpoint), an endpoint that replaces the region's. Path-style access ({@code endpoint/bucket/key}
 * instead of {@code bucket.endpoint/key}) is what most local servers need. Without static credentials the
 * SDK's default chain is used. Checked here, so a typo fails at start-up rather than at the first upload.
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyleAccess,
                         Optional<StaticCredentials> credentials) {

    /** An access key and its secret; {@link #toString()} never shows the secret. */
    public record StaticCredentials(String accessKeyId, String secretAccessKey) {

        public StaticCredentials {
            Objects.requireNonNull(accessKeyId, "access key id");
            Objects.requireNonNull(secretAccessKey, "secret access key");
            if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("S3 access key id and secret access key must both be given and not blank");
            }
        }

        @Override
        public String toString() {
            return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
        }
    }

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        // S3's naming rules for new buckets; dots are allowed but break virtual-hosted HTTPS.
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || bucket.contains("..")
                || bucket.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("not an S3 bucket name (3-63 of a-z 0-9 . -, starting and ending"
                    + " with a letter or digit, not an IP address): " + bucket);
        }
        if (!region.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not an AWS region (like eu-west-1): '" + region + "'");
        }
        endpoint.ifPresent(S3Settings::checkEndpoint);
    }

    /** A bucket on AWS, virtual-hosted style, default credentials chain. */
    public static S3Settings of(String bucket, String region) {
        return new S3Settings(bucket, region, Optional.empty(), false, Optional.empty());
    }

    /** Another server than the region's; path-style, as S3-compatible servers mostly need. */
    public S3Settings withEndpoint(URI newEndpoint) {
        return new S3Settings(bucket, region, Optional.of(newEndpoint), true, credentials);
    }

    public S3Settings withPathStyleAccess(boolean pathStyle) {
        return new S3Settings(bucket, region, endpoint, pathStyle, credentials);
    }

    public S3Settings withCredentials(String accessKeyId, String secretAccessKey) {
        return new S3Settings(bucket, region, endpoint, pathStyleAccess,
                Optional.of(new StaticCredentials(accessKeyId, secretAccessKey)));
    }

    private static void checkEndpoint(URI uri) {
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("S3 endpoint must be an http(s) URL with a host, like"
                    + " http://127.0.0.1:9000: " + uri);
        }
        // The SDK appends bucket and key to the path; anything else in the URL would be silently dropped.
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("S3 endpoint must have no user info, query or fragment: "
                    + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        }
    }
}
