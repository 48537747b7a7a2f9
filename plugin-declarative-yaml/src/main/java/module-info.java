/** Declarative YAML REST connectors: the engine, the built-in connectors and the built-in auth and pagination types. */
module io.solidafy.cdk.declarative {
    requires io.solidafy.cdk.spi;
    requires org.yaml.snakeyaml;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires java.xml;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.declarative.DeclarativePlugin;
}
