/**
 * USSD menus that operators write as YAML files in {@code menus/}: the file model, the loader and validator that
 * name the file and line of every problem, hot reload that keeps the last good version, the navigator and the
 * pager that fits screens to 182 GSM 7-bit or 80 UCS-2 characters (3GPP TS 23.038).
 */
package org.starhash.gateway.menu;
