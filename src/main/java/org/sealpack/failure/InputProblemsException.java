package org.sealpack.failure;

import java.util.List;

/**
 * Several problems with one input (every problem of a metadata file, each naming its line),
 * reported together so that one run shows them all: one line each, one exit (3).
 */
public final class InputProblemsException extends InputException {
    private final List<InputException> problems;

    private InputProblemsException(List<InputException> problems) {
        super(
                problems.size()
                        + " problems: "
                        + String.join("; ", problems.stream().map(Throwable::getMessage).toList()),
                problems.get(0).hint());
        this.problems = List.copyOf(problems);
    }

    /** Each problem: its message names the input and the line, its hint says what to do. */
    public List<InputException> problems() {
        return problems;
    }

    /** Throws the one problem as it is, several together, or returns when there are none. */
    public static void throwIfAny(List<InputException> problems) {
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new InputProblemsException(problems);
        }
    }
}
