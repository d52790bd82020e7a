package dev.truss.adapters.dynamodb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the {@link DynamoDbClient} for some {@link DynamoDbSettings}: the URLConnection HTTP
 * client (no connection pool library, quick to start), the SDK's adaptive retries (which also
 * slow the client down while DynamoDB throttles it), and unless told otherwise the SDK's
 * default credentials chain: environment, system properties, web-identity token (through STS,
 * on the runtime classpath, so federated CI and pods need no static keys), profile,
 * container and instance roles. Immutable; each {@code with...} returns a changed copy.
 */
public final class DynamoDbClientFactory {

    private final DynamoDbSettings settings;
    private final Optional<AwsCredentialsProvider> credentials;
    private final Optional<RequestCounter> counter;
    private final Optional<Integer> maxAttempts;
    private final Duration connectTimeout;
    private final Duration callTimeout;

    private DynamoDbClientFactory(DynamoDbSettings settings, Optional<AwsCredentialsProvider> credentials,
                                  Optional<RequestCounter> counter, Optional<Integer> maxAttempts,
                                  Duration connectTimeout, Duration callTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = credentials;
        this.counter = counter;
        this.maxAttempts = maxAttempts;
        this.connectTimeout = connectTimeout;
        this.callTimeout = callTimeout;
    }

    /** Default credentials chain, adaptive retries (3 attempts), 2 s to connect, 10 s per call with its retries. */
    public static DynamoDbClientFactory of(DynamoDbSettings settings) {
        return new DynamoDbClientFactory(settings, Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public DynamoDbSettings settings() {
        return settings;
    }

    /** Replaces the default credentials chain (tests against a local DynamoDB use static dummy keys). */
    public DynamoDbClientFactory withCredentials(AwsCredentialsProvider provider) {
        return new DynamoDbClientFactory(settings, Optional.of(provider), counter, maxAttempts, connectTimeout,
                callTimeout);
    }

    public DynamoDbClientFactory withRequestCounter(RequestCounter requestCounter) {
        return new DynamoDbClientFactory(settings, credentials, Optional.of(requestCounter), maxAttempts,
                connectTimeout, callTimeout);
    }

    /** Attempts per call, the first included: 1 never retries. */
    public DynamoDbClientFactory withMaxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, asked for " + attempts);
        }
        return new DynamoDbClientFactory(settings, credentials, counter, Optional.of(attempts), connectTimeout,
                callTimeout);
    }

    /** How long to wait for a connection, and for a whole call with its retries. */
    public DynamoDbClientFactory withTimeouts(Duration connect, Duration call) {
        return new DynamoDbClientFactory(settings, credentials, counter, maxAttempts, Objects.requireNonNull(connect),
                Objects.requireNonNull(call));
    }

    public DynamoDbClient create() {
        RetryStrategy retries = AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2);
        if (maxAttempts.isPresent()) {
            retries = retries.toBuilder().maxAttempts(maxAttempts.get()).build();
        }
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(retries)
                .apiCallTimeout(callTimeout);
        counter.ifPresent(override::addExecutionInterceptor);
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connectTimeout)
                        .socketTimeout(callTimeout))
                .overrideConfiguration(override.build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        // Without a provider the client makes the default chain itself, and closes it when closed.
        credentials.ifPresent(builder::credentialsProvider);
        return builder.build();
    }
}
