/**
 * {@code gateway.yaml}: its file model as Jackson reads it, and the validated runtime model the gateway
 * runs on. Every error names the file, the key path and what is wrong.
 */
package org.starhash.gateway.config;
