package org.starhash.gateway.store;

import org.starhash.gateway.values.TaxNumber;

import java.util.Objects;

/**
 * Who holds a subscription, as the operator's records have it: the tax number and the SPP code (šifra naročnika
 * SPP) under which the operator keeps the customer relationship. Keyed by normalized MSISDN, never by tax number,
 * so a code is only ever found from the number that asks.
 *
 * @param taxNumber the Slovenian tax number, 8 digits with a valid check digit
 * @param sppCode   the SPP code
 */
public record Customer(String taxNumber, String sppCode) {

    private static final int VERSION = 1;

    public static final Table<Customer> TABLE = new Table<>("customers", new Codec<>() {
        @Override
        public byte[] encode(Customer c) {
            return new BinaryOut(32).u8(VERSION).utf(c.taxNumber()).utf(c.sppCode()).toBytes();
        }

        @Override
        public Customer decode(byte[] bytes) {
            BinaryIn in = new BinaryIn(bytes);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalStateException("unknown customer record version " + version);
            }
            return new Customer(in.utf(), in.utf());
        }
    });

    public Customer {
        Objects.requireNonNull(taxNumber, "taxNumber");
        Objects.requireNonNull(sppCode, "sppCode");
        if (TaxNumber.check(taxNumber) != TaxNumber.Check.VALID) {
            throw new IllegalArgumentException("'" + taxNumber + "' is not a valid tax number");
        }
        if (sppCode.isBlank()) {
            throw new IllegalArgumentException("the SPP code is empty");
        }
    }
}
