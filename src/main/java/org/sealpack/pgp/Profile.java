package org.sealpack.pgp;

/** Key profiles. */
public enum Profile {
    /** OpenPGP v4, Ed25519 + Curve25519 (legacy algorithm IDs), CFB-protected: GnuPG 2.2 reads it. */
    DEFAULT,
    /** RFC 9580: v6 keys, Ed25519 + X25519, AEAD (OCB) + Argon2 protection. GnuPG 2.2 cannot read it. */
    RFC9580
}
