package io.solidafy.cdk.database.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.database.config.Endpoint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text DuckDB's ATTACH receives: libpq-style values and SQL literals cannot be broken out of. */
class DuckDbAttachTextTest {

    @Test
    void connectionInfoQuotesEveryValue() {
        Endpoint endpoint = new Endpoint("db.local", 5433, Optional.of("my db"), "o'brien", "p\\w' sslmode='disable",
                Optional.of("require"));
        assertEquals("host='db.local' port='5433' user='o\\'brien' password='p\\\\w\\' sslmode=\\'disable' dbname='my db'"
                + " sslmode='require'", DuckDbEngine.connectionInfo(DatabaseKind.POSTGRES, endpoint));
        assertEquals("host='db.local' port='5433' user='o\\'brien' passwd='p\\\\w\\' sslmode=\\'disable' db='my db'",
                DuckDbEngine.connectionInfo(DatabaseKind.MYSQL, endpoint));
    }

    @Test
    void literalsDoubleSingleQuotes() {
        assertEquals("'it''s; DROP TABLE x; --'", DuckDbEngine.literal("it's; DROP TABLE x; --"));
    }
}
