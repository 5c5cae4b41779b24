package org.starhash.billing;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What a hook may use: the gateway's data directory for its own files and the zone that decides a day.
 *
 * @param dataDirectory the gateway's data directory; a hook keeps its files in a folder of its own below it
 * @param zone          the operator's time zone, which decides on which day an event falls
 */
public record HookContext(Path dataDirectory, ZoneId zone) {
}
