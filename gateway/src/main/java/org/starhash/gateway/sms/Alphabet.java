package org.starhash.gateway.sms;

/**
 * The two alphabets an SMS reply is written in, with their SMPP data_coding and how many characters a segment
 * holds alone and as a part of a concatenated message (3GPP TS 23.040 §9.2.3.24.1, a 6-octet header).
 */
public enum Alphabet {
    /** GSM 7-bit default alphabet, sent unpacked (data_coding 0); an extension character takes two. */
    GSM7((byte) 0, 160, 153),
    /** UCS-2 (data_coding 8), two octets per UTF-16 unit. */
    UCS2((byte) 8, 70, 67);

    private final byte dataCoding;
    private final int single;
    private final int part;

    Alphabet(byte dataCoding, int single, int part) {
        this.dataCoding = dataCoding;
        this.single = single;
        this.part = part;
    }

    public byte dataCoding() {
        return dataCoding;
    }

    /** Characters (septets for GSM 7-bit) one unconcatenated SMS holds. */
    public int single() {
        return single;
    }

    /** Characters (septets) one part of a concatenated SMS holds. */
    public int part() {
        return part;
    }

    /** GSM 7-bit when every character is in it, else UCS-2. */
    public static Alphabet of(CharSequence text) {
        return Gsm7.fits(text) ? GSM7 : UCS2;
    }
}
