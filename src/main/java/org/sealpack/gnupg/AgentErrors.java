package org.sealpack.gnupg;

import org.sealpack.failure.AgentRefusedException;
import org.sealpack.failure.CancelledException;
import org.sealpack.failure.CardException;
import org.sealpack.failure.CertificateNotKeyException;
import org.sealpack.failure.PassphraseException;
import org.sealpack.failure.SealpackException;

/**
 * The agent's error codes (libgpg-error's gpg_err_code_t, the low 16 bits of an ERR line's number)
 * as failures a person can act on, each with its own kind (and so exit code).
 */
final class AgentErrors {
    static final int BAD_PASSPHRASE = 11;
    static final int NO_SECKEY = 17;
    static final int TIMEOUT = 62;
    static final int NO_PIN_ENTRY = 85;
    static final int PIN_ENTRY = 86;
    static final int BAD_PIN = 87;
    static final int WRONG_CARD = 91;
    static final int CANCELED = 99;
    static final int CARD = 108;
    static final int CARD_RESET = 109;
    static final int CARD_REMOVED = 110;
    static final int CARD_NOT_PRESENT = 112;
    static final int NOT_CONFIRMED = 114;
    static final int NO_SCDAEMON = 119;
    static final int PIN_BLOCKED = 130;
    static final int USE_CONDITIONS = 131;
    static final int NO_PIN = 178;
    static final int FULLY_CANCELED = 198;

    private AgentErrors() {}

    /**
     * The failure for an error the agent gave.
     *
     * @param doing what sealpack asked ("sign", "decrypt")
     * @param key the key, for people
     */
    static SealpackException failure(Assuan.Err e, String doing, String key) {
        String said = " (GnuPG's agent said: " + e.description + ", error " + e.errorCode() + ")";
        String with = key == null ? "" : " with " + key;
        return switch (e.errorCode()) {
            case NO_SECKEY ->
                    new CertificateNotKeyException(
                            "GnuPG's agent holds no secret key to "
                                    + doing
                                    + with
                                    + ": GnuPG has only its public key"
                                    + said,
                            "import the secret key into GnuPG, or insert the card that holds it and run `gpg --card-status`",
                            e);
            case CANCELED, FULLY_CANCELED, NOT_CONFIRMED, TIMEOUT ->
                    new CancelledException(
                            "the passphrase or PIN entry was cancelled; nothing was signed or decrypted"
                                    + said,
                            "run the command again and enter the passphrase or PIN");
            case BAD_PASSPHRASE, BAD_PIN, NO_PIN ->
                    new PassphraseException(
                            "wrong passphrase or PIN to " + doing + with + said,
                            "enter it again; a card blocks its PIN after three wrong tries",
                            e);
            case NO_PIN_ENTRY, PIN_ENTRY ->
                    new PassphraseException(
                            "GnuPG's agent could not ask for the passphrase or PIN to "
                                    + doing
                                    + with
                                    + said,
                            "run it at a terminal with GPG_TTY=$(tty) set, or install a pinentry",
                            e);
            case PIN_BLOCKED ->
                    new CardException(
                            "the PIN of the card that holds the key is blocked" + said,
                            "unblock it with the PUK or admin PIN: `gpg --card-edit`, then admin and unblock",
                            e);
            case CARD_REMOVED, CARD_NOT_PRESENT, CARD, CARD_RESET, NO_SCDAEMON ->
                    new CardException(
                            "the OpenPGP card that holds the key is missing or was removed" + said,
                            "insert the card (`gpg --card-status` shows whether GnuPG sees it), then try again",
                            e);
            case WRONG_CARD ->
                    new CardException(
                            "the inserted OpenPGP card does not hold the key" + said,
                            "insert the card that holds it",
                            e);
            case USE_CONDITIONS ->
                    new CardException(
                            "the card refused the operation (PIN not verified, or touch"
                                    + " not confirmed)"
                                    + said,
                            "try again and confirm on the card",
                            e);
            default ->
                    new AgentRefusedException(
                            "GnuPG's agent refused to " + doing + with + said,
                            "run the same operation with gpg to see GnuPG's own message",
                            e);
        };
    }
}
