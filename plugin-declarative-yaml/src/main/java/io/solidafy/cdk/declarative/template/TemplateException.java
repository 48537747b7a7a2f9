package io.solidafy.cdk.declarative.template;

import io.solidafy.cdk.spi.ConnectorException;

/** A template that cannot be parsed or rendered (syntax error, undefined variable, bad argument). */
public final class TemplateException extends ConnectorException {

    public TemplateException(String message) {
        super(message);
    }
}
