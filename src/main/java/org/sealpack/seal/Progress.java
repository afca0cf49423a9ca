package org.sealpack.seal;

/** Told how far a long operation has come, in bytes; the command line may draw it. */
public interface Progress {
    /** A new phase: what is being done, and how many bytes it will take (0 when unknown). */
    void start(String what, long totalBytes);

    void advance(long bytes);

    void done();

    Progress NONE =
            new Progress() {
                @Override
                public void start(String what, long totalBytes) {}

                @Override
                public void advance(long bytes) {}

                @Override
                public void done() {}
            };
}
