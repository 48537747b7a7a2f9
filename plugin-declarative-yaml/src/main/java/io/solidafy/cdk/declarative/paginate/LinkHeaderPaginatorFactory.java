package io.solidafy.cdk.declarative.paginate;

import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.PageResponse;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code link_header}: follows the URL of the response's {@code Link} header with the given rel (RFC 8288). */
public final class LinkHeaderPaginatorFactory implements PaginatorFactory {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^,<]*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    @Override
    public String type() {
        return "link_header";
    }

    @Override
    public Paginator create(ComponentConfig config) {
        String rel = Settings.text(config, "rel", "next");
        StopCondition stop = StopCondition.of(config);
        return new StoppingPaginator(stop) {
            @Override
            Optional<PageRequest> following(PageResponse response) {
                return find(response, rel).map(url -> PageRequest.url(response.requestUri().resolve(url).toString()));
            }
        };
    }

    /** The URL of the link with this rel in any Link header of the response. */
    static Optional<String> find(PageResponse response, String rel) {
        for (String header : response.headers("Link")) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher relation = REL.matcher(link.group(2));
                if (relation.find()) {
                    for (String value : relation.group(1).trim().split("\\s+")) {
                        if (value.equalsIgnoreCase(rel)) {
                            return Optional.of(link.group(1).trim());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
