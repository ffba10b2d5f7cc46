package app.tandem.family.roster;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import app.tandem.directory.Codes;
import app.tandem.directory.Role;
import app.tandem.directory.StaffAccount;
import app.tandem.directory.StaffGroups;
import app.tandem.directory.Term;
import app.tandem.directory.TermPlan;
import app.tandem.directory.Terms;
import app.tandem.family.Channel;
import app.tandem.family.ContactDetails;
import app.tandem.family.FamilyLanguages;
import app.tandem.family.roster.RosterRows.CaregiverRow;
import app.tandem.family.roster.RosterRows.SchoolRow;
import app.tandem.family.roster.RosterRows.StaffRow;
import app.tandem.family.roster.RosterRows.StudentRow;
import app.tandem.family.roster.RosterRows.TermPlanRow;
import app.tandem.system.InvalidInputException;
import app.tandem.system.Messages;

/**
 * Reads and checks a whole roster file before anything is written: every problem is listed with its
 * row, column and reason. Schools and students named by other rows may come later in the file or be
 * in Tandem already.
 */
final class RosterCheck {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    final List<SchoolRow> schools = new ArrayList<>();
    final List<TermPlanRow> terms = new ArrayList<>();
    final List<StaffRow> staff = new ArrayList<>();
    final List<StudentRow> students = new ArrayList<>();
    final List<CaregiverRow> caregivers = new ArrayList<>();
    int rows;

    /** The staff rows of the file, each with the codes of the schools where it makes them a teacher. */
    private final Map<String, Set<String>> teachersInFile = new HashMap<>();

    private final RosterScope scope;
    private final Map<String, Long> knownSchools;
    private final Set<String> schoolsOfOtherDistricts;
    private final Map<String, Long> knownStudentSchools;
    private final Function<String, Optional<StaffAccount>> accounts;
    private final LocalDate today;
    private final CsvSheet sheet;
    private final Terms termRules;
    private final Map<String, String> schoolNames;

    /**
     * @param knownSchools        the district's school codes and ids
     * @param otherDistricts      school codes already used by other districts
     * @param knownStudentSchools the district's student numbers and their school ids
     * @param accounts            the account a username already has, if any
     * @param termRules           the rules a term planned on the terms page follows
     * @param schoolNames         the district's school codes and names
     */
    RosterCheck(RosterScope scope, Messages messages, Map<String, Long> knownSchools, Set<String> otherDistricts,
                Map<String, Long> knownStudentSchools, Function<String, Optional<StaffAccount>> accounts,
                LocalDate today, Terms termRules, Map<String, String> schoolNames) {
        this.termRules = termRules;
        this.schoolNames = schoolNames;
        this.scope = scope;
        this.accounts = accounts;
        this.knownSchools = knownSchools;
        this.schoolsOfOtherDistricts = otherDistricts;
        this.knownStudentSchools = knownStudentSchools;
        this.today = today;
        this.sheet = new CsvSheet(messages, scope.locale());
    }

    void read(Reader reader) throws IOException {
        List<SheetRow> records = sheet.read(reader, RosterColumns.REQUIRED, RosterColumns.ALL, RosterColumns.RECORD);
        rows = records.size();
        if (sheet.clean()) {
            check(records);
        }
    }

    List<RosterError> errors() {
        return sheet.errors();
    }

