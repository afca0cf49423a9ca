package org.sealpack.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sealpack.failure.AmbiguousKeyException;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.NoSuchKeyException;
import org.sealpack.failure.CertificateNotKeyException;
import org.sealpack.failure.RecipientUnusableException;
import org.sealpack.failure.SignerExpiredException;
import org.sealpack.failure.SignerRevokedException;
import org.sealpack.failure.BagInvalidException;
import org.sealpack.failure.InputException;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.NotRecipientException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.PassphraseException;
import org.sealpack.failure.TamperedDataException;
import org.sealpack.failure.UnsafeArchiveException;
import org.sealpack.failure.UntrustedSignerException;
import org.sealpack.failure.WeakCryptoException;
import org.sealpack.failure.WriteFailedException;

import picocli.CommandLine;

/** The one table of exit codes. README.md and every command's --help show it. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int OUTPUT_EXISTS = 4;
    public static final int WRITE_FAILED = 5;
    public static final int OUT_OF_MEMORY = 6;
    public static final int KEY = 10;
    public static final int PASSPHRASE = 11;
    public static final int NOT_RECIPIENT = 12;
    public static final int SIGNER_EXPIRED = 13;
    public static final int SIGNER_REVOKED = 14;
    public static final int NOT_SECRET_KEY = 15;
    public static final int AMBIGUOUS_KEY = 16;
    public static final int NO_SUCH_KEY = 17;
    public static final int RECIPIENT_UNUSABLE = 18;
    public static final int MALFORMED = 20;
    public static final int BAD_SIGNATURE = 21;
    public static final int UNTRUSTED_SIGNER = 22;
    public static final int TAMPERED = 23;
    public static final int BAG_INVALID = 24;
    public static final int UNSAFE_ARCHIVE = 25;
    public static final int WEAK_CRYPTO = 26;
    public static final int NOT_VERIFIABLE = 27;
    public static final int BAG_INCOMPLETE = 28;
    public static final int INTERRUPTED = 130;

    private static final Map<Class<? extends Exception>, Integer> CODES = new LinkedHashMap<>();

    static {
        CODES.put(InputException.class, INPUT);
        CODES.put(OutputExistsException.class, OUTPUT_EXISTS);
        CODES.put(WriteFailedException.class, WRITE_FAILED);
        CODES.put(KeyException.class, KEY);
        CODES.put(PassphraseException.class, PASSPHRASE);
        CODES.put(NotRecipientException.class, NOT_RECIPIENT);
        CODES.put(SignerExpiredException.class, SIGNER_EXPIRED);
        CODES.put(SignerRevokedException.class, SIGNER_REVOKED);
        CODES.put(CertificateNotKeyException.class, NOT_SECRET_KEY);
        CODES.put(AmbiguousKeyException.class, AMBIGUOUS_KEY);
        CODES.put(NoSuchKeyException.class, NO_SUCH_KEY);
        CODES.put(RecipientUnusableException.class, RECIPIENT_UNUSABLE);
        CODES.put(MalformedSealException.class, MALFORMED);
        CODES.put(BadSignatureException.class, BAD_SIGNATURE);
        CODES.put(UntrustedSignerException.class, UNTRUSTED_SIGNER);
        CODES.put(TamperedDataException.class, TAMPERED);
        CODES.put(BagInvalidException.class, BAG_INVALID);
        CODES.put(UnsafeArchiveException.class, UNSAFE_ARCHIVE);
        CODES.put(WeakCryptoException.class, WEAK_CRYPTO);
        CODES.put(org.sealpack.failure.NotVerifiableException.class, NOT_VERIFIABLE);
        CODES.put(org.sealpack.failure.UsageException.class, USAGE);
        CODES.put(org.sealpack.failure.BagIncompleteException.class, BAG_INCOMPLETE);
        CODES.put(org.sealpack.failure.CancelledException.class, INTERRUPTED);
    }

    /** The table as --help shows it. */
    public static final String[] TABLE = {
        "  0  success: everything was checked and is good",
        "  1  internal error (a bug: please report it with --debug output)",
        "  2  usage error: a wrong option or argument",
        "  3  an input is missing, unreadable or malformed",
        "  4  the output exists (--force replaces only an earlier output of the same kind)",
        "  5  writing failed (disk full, permissions); nothing was left behind",
        "  6  out of memory: too many files for the Java heap (raise it with SEALPACK_JAVA_OPTS=-Xmx4g)",
        " 10  a key or certificate is unusable (corrupt, wrong kind, no usable subkey)",
        " 11  wrong or missing passphrase",
        " 12  the key is not a recipient of the sealed file",
        " 13  the signer's key had expired when it signed (one that expired later is accepted, with a note)",
        " 14  the signer's key or signing subkey is revoked for the time it signed (compromised: for all time)",
        " 15  a certificate (public key) was given where a secret key is needed",
        " 16  a key selector matches several keys: give the full fingerprint",
        " 17  no such key (or a short key ID, which is never enough)",
        " 18  a recipient's certificate is expired or revoked",
        " 20  not a sealed file, or truncated or corrupt",
        " 21  a signature is bad, missing, expired or made in the future",
        " 22  the signer is not trusted (not in the keyring, nor named with --signer)",
        " 23  the encrypted data failed its integrity check (altered)",
        " 24  the bag is invalid (checksum mismatch, missing or extra file)",
        " 25  the archive holds an unsafe entry (path escape, link, device)",
        " 26  a refused weak algorithm (SHA-1, MD5, unprotected encryption)",
        " 27  an anonymous file has no outer signature: only a recipient can verify it (--key)",
        " 28  a holey bag: valid, but files its fetch.txt lists are not there (sealpack never fetches)",
        "130  interrupted (Ctrl-C, SIGINT) or cancelled at a prompt; nothing was left behind",
    };

    @Override
    public int getExitCode(Throwable exception) {
        return codeOf(exception);
    }

    public static int codeOf(Throwable exception) {
        if (exception instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        for (Map.Entry<Class<? extends Exception>, Integer> e : CODES.entrySet()) {
            if (e.getKey().isInstance(exception)) {
                return e.getValue();
            }
        }
        return INTERNAL;
    }
}
