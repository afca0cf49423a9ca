package org.sealpack.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the rules of docs/FORMAT.md (their tags, such as "R1.6") that a test checks, for a rule no
 * single vector file can show (a writer's rule, walked on the files sealpack writes; a rule about
 * what a run leaves on disk). {@link FormatRulesTest} counts these beside the vectors' {@code
 * rule:} lines.
 */
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Pins {
    String[] value();
}
