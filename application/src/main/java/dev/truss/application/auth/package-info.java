/** Login by magic link, sessions and logout. Secrets are stored only as their SHA-256. */
package dev.truss.application.auth;
