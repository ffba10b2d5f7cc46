package app.tandem.family.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs roster imports, and the other file imports of the family work ({@link #start(String, Work)}), one at a time in
 * the background, so a large file does not hold a request
 * open, and keeps the latest ones for their progress pages. Jobs live in this node's memory: behind a
 * load balancer, the progress page needs sticky sessions.
 */
@Service
public class RosterImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    private static final int KEPT = 50;

    private final RosterImporter importer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "roster-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    RosterImports(RosterImporter importer) {
        this.importer = importer;
    }

    /** One import of a file: checks it all, then writes it all or nothing, telling how far it has come. */
    public interface Work {
        RosterImporter.Result run(RosterImporter.Progress progress) throws IOException;
    }

    public ImportJob start(byte[] file, RosterScope scope) {
        return start(scope.username(), progress -> {
            try (Reader reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
                return importer.importRoster(reader, scope, progress);
            }
        });
    }

    public ImportJob start(String owner, Work work) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), owner);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        worker.execute(() -> run(job, work));
        return job;
    }

    /** The job, to the person who started it only. */
    public Optional<ImportJob> find(String id, String username) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner().equals(username));
        }
    }

    private void run(ImportJob job, Work work) {
        try {
            job.finish(work.run(job::at));
        } catch (Exception e) {
            // The cause can quote the file's data; the log names the job only.
            log.error("Import {} failed: {}", job.id(), e.getClass().getName());
            job.fail();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
