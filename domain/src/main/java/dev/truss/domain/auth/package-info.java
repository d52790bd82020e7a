/** Login by magic link and server-side sessions; secrets appear only as their SHA-256. */
package dev.truss.domain.auth;
