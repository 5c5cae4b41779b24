/**
 * {@code gateway.yaml}: its file model as Jackson reads it, and the validated runtime model the gateway runs on;
 * every error names the file, the key path and what is wrong. Also the CSV imports (subscribers, directory) and
 * the one constant-time comparison of configured secrets.
 */
package org.starhash.gateway.config;