    private void check(List<SheetRow> records) {
        Set<String> schoolsInFile = new HashSet<>();
        Set<String> studentsInFile = new HashSet<>();
        teachersInFile.clear();
        for (SheetRow values : records) {
            if ("staff".equals(lower(values.get(RosterColumns.RECORD))) && values.get(RosterColumns.ID) != null) {
                Set<String> schools = teachersInFile.computeIfAbsent(values.get(RosterColumns.ID), k -> new HashSet<>());
                String roles = values.get(RosterColumns.ROLES);
                if (roles != null && values.get(RosterColumns.SCHOOL) != null
                        && splitLower(roles).contains(Role.TEACHER.groupId())) {
                    schools.addAll(splitLower(values.get(RosterColumns.SCHOOL)));
                }
            }
            if ("school".equals(lower(values.get(RosterColumns.RECORD))) && values.get(RosterColumns.SCHOOL) != null) {
                schoolsInFile.add(values.get(RosterColumns.SCHOOL).toLowerCase(Locale.ROOT));
            }
            if ("student".equals(lower(values.get(RosterColumns.RECORD))) && values.get(RosterColumns.ID) != null) {
                studentsInFile.add(values.get(RosterColumns.ID));
            }
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> caregiverPeople = new HashMap<>();
        for (SheetRow row : records) {
            String record = lower(row.get(RosterColumns.RECORD));
            if (record == null || !RosterColumns.RECORDS.contains(record)) {
                row.error(RosterColumns.RECORD, "roster.error.record", String.valueOf(row.get(RosterColumns.RECORD)));
                continue;
            }
            if (!"school".equals(record)) {
                noTerm(row);
            }
            switch (record) {
                case "school" -> school(row, seen);
                case "staff" -> staff(row, seen, schoolsInFile);
                case "student" -> student(row, seen, schoolsInFile);
                default -> caregiver(row, seen, studentsInFile, caregiverPeople);
            }
        }
    }

    private void school(SheetRow row, Set<String> seen) {
        String code = lower(row.required(RosterColumns.SCHOOL));
        String name = row.required(RosterColumns.NAME);
        if (code == null) {
            return;
        }
        if (!Codes.usable(code)) {
            row.error(RosterColumns.SCHOOL, "roster.error.code", code);
        } else if (schoolsOfOtherDistricts.contains(code)) {
            row.error(RosterColumns.SCHOOL, "roster.error.schoolOfOtherDistrict", code);
        } else if (!seen.add("school:" + code)) {
            row.error(RosterColumns.SCHOOL, "roster.error.duplicate", code);
        } else if (!scope.manager()) {
            // A coordinator's file may name their own schools as they are (the template does): that changes nothing.
            Long known = knownSchools.get(code);
            boolean asItIs = known != null && name != null && name.equals(schoolNames.get(code))
                    && scope.mayChange(known);
            if (asItIs) {
                schools.add(new SchoolRow(row.number(), code, name));
            } else {
                row.error(RosterColumns.RECORD, "roster.error.schoolsByManagers");
            }
        } else if (name != null) {
            row.maxLength(RosterColumns.NAME, 200);
            schools.add(new SchoolRow(row.number(), code, name));
        }
        term(row, code);
    }

    /**
     * The term a school row plans, checked by the rules of the terms page: against the school's other terms when
     * it is in Tandem already. A term of that name (or code) the school has already, with the same dates, is left
     * as it is; other dates are refused, since moving a term moves its program's timers: that is the terms page's.
     */
    private void term(SheetRow row, String schoolCode) {
        if (!fillsTerm(row)) {
            return;
        }
        if (!scope.mayPlanTerms()) {
            row.error(RosterColumns.TERM, "roster.error.termsByManagers");
            return;
        }
        String name = row.required(RosterColumns.TERM);
        LocalDate startsOn = row.required(RosterColumns.TERM_STARTS_ON) == null ? null
                : row.date(RosterColumns.TERM_STARTS_ON);
        LocalDate endsOn = row.required(RosterColumns.TERM_ENDS_ON) == null ? null
                : row.date(RosterColumns.TERM_ENDS_ON);
        String cadence = row.get(RosterColumns.CHECK_IN_CADENCE);
        row.maxLength(RosterColumns.TERM, 200);
        if (!row.clean() || !Codes.usable(schoolCode)) {
            return;
        }
        String code = Codes.fromName(name);
        if (!Codes.usable(code)) {
            row.error(RosterColumns.TERM, "roster.error.termName", name);
            return;
        }
        Long schoolId = knownSchools.get(schoolCode);
        TermPlan plan = new TermPlan(schoolId == null ? 0 : schoolId, code, name, startsOn, endsOn, cadence);
        try {
            Optional<Term> same = schoolId == null ? Optional.empty() : termRules.ofSchool(schoolId).stream()
                    .filter(term -> term.code().equals(code) || term.name().equalsIgnoreCase(name))
                    .findFirst();
            if (same.isPresent()) {
                Term term = same.get();
                if (!term.startsOn().equals(startsOn) || !term.endsOn().equals(endsOn)
                        || cadence != null && !termRules.parseCadence(cadence).equals(term.checkInCadence())) {
                    row.error(RosterColumns.TERM, "roster.error.termPlannedOtherwise", term.name(), term.startsOn(),
                            term.endsOn(), term.checkInCadence());
                    return;
                }
                terms.add(new TermPlanRow(row.number(), schoolCode, term.code(), term.name(), startsOn, endsOn, cadence,
                        true));
                return;
            }
            if (schoolId == null) {
                termRules.validateShape(plan, scope.districtId());
            } else {
                termRules.validate(plan);
            }
        } catch (InvalidInputException refused) {
            row.refused(termColumn(refused.field()), refused.getMessage());
            return;
        }
        terms.add(new TermPlanRow(row.number(), schoolCode, code, name, startsOn, endsOn, cadence, false));
    }

    private static boolean fillsTerm(SheetRow row) {
        return RosterColumns.TERM_COLUMNS.stream().anyMatch(column -> row.get(column) != null);
    }

    /** The column of a term's field as the terms page names it. */
    private static String termColumn(String field) {
        return switch (field) {
            case "schoolId" -> RosterColumns.SCHOOL;
            case "startsOn" -> RosterColumns.TERM_STARTS_ON;
            case "endsOn" -> RosterColumns.TERM_ENDS_ON;
            case "checkInCadence" -> RosterColumns.CHECK_IN_CADENCE;
            default -> RosterColumns.TERM;
        };
    }

    /** Only a school row plans a term. */
    private void noTerm(SheetRow row) {
        RosterColumns.TERM_COLUMNS.stream().filter(column -> row.get(column) != null).findFirst()
                .ifPresent(column -> row.error(column, "roster.error.termOnSchoolRows"));
    }

    private void staff(SheetRow row, Set<String> seen, Set<String> schoolsInFile) {
        String username = row.required(RosterColumns.ID);
        String name = row.required(RosterColumns.NAME);
        String email = row.required(RosterColumns.EMAIL);
        String language = language(row, true);
        String roleList = row.required(RosterColumns.ROLES);
        String schoolList = row.required(RosterColumns.SCHOOL);
        if (username != null && !USERNAME.matcher(username).matches()) {
            row.error(RosterColumns.ID, "roster.error.username", username);
        } else if (username != null && !seen.add("staff:" + username)) {
            row.error(RosterColumns.ID, "roster.error.duplicate", username);
        }
        if (email != null && !ContactDetails.isEmail(email)) {
            row.error(RosterColumns.EMAIL, "roster.error.email", email);
        }
        // What the account holds already is no grant: an unchanged row of a colleague passes.
        Optional<StaffAccount> account = username == null || !USERNAME.matcher(username).matches() ? Optional.empty()
                : accounts.apply(username);
        Optional<StaffAccount> existing = account.filter(this::ofThisDistrict);
        Set<String> held = existing.map(StaffAccount::groups).orElse(Set.of());
        Set<Long> heldSchools = existing.map(StaffAccount::schoolIds).orElse(Set.of());
        Set<String> roles = new LinkedHashSet<>();
        if (roleList != null) {
            for (String role : roleList.split(";")) {
                String group = role.strip().toLowerCase(Locale.ROOT);
                if (group.isEmpty()) {
                    continue;
                }
                if (!StaffGroups.isKnown(group)) {
                    row.error(RosterColumns.ROLES, "roster.error.role", role.strip());
                } else if (!scope.editor().mayGrant(group) && !held.contains(group)) {
                    row.error(RosterColumns.ROLES, "roster.error.roleNotYours", group);
                } else {
                    roles.add(group);
                }
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        if (schoolList != null) {
            for (String code : schoolList.split(";")) {
                String wanted = code.strip().toLowerCase(Locale.ROOT);
                Long id = knownSchools.get(wanted);
                if (!wanted.isEmpty() && (id != null && heldSchools.contains(id)
                        || knownSchool(row, wanted, schoolsInFile))) {
                    codes.add(wanted);
                }
            }
        }
        row.maxLength(RosterColumns.NAME, 200);
        if (row.clean()) {
            StaffRow staffRow = new StaffRow(row.number(), username, name, email, language, roles, codes);
            if (mayWrite(row, staffRow, account)) {
                staff.add(staffRow);
            }
        }
    }

    /**
     * A row for an account that exists already changes it only where the importer may change that account: one
     * of another district, or with a group or a school beyond the importer's reach, is refused, even for an
     * email alone. A row that would change nothing passes, so a school's whole staff list can be re-imported.
     */
    private boolean mayWrite(SheetRow row, StaffRow staffRow, Optional<StaffAccount> existing) {
        if (existing.isEmpty()) {
            return true;
        }
        StaffAccount account = existing.get();
        if (!ofThisDistrict(account)) {
            row.error(RosterColumns.ID, "roster.error.accountOfOtherDistrict", staffRow.username());
            return false;
        }
        if (changes(account, staffRow) && !scope.editor().mayChange(account)) {
            row.error(RosterColumns.ID, "roster.error.accountNotYours", staffRow.username());
            return false;
        }
        if (account.username().equals(scope.username()) && scope.editor().operator()
                && !staffRow.roles().contains(Role.OPERATOR.groupId())) {
            row.error(RosterColumns.ROLES, "roster.error.ownOperatorRole");
            return false;
        }
        return true;
    }

    private boolean ofThisDistrict(StaffAccount account) {
        return account.districtId() == null || account.districtId() == scope.districtId();
    }

    private boolean changes(StaffAccount account, StaffRow row) {
        Set<Long> schoolIds = new HashSet<>();
        for (String code : row.schoolCodes()) {
            Long id = knownSchools.get(code);
            if (id == null) {
                return true;
            }
            schoolIds.add(id);
        }
        Set<String> groups = new HashSet<>(account.groups());
        groups.removeIf(group -> !StaffGroups.isKnown(group));
        return account.districtId() == null
                || !row.name().equals(account.fullName()) || !row.email().equals(account.email())
                || !row.language().equals(account.language())
                || !schoolIds.equals(account.schoolIds()) || !groups.equals(row.roles());
    }

    private void student(SheetRow row, Set<String> seen, Set<String> schoolsInFile) {
        String number = row.required(RosterColumns.ID);
        String code = lower(row.required(RosterColumns.SCHOOL));
        String name = row.required(RosterColumns.NAME);
        String gradeText = row.required(RosterColumns.GRADE);
        String sessionsText = row.required(RosterColumns.SESSIONS_PER_WEEK);
        if (number != null && !NUMBER.matcher(number).matches()) {
            row.error(RosterColumns.ID, "roster.error.number", number);
        } else if (number != null && !seen.add("student:" + number)) {
            row.error(RosterColumns.ID, "roster.error.duplicate", number);
        }
        if (code != null) {
            knownSchool(row, code, schoolsInFile);
        }
        Integer grade = null;
        if (gradeText != null) {
            grade = "k".equalsIgnoreCase(gradeText) ? Integer.valueOf(0) : SheetRow.wholeNumber(gradeText);
            if (grade == null || grade < 0 || grade > 12) {
                row.error(RosterColumns.GRADE, "roster.error.grade", gradeText);
            }
        }
        Integer sessions = sessionsText == null ? null : SheetRow.wholeNumber(sessionsText);
        if (sessionsText != null && (sessions == null || sessions < 1 || sessions > 10)) {
            row.error(RosterColumns.SESSIONS_PER_WEEK, "roster.error.sessions", sessionsText);
        }
        LocalDate birthDate = row.date(RosterColumns.BIRTH_DATE);
        if (birthDate != null && birthDate.isAfter(today)) {
            row.error(RosterColumns.BIRTH_DATE, "roster.error.future", birthDate);
        }
        row.maxLength(RosterColumns.NAME, 200);
        row.maxLength(RosterColumns.TUTORING_GROUP, 100);
        String teacher = row.get(RosterColumns.TEACHER);
        if (teacher != null && code != null) {
            teacherOfSchool(row, teacher, code);
        }
        if (row.clean()) {
            students.add(new StudentRow(row.number(), number, code, name, grade, birthDate,
                    row.get(RosterColumns.TUTORING_GROUP), sessions, teacher));
        }
    }

    /** A student's teacher is a teacher of the student's school: on the staff already, or made by this file. */
    private void teacherOfSchool(SheetRow row, String teacher, String code) {
        Set<String> inFile = teachersInFile.get(teacher);
        if (inFile != null) {
            if (!inFile.contains(code)) {
                row.error(RosterColumns.TEACHER, "roster.error.notTeacherOfSchool", teacher, code);
            }
            return;
        }
        Optional<StaffAccount> account = USERNAME.matcher(teacher).matches()
                ? accounts.apply(teacher).filter(this::ofThisDistrict) : Optional.empty();
        if (account.isEmpty()) {
            row.error(RosterColumns.TEACHER, "roster.error.unknownTeacher", teacher);
        } else if (!account.get().groups().contains(Role.TEACHER.groupId())
                || !account.get().schoolIds().contains(knownSchools.get(code))) {
            row.error(RosterColumns.TEACHER, "roster.error.notTeacherOfSchool", teacher, code);
        }
    }

    private static Set<String> splitLower(String list) {
        Set<String> parts = new HashSet<>();
        for (String part : list.split(";")) {
            if (!part.isBlank()) {
                parts.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return parts;
    }

    private void caregiver(SheetRow row, Set<String> seen, Set<String> studentsInFile, Map<String, String> people) {
        String number = row.required(RosterColumns.ID);
        String studentNumber = row.required(RosterColumns.STUDENT);
        String name = row.required(RosterColumns.NAME);
        String relationship = row.required(RosterColumns.RELATIONSHIP);
        String language = language(row, true);
        String email = row.get(RosterColumns.EMAIL);
        String phone = row.get(RosterColumns.PHONE);
        if (number != null && !NUMBER.matcher(number).matches()) {
            row.error(RosterColumns.ID, "roster.error.number", number);
        }
        if (studentNumber != null) {
            Long schoolId = knownStudentSchools.get(studentNumber);
            if (schoolId == null && !studentsInFile.contains(studentNumber)) {
                row.error(RosterColumns.STUDENT, "roster.error.unknownStudent", studentNumber);
            } else if (schoolId != null && !scope.mayChange(schoolId) && !studentsInFile.contains(studentNumber)) {
                row.error(RosterColumns.STUDENT, "roster.error.notYourStudent", studentNumber);
            }
        }
        if (number != null && studentNumber != null && !seen.add("caregiver:" + number + "/" + studentNumber)) {
            row.error(RosterColumns.ID, "roster.error.duplicateCaregiver", number, studentNumber);
        }
        if (email != null && !ContactDetails.isEmail(email)) {
            row.error(RosterColumns.EMAIL, "roster.error.email", email);
        }
        if (phone != null && !ContactDetails.isPhone(phone)) {
            row.error(RosterColumns.PHONE, "roster.error.phone", phone);
        }
        String channelText = row.required(RosterColumns.CHANNEL);
        Optional<Channel> channel = Channel.parse(channelText);
        if (channelText != null && channel.isEmpty()) {
            row.error(RosterColumns.CHANNEL, "roster.error.channel", channelText);
        } else if (channel.orElse(null) == Channel.EMAIL && email == null) {
            row.error(RosterColumns.EMAIL, "roster.error.emailForChannel");
        } else if (channel.orElse(null) == Channel.PHONE_CALL && phone == null) {
            row.error(RosterColumns.PHONE, "roster.error.phoneForChannel");
        }
        Boolean allowed = yesNo(row, RosterColumns.CONTACT_ALLOWED, true);
        String reason = row.get(RosterColumns.NO_CONTACT_REASON);
        if (Boolean.FALSE.equals(allowed) && reason == null) {
            row.error(RosterColumns.NO_CONTACT_REASON, "roster.error.reasonRequired");
        }
        Boolean consent = yesNo(row, RosterColumns.STUDENT_CONSENT, false);
        row.maxLength(RosterColumns.NAME, 200);
        row.maxLength(RosterColumns.RELATIONSHIP, 40);
        row.maxLength(RosterColumns.NO_CONTACT_REASON, 500);
        if (!row.clean()) {
            return;
        }
        CaregiverRow caregiver = new CaregiverRow(row.number(), number, studentNumber, name, email, phone, language,
                channel.orElseThrow(), relationship, allowed, Boolean.TRUE.equals(allowed) ? null : reason, consent);
        String before = people.putIfAbsent(number, caregiver.person());
        if (before != null && !before.equals(caregiver.person())) {
            row.error(RosterColumns.ID, "roster.error.caregiverDiffers", number);
            return;
        }
        caregivers.add(caregiver);
    }

    private boolean knownSchool(SheetRow row, String code, Set<String> schoolsInFile) {
        Long id = knownSchools.get(code);
        if (id == null && !schoolsInFile.contains(code)) {
            row.error(RosterColumns.SCHOOL, "roster.error.unknownSchool", code);
            return false;
        }
        if (id != null && !scope.mayChange(id)) {
            row.error(RosterColumns.SCHOOL, "roster.error.notYourSchool", code);
            return false;
        }
        return true;
    }

    private String language(SheetRow row, boolean required) {
        String text = required ? row.required(RosterColumns.LANGUAGE) : row.get(RosterColumns.LANGUAGE);
        if (text == null) {
            return null;
        }
        Optional<String> tag = FamilyLanguages.normalize(text);
        if (tag.isEmpty()) {
            row.error(RosterColumns.LANGUAGE, "roster.error.language", text);
            return null;
        }
        return tag.get();
    }

    private Boolean yesNo(SheetRow row, String column, boolean required) {
        String text = required ? row.required(column) : row.get(column);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> true;
            case "no", "n", "false" -> false;
            default -> {
                row.error(column, "roster.error.yesNo", text);
                yield null;
            }
        };
    }



    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

}
