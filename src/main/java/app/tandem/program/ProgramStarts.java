package app.tandem.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import app.tandem.directory.DistrictSettings;
import app.tandem.directory.ProgramYear;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.TermRow;
import app.tandem.directory.TermStatus;
import app.tandem.directory.Terms;
import app.tandem.system.DistrictClock;
import app.tandem.system.InBatches;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * Starts the program of every planned term of one district's program year, in the background, through
 * {@link SchoolProgramLauncher}, {@value #PER_TRANSACTION} terms to a transaction ({@link InBatches}). Each start claims its term in the database first, so two
 * bulk starts at once (on one node or two) start each program once; a term that already has one is
 * reported as already running. Progress is written to the database as it goes, so any node shows it.
 */
@Service
public class ProgramStarts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProgramStarts.class);
    /** How often a running job writes its progress, which also says it is alive (well inside {@link StartJob#SILENCE}). */
    private static final long WRITE_EVERY = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);
    /** Terms started in one transaction; a batch that fails is retried term by term. */
    static final int PER_TRANSACTION = 50;

    private final Terms terms;
    private final SchoolProgramLauncher launcher;
    private final StartJobs jobs;
    private final DistrictSettings settings;
    private final DistrictClock clock;
    private final Messages messages;
    private final InBatches batches;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "program-starts");
        thread.setDaemon(true);
        return thread;
    });

    ProgramStarts(Terms terms, SchoolProgramLauncher launcher, StartJobs jobs, DistrictSettings settings,
                  DistrictClock clock, Messages messages, InBatches batches) {
        this.batches = batches;
        this.terms = terms;
        this.launcher = launcher;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * The program years that have planned terms in the district, the current one first; empty when the
     * district has not set its program year (then a bulk start takes every planned term).
     */
    public List<ProgramYear> yearsWithPlannedTerms(long districtId) {
        Optional<ProgramYear> current = settings.programYear(districtId).map(y -> y.containing(clock.today()));
        if (current.isEmpty()) {
            return List.of();
        }
        List<ProgramYear> years = new ArrayList<>(List.of(current.get()));
        terms.listing(districtId).stream()
                .filter(row -> row.status() == TermStatus.PLANNED)
                .map(row -> current.get().containing(row.term().startsOn()))
                .filter(year -> years.stream().noneMatch(y -> y.name().equals(year.name())))
                .forEach(years::add);
        years.subList(1, years.size()).sort(java.util.Comparator.comparing(ProgramYear::startsOn));
        return years;
    }

    /**
     * Starts a job in the background and returns at once.
     *
     * @param programYear the year whose terms start, by name such as 2026-27; null or blank for every planned term
     */
    public String begin(long districtId, String programYear, String username, Locale locale) {
        Plan plan = plan(districtId, programYear, username);
        worker.execute(() -> run(plan, locale));
        return plan.id();
    }

    /** Runs a whole bulk start in the caller's thread. */
    public StartJob startAll(long districtId, String programYear, String username, Locale locale) {
        Plan plan = plan(districtId, programYear, username);
        run(plan, locale);
        return find(plan.id(), username).orElseThrow();
    }

    /** The job, to the person who started it only. */
    public Optional<StartJob> find(String id, String username) {
        return jobs.find(id, username);
    }

    private record Plan(String id, String owner, List<TermRow> candidates) {
    }

    private Plan plan(long districtId, String programYear, String username) {
        Optional<ProgramYear> year = year(districtId, programYear);
        List<TermRow> candidates = terms.listing(districtId).stream()
                .filter(this::concerned)
                .filter(row -> year.map(y -> y.contains(row.term().startsOn())).orElse(true))
                .toList();
        String id = UUID.randomUUID().toString();
        jobs.create(id, districtId, year.map(ProgramYear::name).orElse(null), username, candidates.size());
        return new Plan(id, username, candidates);
    }

    private Optional<ProgramYear> year(long districtId, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        // The district's own year, shifted to the one named: 2027-28 is next year's.
        Optional<ProgramYear> named = settings.programYear(districtId).flatMap(year -> {
            String wanted = name.strip();
            if (!wanted.matches("\\d{4}-\\d{2}")) {
                return Optional.empty();
            }
            ProgramYear shifted = year.shiftedBy(Integer.parseInt(wanted.substring(0, 4))
                    - Integer.parseInt(year.name().substring(0, 4)));
            return shifted.name().equals(wanted) ? Optional.of(shifted) : Optional.empty();
        });
        return Optional.of(named.orElseThrow(() -> messages.invalid("programYear", "invalid.programYear", name)));
    }

    private void run(Plan plan, Locale locale) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        int[] written = {0};
        long[] lastWrite = {System.nanoTime()};
        List<StartJob.Result> pending = new ArrayList<>();
        try {
            String model = launcher.latestModel();
            batches.run(plan.candidates(), PER_TRANSACTION, row -> start(row, plan.owner(), model), this::refused,
                    done -> {
                pending.addAll(done);
                if (System.nanoTime() - lastWrite[0] > WRITE_EVERY) {
                    jobs.add(plan.id(), written[0], pending);
                    written[0] += pending.size();
                    pending.clear();
                    lastWrite[0] = System.nanoTime();
                }
            });
            jobs.add(plan.id(), written[0], pending);
            jobs.finish(plan.id(), false);
        } catch (RuntimeException e) {
            log.error("Bulk program start {} failed: {}", plan.id(), e.getClass().getName());
            jobs.add(plan.id(), written[0], pending);
            jobs.finish(plan.id(), true);
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

    /** One term's start inside its batch's transaction; throws when the term cannot start, and the batch is retried term by term. */
    private StartJob.Result start(TermRow row, String username, String model) {
        if (row.status() == TermStatus.RUNNING) {
            return result(row, StartJob.Outcome.ALREADY_RUNNING, null);
        }
        launcher.start(row.term().id(), username, ChangeSource.PAGE, model);
        return result(row, StartJob.Outcome.STARTED, null);
    }

    /** Why a term tried alone did not start: it already runs (another job started it), or the launcher's reason. */
    private StartJob.Result refused(TermRow row, RuntimeException refused) {
        long termId = row.term().id();
        if (terms.cancellation(termId).isEmpty() && terms.programOf(termId).isPresent()) {
            return result(row, StartJob.Outcome.ALREADY_RUNNING, null);
        }
        if (refused instanceof InvalidInputException invalid) {
            return result(row, StartJob.Outcome.NOT_STARTED, invalid.getMessage());
        }
        log.error("Starting the program of term {} failed: {}", termId, refused.getClass().getName());
        return result(row, StartJob.Outcome.NOT_STARTED, messages.text("terms.start.error"));
    }

    private static StartJob.Result result(TermRow row, StartJob.Outcome outcome, String reason) {
        return new StartJob.Result(row.term().id(), row.schoolName(), row.term().name(), outcome, reason);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
