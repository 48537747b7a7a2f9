package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;

/** The rows of one read, each as its JSON record, in order. */
@FunctionalInterface
interface RowSource {

    /** The next row's record, or null after the last. */
    ObjectNode next() throws SQLException;

    /**
     * Asks the server to stop sending rows, so that a {@link #next()} waiting for it on another
     * thread returns soon (with an error); nothing by default.
     */
    default void cancel() throws SQLException {}
}
