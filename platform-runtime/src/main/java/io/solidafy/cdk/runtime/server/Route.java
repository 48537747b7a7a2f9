package io.solidafy.cdk.runtime.server;

/** The routes of the API: a path template and its method. */
enum Route {
    HEALTH("/health", "GET"),
    CONNECTORS("/connectors", "GET"),
    CONNECTOR_STREAMS("/connectors/{name}/streams", "GET"),
    STREAMS("/streams", "POST"),
    CHECK("/check", "POST"),
    DISCOVER("/discover", "POST"),
    SYNC("/sync", "POST"),
    OPENAPI("/openapi.json", "GET"),
    METRICS("/metrics", "GET"),
    UNKNOWN("other", "GET");

    private final String template;
    private final String method;

    Route(String template, String method) {
        this.template = template;
        this.method = method;
    }

    String template() {
        return template;
    }

    String method() {
        return method;
    }

    static Route of(String path) {
        if (path == null) {
            return UNKNOWN;
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route route : values()) {
            if (route.template.equals(trimmed)) {
                return route;
            }
        }
        String[] parts = trimmed.split("/", -1);
        if (parts.length == 4 && parts[1].equals("connectors") && parts[3].equals("streams") && !parts[2].isEmpty()) {
            return CONNECTOR_STREAMS;
        }
        return UNKNOWN;
    }

    static String connectorName(String path) {
        return path.split("/", -1)[2];
    }
}
