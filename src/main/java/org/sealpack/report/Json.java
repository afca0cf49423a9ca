package org.sealpack.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sealpack.bag.BagRules;
import org.sealpack.bag.Metadata;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.SealpackException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SealReader;
import org.sealpack.seal.AtRest;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Version;
import org.sealpack.text.Untrusted;

/**
 * The --json documents: one per command, field names stable, described by
 * docs/sealpack.schema.json. Strings from archives and keys keep their value; every invisible or
 * text-changing character in them is written as a \\u escape, which a terminal shows as text.
 */
public final class Json {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        MAPPER.getFactory().setCharacterEscapes(new Hidden());
        MAPPER.registerModule(
                new SimpleModule()
                        .addSerializer(
                                new StdSerializer<>(Untrusted.class) {
                                    @Override
                                    public void serialize(
                                            Untrusted value,
                                            JsonGenerator gen,
                                            SerializerProvider provider)
                                            throws IOException {
                                        gen.writeString(value.unescaped()); // JSON keeps the value;
                                        // Hidden spells what a
                                        // terminal would obey
                                    }
                                }));
    }

    /**
     * JSON escapes C0 controls itself; a terminal showing the document would still obey C1 controls
     * (CSI, OSC, NEL), bidirectional overrides and other invisible characters: these are written as
     * \\uXXXX too (the JSON value is the same; only its spelling changes).
     */
    private static final class Hidden extends CharacterEscapes {
        private final int[] ascii;

        Hidden() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (!Untrusted.hidden(ch)) {
                return null;
            }
            return new SerializedString(Untrusted.escape(new String(Character.toChars(ch))));
        }
    }

    private Json() {}

    public static void print(PrintWriter out, Map<String, Object> document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> document(String kind) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind);
        d.put("sealpackVersion", Version.get());
        return d;
    }

    public static Map<String, Object> certificate(Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", c.fingerprint());
        m.put("userIds", c.userIds());
        return m;
    }

    private static List<Map<String, Object>> recipients(List<SealReader.Recipient> recipients) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SealReader.Recipient r : recipients) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keyId", r.keyId());
            m.put("algorithm", r.algorithm());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> outerPart(Reports.Outer outer, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anonymous", outer.anonymous());
        m.put("signer", certificate(outer.signer()));
        m.put("signed", outer.signed().toString());
        m.put("recipients", recipients(outer.recipients()));
        m.put("fileBytes", outer.fileBytes());
        m.put("fileSha256", sha256);
        m.put("encryptedBytes", outer.encryptedBytes());
        m.put("notes", outer.notes());
        return m;
    }

    public static Map<String, Object> outer(Reports.Outer outer, String sha256) {
        Map<String, Object> d = document("verify");
        d.put("verdict", "good");
        d.put("checked", List.of("outer-signature"));
        d.put("outer", outerPart(outer, sha256));
        return d;
    }

    public static Map<String, Object> full(
            String kind,
            Reports.Full full,
            String destination,
            String sha256,
            List<String> checked) {
        Map<String, Object> d = document(kind);
        d.put("verdict", "good");
        d.put("checked", checked);
        d.put("outer", outerPart(full.outer(), sha256));
        d.put("openedBy", certificate(full.openedBy()));
        d.put("openedHeldBy", full.openedHeldBy());
        Map<String, Object> bag = new LinkedHashMap<>();
        bag.put("name", full.bagName());
        bag.put("signed", full.bagSigned().toString());
        bag.put("intendedRecipients", full.intendedRecipients());
        List<Map<String, Object>> info = new ArrayList<>();
        for (Metadata.Element e : full.bagInfo().elements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", e.label());
            m.put("value", Metadata.unfold(e.value()));
            info.add(m);
        }
        bag.put("bagInfo", info);
        List<Map<String, Object>> files = new ArrayList<>();
        full.manifest()
                .checksums()
                .forEach(
                        (path, sum) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("path", path);
                            m.put("bytes", full.manifest().sizeOf(path));
                            m.put("sha512", sum);
                            files.add(m);
                        });
        bag.put("files", files);
        bag.put("payloadBytes", full.payloadBytes());
        d.put("bag", bag);
        d.put("warnings", full.warnings());
        if (destination != null) {
            d.put("destination", destination);
        }
        return d;
    }

    /** The document of a check that passed: the outer layer only, or everything. */
    public static Map<String, Object> checked(Checked c) {
        return c.full() == null
                ? outer(c.outer(), c.sha256())
                : full(c.kind(), c.full(), c.destination(), c.sha256(), c.passed());
    }

    /**
     * The document of a failure, its code, error name and general hint from the exit-code table.
     */
    public static Map<String, Object> failure(CheckFailed f) {
        ExitCode code = ExitCode.of(f.failure());
        return failure(
                f.kind(),
                f.failure(),
                code.code,
                code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                code.hint,
                f.passed(),
                f.sha256());
    }

    /**
     * A check that failed: what failed, its exit code, error name and general hint (from the
     * exit-code table), and the checks that had passed before it.
     */
    public static Map<String, Object> failure(
            String kind,
            Throwable failure,
            int exit,
            String error,
            String generalHint,
            List<String> passed,
            String sha256) {
        Map<String, Object> d = document(kind);
        d.put("verdict", "failed");
        d.put("exit", exit);
        d.put("error", error);
        d.put("message", failure.getMessage() == null ? failure.toString() : failure.getMessage());
        String hint =
                failure instanceof SealpackException s && s.hint() != null ? s.hint() : generalHint;
        d.put("hint", hint);
        d.put("passed", passed);
        d.put("fileSha256", sha256);
        return d;
    }

    public static Map<String, Object> inspection(Reports.Inspection i) {
        Map<String, Object> d = document("inspect");
        d.put("verified", false);
        d.put("anonymous", i.anonymous());
        d.put("fileBytes", i.fileBytes());
        d.put("encryptedBytes", i.encryptedBytes());
        if (i.claimedSignature() != null) {
            Map<String, Object> claimed = new LinkedHashMap<>();
            claimed.put("issuer", i.claimedSignature().issuer());
            claimed.put("created", i.claimedSignature().created().toString());
            claimed.put("algorithm", i.claimedSignature().algorithm());
            claimed.put("hash", i.claimedSignature().hash());
            d.put("claimedSignature", claimed);
        }
        d.put("recipients", recipients(i.recipients()));
        return d;
    }

    public static Map<String, Object> atRest(String kind, AtRest.Report report) {
        var verdict = report.verdict();
        Map<String, Object> d = document(kind);
        d.put("verdict", !verdict.valid() ? "invalid" : !verdict.complete() ? "holey" : "good");
        d.put("level", verdict.level() == BagRules.Level.SEALED ? "sealed" : "any-bag");
        d.put("bag", report.bag().toString());
        d.put("bagitVersion", verdict.version());
        d.put("payloadFiles", verdict.payload().size());
        d.put("payloadBytes", verdict.payloadBytes());
        d.put("manifests", verdict.algorithms());
        d.put(
                "signer",
                report.signature() == null ? null : certificate(report.signature().signer()));
        d.put("problems", verdict.problems());
        d.put("warnings", verdict.warnings());
        d.put("toFetch", verdict.toFetch());
        return d;
    }

    public static Map<String, Object> keyring(List<Map<String, Object>> keys) {
        Map<String, Object> d = document("keys-list");
        d.put("keys", keys);
        return d;
    }
}
