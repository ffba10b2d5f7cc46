package app.tandem.system;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses an encoded slash or backslash ({@code /tasks/..%2F..%2Fetc}) itself, with its own bare page,
 * before Tandem sees the request. Passed through still encoded, such a request reaches Spring Security's
 * firewall, which refuses it just the same and lets the refusal show on Tandem's 400 page. Nothing decodes
 * them into path separators on the way.
 */
@Component
class EncodedSlashesToTheFirewall implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }
}
