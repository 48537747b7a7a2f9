package io.solidafy.cdk.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads JSON objects given inline ({@code --config-json}) or as files ({@code --config}). */
public final class ConfigLoader {

    private final ObjectMapper mapper;

    public ConfigLoader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The config from {@code --config-json} or {@code --config}; an empty object when neither is given.
     *
     * @throws ConnectorException when both are given, or the JSON is malformed or not an object
     */
    public ObjectNode config(String inlineJson, Path file) {
        if (inlineJson != null && file != null) {
            throw new ConnectorException("Give the config either with --config-json or with --config, not both.");
        }
        if (inlineJson != null) {
            return parseObject(inlineJson, "--config-json");
        }
        if (file != null) {
            return parseObject(readFile(file, "Config file"), "Config file " + file);
        }
        return mapper.createObjectNode();
    }

    /** Parses {@code json}, naming {@code what} in the error; must be a JSON object. */
    public ObjectNode parseObject(String json, String what) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(what + " is not valid JSON: " + describe(e));
        }
        if (node == null || node.isMissingNode()) {
            throw new ConnectorException(what + " is empty; expected a JSON object such as {\"key\":\"value\"}.");
        }
        if (!node.isObject()) {
            throw new ConnectorException(what + " must be a JSON object, not " + node.getNodeType().name().toLowerCase() + ".");
        }
        return (ObjectNode) node;
    }

    /** Reads a whole text file, naming it as {@code what} in errors. */
    public static String readFile(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConnectorException(what + " " + file + " does not exist.");
        } catch (CharacterCodingException e) {
            throw new ConnectorException(what + " " + file + " is not UTF-8 text (is it a binary file?); give a JSON file.");
        } catch (IOException e) {
            throw new ConnectorException(what + " " + file + " cannot be read: " + e.getMessage() + ".");
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        if (e.getLocation() != null) {
            message += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return message + ".";
    }
}
