package org.sealpack.failure;

/**
 * The one table of exit codes: each kind of failure, its code, what it means and what to do. Every
 * command's --help, the man pages, JSON errors, receipts and docs/GUIDE.md's table (checked by a
 * test) come from it. It lives below the command line so that the core's records (receipts, JSON)
 * take their codes from it; a usage error the command line finds itself is {@link #USAGE} there.
 */
public enum ExitCode {
    OK(
            0,
            null,
            "success: everything checked is good (custody carry: the hand-over receipt was written; it checks nothing)",
            null),
    INTERNAL(
            1,
            null,
            "internal error (a bug: please report it with --debug output)",
            "run again with --debug and report the output"),
    USAGE(
            2,
            UsageException.class,
            "usage error: a wrong option or argument",
            "see the command's --help"),
    INPUT(
            3,
            InputException.class,
            "an input is missing, unreadable or malformed",
            "check the path and the file"),
    OUTPUT_EXISTS(
            4,
            OutputExistsException.class,
            "the output exists (--force replaces only an earlier output of the same kind)",
            "choose another output"),
    WRITE_FAILED(
            5,
            WriteFailedException.class,
            "writing failed (disk full, permissions); nothing was left behind",
            "free space or fix the permissions, then run again"),
    OUT_OF_MEMORY(
            6,
            null,
            "out of memory: too many files for the Java heap (raise it with SEALPACK_JAVA_OPTS=-Xmx4g)",
            "run again with a larger heap"),
    KEY(
            10,
            KeyException.class,
            "a key or certificate is unusable (corrupt, wrong kind, no usable subkey)",
            "check the key file"),
    PASSPHRASE(
            11,
            PassphraseException.class,
            "wrong or missing passphrase",
            "give the key's passphrase"),
    NOT_RECIPIENT(
            12,
            NotRecipientException.class,
            "the key is not a recipient of the sealed file",
            "open it with a key it was sealed to"),
    SIGNER_EXPIRED(
            13,
            SignerExpiredException.class,
            "the signer's key had expired when it signed (one that expired later is accepted, with a note)",
            "ask the sender to seal it again with a valid key"),
    SIGNER_REVOKED(
            14,
            SignerRevokedException.class,
            "the signer's key or signing subkey is revoked for the time it signed (compromised: for all time)",
            "do not trust this file; ask the sender"),
    NOT_SECRET_KEY(
            15,
            CertificateNotKeyException.class,
            "a certificate (public key) was given where a secret key is needed",
            "give the secret key file"),
    AMBIGUOUS_KEY(
            16,
            AmbiguousKeyException.class,
            "a key selector matches several keys: give the full fingerprint",
            "give the full fingerprint"),
    NO_SUCH_KEY(
            17,
            NoSuchKeyException.class,
            "no such key (or a short key ID, which is never enough)",
            "list the keys with 'sealpack keys list'"),
    RECIPIENT_UNUSABLE(
            18,
            RecipientUnusableException.class,
            "a recipient's certificate is expired or revoked",
            "ask the recipient for a current certificate"),
    MALFORMED(
            20,
            MalformedSealException.class,
            "not a sealed file, or truncated or corrupt",
            "ask the sender for a new copy"),
    BAD_SIGNATURE(
            21,
            BadSignatureException.class,
            "a signature is bad, missing, expired or made in the future",
            "do not trust this file; ask the sender for a new copy"),
    UNTRUSTED_SIGNER(
            22,
            UntrustedSignerException.class,
            "the signer is not trusted (not in the keyring, nor named with --signer)",
            "compare the fingerprint with the sender, then `sealpack keys import THEIR-CERT.asc`"),
    TAMPERED(
            23,
            TamperedDataException.class,
            "the encrypted data failed its integrity check (altered)",
            "do not trust this file; ask the sender for a new copy"),
    BAG_INVALID(
            24,
            BagInvalidException.class,
            "the bag is invalid (checksum mismatch, missing or extra file)",
            "do not rely on it; ask the sender for a new copy"),
    UNSAFE_ARCHIVE(
            25,
            UnsafeArchiveException.class,
            "the archive holds an unsafe entry (path escape, link, device)",
            "do not open it; report it to the sender"),
    WEAK_CRYPTO(
            26,
            WeakCryptoException.class,
            "a refused weak algorithm (SHA-1, MD5, unprotected encryption)",
            "ask the sender to seal it again with sealpack"),
    NOT_VERIFIABLE(
            27,
            NotVerifiableException.class,
            "an anonymous file has no outer signature: only a recipient can verify it (--key)",
            "verify it with --key"),
    BAG_INCOMPLETE(
            28,
            BagIncompleteException.class,
            "a holey bag: valid, but files its fetch.txt lists are not there (sealpack never fetches)",
            "fetch the files it lists, then validate again"),
    RECEIPT_ALTERED(
            40,
            ReceiptAlteredException.class,
            "custody: a receipt or its signature was altered after it was signed, or a return copy is not signed for the key that decrypted it",
            "do not rely on that receipt; ask its custodian for their copy"),
    RECEIPT_UNTRUSTED(
            41,
            ReceiptUntrustedException.class,
            "custody: a receipt is unsigned, or signed by a custodian not trusted",
            "compare the custodian's fingerprint with them, then `sealpack keys import THEIR-CERT.asc`"),
    RECEIPT_OTHER_FILE(
            42,
            ReceiptOtherFileException.class,
            "custody: a receipt names another sealed file or bag",
            "give the receipts of this file only"),
    CHAIN_LINK_MISSING(
            43,
            ChainLinkMissingException.class,
            "custody: a receipt follows a receipt that was not given (a missing link)",
            "give every receipt of the chain"),
    CHAIN_TIME(
            44,
            ChainTimeException.class,
            "custody: times go backwards along the chain of receipts",
            "ask the custodians about their clocks"),
    RECEIPT_FAILURE(
            45,
            ReceiptReportsFailureException.class,
            "custody: a receipt reports that a check failed",
            "find out what happened to the file at that hand"),
    RECEIPT_REPEATED(
            46,
            ReceiptRepeatedException.class,
            "custody: a receipt is given twice (the same file, or a byte-identical copy)",
            "give each receipt once"),
    RECEIPT_TIME(
            47,
            ReceiptTimeException.class,
            "custody: a receipt's time is not its signature's time (post- or back-dated)",
            "ask its custodian about their clock and for a new receipt"),
    GNUPG_MISSING(
            50,
            GnuPGMissingException.class,
            "GnuPG is not installed, but a gpg:SELECTOR key or certificate needs it",
            "install it (apt-get install gnupg gpg-agent), or give a key file"),
    AGENT_UNREACHABLE(
            51,
            AgentUnreachableException.class,
            "GnuPG's agent cannot be reached or started",
            "run `gpgconf --launch gpg-agent` and check GNUPGHOME"),
    AGENT_PROTOCOL(
            52,
            AgentProtocolException.class,
            "GnuPG's agent broke its protocol or returned a signature that does not verify (nothing was written)",
            "restart it with `gpgconf --kill gpg-agent`; check what listens on its socket"),
    CARD(
            53,
            CardException.class,
            "the OpenPGP card is missing, removed or the wrong one, or its PIN is blocked",
            "insert the card; unblock a blocked PIN with `gpg --card-edit` (admin, unblock)"),
    AGENT_REFUSED(
            54,
            AgentRefusedException.class,
            "GnuPG's agent refused the secret operation for another reason",
            "run the same with gpg to see GnuPG's own message"),
    INTERRUPTED(
            130,
            CancelledException.class,
            "interrupted (Ctrl-C, SIGINT) or cancelled at a prompt; nothing was left behind",
            null);

    /** The process exit code. */
    public final int code;

    private final Class<? extends Exception> failure;

    /** What it means, one line, as --help and docs/GUIDE.md show it. */
    public final String meaning;

    /** What to do in general (a failure's own hint is more precise, and comes first). */
    public final String hint;

    ExitCode(int code, Class<? extends Exception> failure, String meaning, String hint) {
        this.code = code;
        this.failure = failure;
        this.meaning = meaning;
        this.hint = hint;
    }

    /** The kind of a failure: by its exception type, never by its message. */
    public static ExitCode of(Throwable exception) {
        if (exception instanceof OutOfMemoryError) {
            return OUT_OF_MEMORY;
        }
        for (ExitCode c : values()) {
            if (c.failure != null && c.failure.isInstance(exception)) {
                return c;
            }
        }
        return INTERNAL;
    }
}
