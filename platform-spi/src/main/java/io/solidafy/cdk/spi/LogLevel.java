package io.solidafy.cdk.spi;

/** Severity of a LOG protocol message, in increasing order. */
public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR
}
