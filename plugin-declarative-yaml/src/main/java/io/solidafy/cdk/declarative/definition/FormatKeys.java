package io.solidafy.cdk.declarative.definition;

import java.util.Map;
import java.util.Set;

/** The keys CONNECTOR_FORMAT.md allows at each place of a connector file. */
final class FormatKeys {

    private FormatKeys() {}

    static final Set<String> TOP = Set.of("name", "version", "description", "category", "aliases", "spec", "base_url", "auth",
            "http", "headers", "check", "streams");
    static final Set<String> SPEC_FIELD = Set.of("name", "type", "required", "secret", "description", "default");
    static final Set<String> HTTP = Set.of("timeout_secs", "connect_timeout_secs", "max_retries", "retry_backoff_secs", "max_retry_wait_secs",
            "rate_limit_rps", "user_agent");
    static final Set<String> CHECK = Set.of("path", "params", "method", "headers", "body");
    static final Set<String> STREAM = Set.of("name", "request", "headers", "decoder", "pagination", "partition", "primary_key",
            "cursor_field", "incremental", "transform");
    static final Set<String> REQUEST = Set.of("method", "path", "params", "headers", "body", "content_type");
    static final Set<String> INCREMENTAL = Set.of("start", "lookback", "client_side_filter");
    static final Set<String> TRANSFORM = Set.of("add_fields", "remove_fields");
    static final Set<String> STOP = Set.of("type", "path", "value");
    static final Set<String> STOP_TYPES = Set.of("empty_page", "total_count", "total_pages", "field");
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final Set<String> ASYNC_JOB = Set.of("type", "create", "poll", "download");
    static final Set<String> ASYNC_CREATE = Set.of("method", "path", "body", "job_id_path", "headers", "content_type");
    static final Set<String> ASYNC_POLL = Set.of("path", "interval_secs", "max_attempts", "status_path", "completed_value", "failed_values");
    static final Set<String> ASYNC_DOWNLOAD = Set.of("path", "records_path");

    static final Map<String, Set<String>> AUTH = Map.of(
            "none", Set.of("type"),
            "bearer", Set.of("type", "token"),
            "api_key", Set.of("type", "key", "value", "location", "prefix"),
            "basic", Set.of("type", "username", "password"),
            "oauth2_client_credentials", Set.of("type", "token_url", "client_id", "client_secret", "scopes"),
            "oauth2_refresh_token", Set.of("type", "token_url", "client_id", "client_secret", "refresh_token"),
            "session_token", Set.of("type", "login_url", "body", "token_path", "header_name", "header_prefix", "expires_in_path"),
            "jwt", Set.of("type", "secret", "private_key", "algorithm", "claims", "lifetime_secs", "key_id", "header_name",
                    "header_prefix", "token_url", "token_path", "expires_in_path"),
            "selective", Set.of("type", "options"));

    static final Map<String, Set<String>> AUTH_REQUIRED = Map.of(
            "bearer", Set.of("token"),
            "api_key", Set.of("key", "value"),
            "basic", Set.of("username"),
            "oauth2_client_credentials", Set.of("token_url", "client_id", "client_secret"),
            "oauth2_refresh_token", Set.of("token_url", "client_id", "refresh_token"),
            "session_token", Set.of("login_url", "token_path"),
            "jwt", Set.of("algorithm"),
            "selective", Set.of("options"));

    static final Map<String, Set<String>> PAGINATION = Map.of(
            "none", Set.of("type"),
            "offset", Set.of("type", "offset_param", "limit_param", "limit", "stop"),
            "page_number", Set.of("type", "page_param", "start_page", "page_size_param", "page_size", "stop"),
            "cursor", Set.of("type", "cursor_param", "cursor_path", "cursor_header", "location", "stop"),
            "link_header", Set.of("type", "rel", "stop"),
            "next_url", Set.of("type", "next_url_path", "stop"));

    static final Map<String, Set<String>> DECODER = Map.of(
            "json", Set.of("type", "records_path"),
            "jsonl", Set.of("type"),
            "csv", Set.of("type", "delimiter", "has_header"),
            "xml", Set.of("type", "records_path"));

    static final Map<String, Set<String>> PARTITION = Map.of(
            "list", Set.of("type", "field", "values"),
            "parent", Set.of("type", "stream", "parent_field", "partition_field"),
            "date_range", Set.of("type", "start", "end", "step", "start_field", "end_field", "format"),
            "async_job", ASYNC_JOB);
}
