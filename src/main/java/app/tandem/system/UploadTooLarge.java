package app.tandem.system;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the upload limit gets Tandem's page naming the limit. Rendered here, not through the error page: on
 * that second pass Spring would try to read the same oversized upload again and send an empty 413.
 */
@ControllerAdvice
class UploadTooLarge {

    private final MultipartProperties multipart;

    UploadTooLarge(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("error/413", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("limitMegabytes", multipart.getMaxFileSize().toMegabytes());
        return page;
    }
}
