package app.tandem.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of a filtered list's page: only the parameters that have a value, each encoded strictly, so what a
 * person typed (a "+" in an email address, an "&amp;" in a school's name) comes back as they typed it.
 */
public final class ListAddress {

    private final UriComponentsBuilder link;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private ListAddress(String path) {
        this.link = UriComponentsBuilder.fromPath(path);
    }

    public static ListAddress of(String path) {
        return new ListAddress(path);
    }

    /** Adds the parameter unless the value is null or empty text. */
    public ListAddress with(String name, Object value) {
        if (value != null && !"".equals(value)) {
            link.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
        return this;
    }

    /** Adds the page's number from the second page on: the first is the list's own address. */
    public ListAddress page(int number) {
        return with("page", number > 1 ? number : null);
    }

    public String build() {
        return link.encode().buildAndExpand(values).toUriString();
    }
}
