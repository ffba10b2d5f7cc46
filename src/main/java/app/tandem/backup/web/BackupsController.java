package app.tandem.backup.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import app.tandem.system.Formats;

/** The embedded database's backups, for operators: the list, and one taken now. Anyone else gets a 404. */
@Controller
class BackupsController {

    private static final Logger log = LoggerFactory.getLogger(BackupsController.class);

    private final Backups backups;
    private final Messages messages;
    private final Formats formats;

    BackupsController(Backups backups, Messages messages, Formats formats) {
        this.backups = backups;
        this.messages = messages;
        this.formats = formats;
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
        return new Row(backup.name(), formats.size(backup.size()), formats.moment(backup.takenAt()));
    }
}
