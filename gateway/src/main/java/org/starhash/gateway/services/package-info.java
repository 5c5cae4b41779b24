/**
 * The services of SERVICES.md, one class per family. Each one is a pure decision: the request and the state
 * it reads in, the text to answer, the changes and the charges out; the engine does the IO.
 */
package org.starhash.gateway.services;
