package app.tandem.program;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.TermRow;
import app.tandem.directory.TermStatus;
import app.tandem.directory.Terms;
import app.tandem.system.DistrictClock;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * Starts the program of every planned term of a district, in the background, one term at a time
 * through {@link SchoolProgramLauncher}. Each start claims its term in the database first, so two
 * bulk starts at once (on one node or two) start each program once; a term that already has one is
 * reported as already running. Jobs live in this node's memory: the progress page needs sticky sessions.
 */
@Service
public class ProgramStarts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProgramStarts.class);
    private static final int KEPT = 50;

    private final Terms terms;
    private final SchoolProgramLauncher launcher;
    private final DistrictClock clock;
    private final Messages messages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "program-starts");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, StartJob> jobs = new LinkedHashMap<>();

    ProgramStarts(Terms terms, SchoolProgramLauncher launcher, DistrictClock clock, Messages messages) {
        this.terms = terms;
        this.launcher = launcher;
        this.clock = clock;
        this.messages = messages;
    }

    /** @param districtId the district whose planned terms start; null for every district (an operator) */
    public StartJob begin(Long districtId, String username, Locale locale) {
        StartJob job = register(username);
        worker.execute(() -> run(job, districtId, locale));
        return job;
    }

    /** Runs a whole bulk start in the caller's thread. */
    public StartJob startAll(Long districtId, String username, Locale locale) {
        StartJob job = register(username);
        run(job, districtId, locale);
        return job;
    }

    /** The job, to the person who started it only. */
    public Optional<StartJob> find(String id, String username) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner().equals(username));
        }
    }

    private StartJob register(String username) {
        StartJob job = new StartJob(UUID.randomUUID().toString(), username);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        return job;
    }

    private void run(StartJob job, Long districtId, Locale locale) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            List<TermRow> candidates = terms.listing(districtId).stream().filter(this::concerned).toList();
            job.plan(candidates.size());
            candidates.forEach(row -> job.add(start(row, job.owner())));
            job.finish();
        } catch (RuntimeException e) {
            log.error("Bulk program start {} failed: {}", job.id(), e.getClass().getName());
            job.fail();
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    /** Planned and running terms; cancelled ones not yet over, to say they will not start. */
    private boolean concerned(TermRow row) {
        return switch (row.status()) {
            case PLANNED, RUNNING -> true;
            case CANCELLED -> !row.term().endsOn().isBefore(clock.today());
            case ENDED -> false;
        };
    }

    private StartJob.Result start(TermRow row, String username) {
        long termId = row.term().id();
        if (row.status() == TermStatus.RUNNING) {
            return result(row, StartJob.Outcome.ALREADY_RUNNING, null);
        }
        try {
            launcher.start(termId, username, ChangeSource.PAGE);
            return result(row, StartJob.Outcome.STARTED, null);
        } catch (RuntimeException refused) {
            if (terms.cancellation(termId).isEmpty() && terms.programOf(termId).isPresent()) {
                return result(row, StartJob.Outcome.ALREADY_RUNNING, null);
            }
            if (refused instanceof InvalidInputException invalid) {
                return result(row, StartJob.Outcome.NOT_STARTED, invalid.getMessage());
            }
            log.error("Starting the program of term {} failed: {}", termId, refused.getClass().getName());
            return result(row, StartJob.Outcome.NOT_STARTED, messages.text("terms.start.error"));
        }
    }

    private static StartJob.Result result(TermRow row, StartJob.Outcome outcome, String reason) {
        return new StartJob.Result(row.term().id(), row.schoolName(), row.term().name(), outcome, reason);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
