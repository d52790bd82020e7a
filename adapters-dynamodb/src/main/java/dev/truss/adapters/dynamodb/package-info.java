/**
 * The single table on Amazon DynamoDB, through the AWS SDK for Java v2's low-level client.
 *
 * <ul>
 *   <li>{@link dev.truss.adapters.dynamodb.DynamoDbSettings} and
 *       {@link dev.truss.adapters.dynamodb.DynamoDbClientFactory} build the client: the light
 *       URLConnection HTTP client, adaptive retries, the default credentials chain (web-identity
 *       federation included);</li>
 *   <li>{@link dev.truss.adapters.dynamodb.DynamoDbTable} is the {@code Table}, one request per
 *       call;</li>
 *   <li>{@link dev.truss.adapters.dynamodb.TableSetup} creates the table (keys, indexes, TTL)
 *       idempotently, for a CLI; the README gives the same definition for infrastructure as code;</li>
 *   <li>{@link dev.truss.adapters.dynamodb.RequestCounter} counts the requests a client sends.</li>
 * </ul>
 *
 * The tests run against dynalite, a local DynamoDB on Node.js ({@code Dynalite} in the test-jar).
 */
package dev.truss.adapters.dynamodb;
