/**
 * How faults are logged: a line when one starts, a reminder with a count at most once a minute, a line when it
 * ends, so that a fault which fails every request for an hour cannot fill a disk with its log.
 */
package org.starhash.gateway.faults;
