package org.sealpack.pgp;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.sealpack.failure.MalformedSealException;

/**
 * What a file that is not a sealed file is, said to the person who gave it to inspect, verify or
 * open: empty, text, not OpenPGP at all, or which kind of OpenPGP data (a certificate, a secret
 * key, a signature, a plain encrypted message, a message encrypted with a passphrase, an
 * unencrypted message), each with a hint that names a command to run. Judged from its first bytes
 * and its first packet only.
 */
final class NotSealed {
    /** How many bytes of the file's start {@link #judge} needs. */
    static final int HEAD = 4096;

    private NotSealed() {}

    /**
     * The failure for a file whose start is not a sealed file's, or null if its start alone does
     * not tell (it is binary OpenPGP, or an armored message, and its first packet decides).
     */
    static MalformedSealException byItsStart(byte[] head, int n, String file) {
        if (n <= 0) {
            return new MalformedSealException(
                    "the file is empty: it is not a sealed file",
                    "the copy may have failed; ask the sender for a new copy");
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        String trimmed = text.stripLeading();
        if (!trimmed.startsWith("-----BEGIN PGP ")
                && (head[0] & 0x80) == 0
                && text.contains("-----BEGIN PGP MESSAGE-----")) {
            return new MalformedSealException(
                    "the armored sealed file has text before its BEGIN line: text that no"
                            + " signature covers (only line breaks may come before it)",
                    "the armored copy was altered, or is"
                            + " not the sender's: ask for the file as sealed (binary), or an armored copy with nothing added");
        }
        if (trimmed.startsWith("-----BEGIN PGP ")) {
            if (trimmed.startsWith("-----BEGIN PGP MESSAGE-----")) {
                return null;
            }
            if (trimmed.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
                return certificate(file);
            }
            if (trimmed.startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
                return secretKey(file);
            }
            if (trimmed.startsWith("-----BEGIN PGP SIGNATURE-----")) {
                return signature(file);
            }
            if (trimmed.startsWith("-----BEGIN PGP SIGNED MESSAGE-----")) {
                return notSealed(
                        "ASCII-armored text: a cleartext-signed OpenPGP message",
                        "check its signature with `gpg --verify " + file + "`");
            }
            return notSealed(
                    "ASCII-armored OpenPGP text of another kind",
                    "look at it with `gpg --list-packets " + file + "`");
        }
        int b = head[0] & 0xff;
        if ((b & 0x80) == 0 || !knownTag(b)) {
            return looksLikeText(head, n)
                    ? notSealed(
                            "text, not OpenPGP data",
                            "check the file name: a sealed file is binary, or armored"
                                    + " text that starts with -----BEGIN PGP MESSAGE-----")
                    : notSealed(
                            "not OpenPGP data",
                            "check that this is the .sealed file the sender made;"
                                    + " if it is, it was damaged: ask the sender for a new copy");
        }
        return null;
    }

    /**
     * The failure for a file whose first OpenPGP object is not what a sealed file starts with, or
     * null if it is one (a one-pass signature, or an encrypted message to hidden recipients only).
     */
    static MalformedSealException byItsFirstPacket(Object first, String file) {
        if (first instanceof PGPOnePassSignatureList) {
            return null;
        }
        if (first instanceof PGPEncryptedDataList list && !list.isEmpty()) {
            for (PGPEncryptedData d : list) {
                if (d instanceof PGPPBEEncryptedData) {
                    return notSealed(
                            "an OpenPGP message encrypted with a passphrase (as `gpg -c` makes)",
                            "decrypt it with `gpg --decrypt " + file + "`");
                }
            }
            for (PGPEncryptedData d : list) {
                if (d instanceof PGPPublicKeyEncryptedData pk
                        && !pk.getKeyIdentifier().isWildcard()) {
                    return notSealed(
                            "a plain OpenPGP encrypted message (as `gpg -e` makes): it names its"
                                    + " recipients but has no outer signature, as a sealed file has",
                            "decrypt it with `gpg --decrypt "
                                    + file
                                    + "`; to send evidence, seal it with `sealpack pack`");
                }
            }
            return null;
        }
        if (first instanceof PGPPublicKeyRing) {
            return certificate(file);
        }
        if (first instanceof PGPSecretKeyRing) {
            return secretKey(file);
        }
        if (first instanceof PGPSignatureList) {
            return signature(file);
        }
        if (first instanceof PGPLiteralData || first instanceof PGPCompressedData) {
            return notSealed(
                    "an OpenPGP message that is not encrypted",
                    "read it with `gpg --decrypt " + file + "`");
        }
        return new MalformedSealException(
                "this is not a sealed file: it does not start with a one-pass signature"
                        + " (nor, for an anonymous file, an encrypted session key)",
                "look at its packets with `gpg --list-packets " + file + "`");
    }

    private static MalformedSealException certificate(String file) {
        return notSealed(
                "an OpenPGP certificate (a public key)",
                "to trust its holder or seal files to them, import it: `sealpack keys import "
                        + file
                        + "`");
    }

    private static MalformedSealException secretKey(String file) {
        return notSealed(
                "an OpenPGP secret key (keep it private)",
                "to use it, import it with `sealpack keys import "
                        + file
                        + "`, or name it with --key");
    }

    private static MalformedSealException signature(String file) {
        return notSealed(
                "a detached OpenPGP signature",
                "check it against the file it signs with `gpg --verify " + file + " SIGNED-FILE`");
    }

    private static MalformedSealException notSealed(String what, String hint) {
        return new MalformedSealException("this is not a sealed file: it is " + what, hint);
    }

    /**
     * Packet tags an OpenPGP file can start with (RFC 9580 section 5): the rest is no OpenPGP data.
     */
    private static boolean knownTag(int b) {
        int tag = (b & 0x40) != 0 ? b & 0x3f : (b >> 2) & 0x0f;
        return tag >= 1 && tag <= 21 && tag != 15 && tag != 16;
    }

    private static boolean looksLikeText(byte[] head, int n) {
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        String s = new String(head, 0, n, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') < 0
                || s.indexOf('\uFFFD') >= s.length() - 3; // a cut last character
    }

    /** A file name as a shell would take it in a command shown as a hint. */
    static String quoted(String file) {
        if (file == null) {
            return "FILE";
        }
        return file.matches("[A-Za-z0-9._/+=:@-]+") ? file : "'" + file.replace("'", "'\\''") + "'";
    }
}
