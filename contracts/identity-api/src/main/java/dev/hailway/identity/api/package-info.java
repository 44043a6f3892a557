/**
 * The identity service's published language: the events it puts on {@link dev.hailway.identity.api.IdentityTopics#ACCOUNTS}
 * and the JSON bodies of its public HTTP API. Records only and no dependencies, so that any service or client can depend
 * on it without pulling in identity's implementation or a framework.
 */
package dev.hailway.identity.api;
