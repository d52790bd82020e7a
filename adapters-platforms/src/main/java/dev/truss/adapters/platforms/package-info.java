/**
 * The publishing platforms over the JDK's {@code java.net.http} client, one package per platform:
 * OAuth (authorization code with PKCE), and posting clips. Everything shared lives here: the
 * app's client credentials, each platform's endpoints, and the one HTTP client that maps the
 * platforms' refusals to {@link dev.truss.application.port.platform.PlatformException}.
 */
package dev.truss.adapters.platforms;
