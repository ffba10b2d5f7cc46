package app.tandem.assessment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

import app.tandem.system.TandemProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page as a PDF: the same Thymeleaf view the browser gets, rendered into memory with {@code pdf} set (a bare
 * print layout with the print stylesheet inlined) and laid out by openhtmltopdf, so the template must be
 * well-formed XHTML. Links in it point at Tandem's public address.
 */
@Component
class ReportPdf {

    private static final String STYLESHEET = "static/css/assessment.css";

    private final ThymeleafViewResolver views;
    private final String baseUri;
    private final String stylesheet;

    ReportPdf(ThymeleafViewResolver views, TandemProperties properties) {
        this.views = views;
        // openhtmltopdf writes a few lines at INFO for every document; its warnings are what matter.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
        this.baseUri = properties.publicUrl().endsWith("/") ? properties.publicUrl() : properties.publicUrl() + "/";
        try (InputStream css = new ClassPathResource(STYLESHEET).getInputStream()) {
            this.stylesheet = new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The report's stylesheet " + STYLESHEET + " is missing", e);
        }
    }

    byte[] render(String viewName, Map<String, Object> model, Locale locale, HttpServletRequest request,
                  HttpServletResponse response) throws Exception {
        Map<String, Object> printed = new HashMap<>(model);
        printed.put("pdf", true);
        printed.put("printCss", stylesheet);
        View view = views.resolveViewName(viewName, locale);
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        view.render(printed, request, page);
        String xhtml = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withHtmlContent(xhtml, baseUri);
        builder.toStream(pdf);
        builder.run();
        return pdf.toByteArray();
    }
}
