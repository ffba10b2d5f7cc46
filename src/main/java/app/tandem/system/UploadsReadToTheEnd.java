package app.tandem.system;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * When an upload is refused as too large, Tomcat reads the rest of it (up to server.tomcat.max-swallow-size) before
 * answering. Otherwise it closes the connection while the browser is still sending, and the browser shows a reset
 * connection instead of the page that names the limit (see {@link UploadTooLarge}).
 */
@Component
class UploadsReadToTheEnd implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
    }
}
