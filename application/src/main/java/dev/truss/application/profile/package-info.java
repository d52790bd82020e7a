/** The creator's own profile and dashboard. */
package dev.truss.application.profile;
