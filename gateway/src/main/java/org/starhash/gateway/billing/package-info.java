/**
 * Charge events between the store and the billing hooks: written in the same commit as the change that
 * caused them, handed to the hooks after that commit, and forgotten only once every hook accepted them.
 */
package org.starhash.gateway.billing;
