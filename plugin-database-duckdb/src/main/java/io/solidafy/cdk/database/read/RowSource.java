package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;

/** The rows of one read, each as its JSON record, in order. */
@FunctionalInterface
interface RowSource {

    /** The next row's record, or null after the last. */
    ObjectNode next() throws SQLException;
}
