package org.starhash.gateway.config;

import java.time.Duration;

/**
 * How SMS text is handled.
 *
 * @param transliterate     write SMS replies without č, š, ž, ć, đ, so they fit 160 characters a segment
 * @param concatTimeout     how long the parts of a concatenated MO may take to come before they are dropped
 * @param concatMaxWaiting  the most incomplete concatenated MO kept at once
 */
public record SmsSettings(boolean transliterate, Duration concatTimeout, int concatMaxWaiting) {
}
