package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The server settings of the {@code prod} profile, bound the way Spring Boot binds them, without starting a second
 * application: the suite shares one context, and a misspelt key would simply not bind here.
 */
class ProdProfileTest {

    @Test
    void shouldSendTheSessionCookieOverHttpsOnlyAndTrustTheTlsProxysForwardedHeaders() throws IOException {
        ServerProperties prod = server("application.yaml", "application-prod.yaml");

        assertThat(prod.getServlet().getSession().getCookie().getSecure()).isTrue();
        assertThat(prod.getServlet().getSession().getCookie().getSameSite()).isEqualTo(SameSite.LAX);
        assertThat(prod.getForwardHeadersStrategy()).isEqualTo(ServerProperties.ForwardHeadersStrategy.NATIVE);
    }

    @Test
    void shouldLeaveTheCookieUsableOverPlainHttpOutsideProd() throws IOException {
        ServerProperties local = server("application.yaml");

        assertThat(local.getServlet().getSession().getCookie().getSecure()).isNull();
        assertThat(local.getServlet().getSession().getCookie().getSameSite()).isEqualTo(SameSite.LAX);
    }

    /** The files in order, the last one winning, as profiles override the base file. */
    private static ServerProperties server(String... files) throws IOException {
        List<PropertySource<?>> sources = new java.util.ArrayList<>();
        for (String file : files) {
            sources.addAll(0, new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        return new Binder(ConfigurationPropertySources.from(sources)).bind("server", ServerProperties.class)
                .orElseGet(ServerProperties::new);
    }
}
