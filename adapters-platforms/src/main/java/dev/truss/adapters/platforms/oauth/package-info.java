/**
 * The OAuth 2 authorization-code flow the platforms share: {@link
 * dev.truss.adapters.platforms.oauth.CodeFlowAuthorizer} speaks it, and each platform's
 * authorizer configures it with a {@link dev.truss.adapters.platforms.oauth.CodeFlowDialect}
 * (parameter names, scopes, how the PKCE challenge is written) and says whose account a token is.
 */
package dev.truss.adapters.platforms.oauth;
