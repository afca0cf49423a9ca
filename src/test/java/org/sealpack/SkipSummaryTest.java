package org.sealpack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The skip summary names a class skipped as a whole (its @BeforeAll found no peer: it runs 0
 * tests).
 */
class SkipSummaryTest {
    static TestIdentifier node(
            String name, TestSource source, org.junit.platform.engine.TestDescriptor.Type type) {
        return TestIdentifier.from(
                new AbstractTestDescriptor(UniqueId.root("test", name), name, source) {
                    @Override
                    public Type getType() {
                        return type;
                    }
                });
    }

    @Test
    void aClassSkippedAtClassLevelIsNamed() {
        TestIdentifier whole =
                node(
                        "OpenPgpJsIT",
                        ClassSource.from("org.sealpack.interop.OpenPgpJsIT"),
                        org.junit.platform.engine.TestDescriptor.Type.CONTAINER);
        assertThat(
                        SkipSummary.line(
                                whole,
                                "needs what this machine lacks: node is not installed (apt-get install nodejs)"))
                .isEqualTo("all of OpenPgpJsIT (node is not installed (apt-get install nodejs))\n");
        TestIdentifier one =
                node(
                        "aTest",
                        MethodSource.from("org.sealpack.interop.SopToolsIT", "aTest"),
                        org.junit.platform.engine.TestDescriptor.Type.TEST);
        assertThat(
                        SkipSummary.line(
                                one,
                                "needs what this machine lacks: sq is not installed (apt-get install sq)"))
                .isEqualTo("sq is not installed (apt-get install sq)\n");
        assertThat(SkipSummary.wholeClass(one)).isNull();
    }
}
