package app.tandem.backup.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.tandem.backup.BackupFile;
import app.tandem.backup.Backups;
import app.tandem.directory.Viewer;
import app.tandem.system.Messages;
import app.tandem.system.NotFound;
import app.tandem.system.TandemProperties;

/** The embedded database's backups, for operators: the list, and one taken now. Anyone else gets a 404. */
@Controller
class BackupsController {

    private static final Logger log = LoggerFactory.getLogger(BackupsController.class);

    private final Backups backups;
    private final Messages messages;
    private final DateTimeFormatter time;

    BackupsController(Backups backups, Messages messages, TandemProperties properties) {
        this.backups = backups;
        this.messages = messages;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(properties.timeZone());
    }

    record Row(String name, String size, String takenAt) {
    }

    @GetMapping("/admin/backups")
    String list(Viewer who, Model model) {
        requireOperator(who);
        List<Row> rows = backups.available()
                ? backups.list().stream().map(this::row).toList()
                : List.of();
        model.addAttribute("available", backups.available());
        model.addAttribute("database", backups.database());
        model.addAttribute("folder", backups.folder().toString());
        model.addAttribute("keep", backups.keep());
        model.addAttribute("rows", rows);
        return "backup/backups";
    }

    @PostMapping("/admin/backups")
    String takeNow(Viewer who, RedirectAttributes redirect) {
        requireOperator(who);
        if (!backups.available()) {
            throw NotFound.answer();
        }
        try {
            BackupFile taken = backups.takeNow();
            redirect.addFlashAttribute("notice", messages.text("backups.taken", taken.name()));
        } catch (RuntimeException e) {
            log.error("A backup taken from the page failed", e);
            redirect.addFlashAttribute("problem", messages.text("backups.failed"));
        }
        return "redirect:/admin/backups";
    }

    private static void requireOperator(Viewer who) {
        if (!who.operator()) {
            throw NotFound.answer();
        }
    }

    private Row row(BackupFile backup) {
        Locale locale = LocaleContextHolder.getLocale();
        String size = backup.size() < 1024 * 1024
                ? String.format(locale, "%,.0f KB", backup.size() / 1024.0)
                : String.format(locale, "%,.1f MB", backup.size() / (1024.0 * 1024));
        return new Row(backup.name(), size, time.format(backup.takenAt()));
    }
}
