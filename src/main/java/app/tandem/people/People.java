package app.tandem.people;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.ChangeSource;
import app.tandem.directory.LiaisonLanguages;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffAccount;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.StaffGroups;
import app.tandem.directory.StaffMember;
import app.tandem.system.NotFound;
import app.tandem.security.OneTimeLinks;
import app.tandem.security.PasswordLinks;
import app.tandem.directory.Viewer;
import app.tandem.system.Messages;
import app.tandem.system.Paged;
import app.tandem.tasklist.ReturnedTasks;

/**
 * A district's people: who they are and their state, adding and inviting them, deactivating and reactivating.
 * Who may see and change whom is {@link StaffEditor}'s to decide; anyone else is answered "not found".
 */
@Service
public class People {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final StaffDirectory staff;
    private final PeopleSearch search;
    private final Schools schools;
    private final PasswordLinks passwordLinks;
    private final OneTimeLinks links;
    private final ReturnedTasks returnedTasks;
    private final Messages messages;
    private final ObjectProvider<LiaisonLanguages> liaisonLanguages;
    private final SecureRandom random = new SecureRandom();

    People(StaffDirectory staff, PeopleSearch search, Schools schools, PasswordLinks passwordLinks,
           OneTimeLinks links, ReturnedTasks returnedTasks, Messages messages,
           ObjectProvider<LiaisonLanguages> liaisonLanguages) {
        this.staff = staff;
        this.search = search;
        this.schools = schools;
        this.passwordLinks = passwordLinks;
        this.links = links;
        this.returnedTasks = returnedTasks;
        this.messages = messages;
        this.liaisonLanguages = liaisonLanguages;
    }

    /**
     * One page of the people the viewer may see, as the query filters them: managers see their district's people,
     * operators everyone, coordinators the people at their schools. A fixed number of queries, whatever the page.
     */
    public Paged<Person> search(Viewer viewer, PeopleQuery query) {
        Paged<StaffMember> found;
        if (viewer.operator()) {
            found = search.find(null, null, query);
        } else {
            StaffEditor editor = editorOf(viewer, viewer.districtId());
            found = search.find(editor.districtId(), editor.manager() ? null : editor.schoolIds(), query);
        }
        List<String> usernames = found.rows().stream().map(StaffMember::username).toList();
        Map<String, Set<String>> groups = staff.groupsOf(usernames);
        Map<String, Set<Long>> schoolIds = staff.schoolsOf(usernames);
        Set<String> deactivated = staff.deactivated(usernames);
        Map<String, Instant> invitations = links.openInvitations(usernames);
        Map<Long, String> schoolNames = schools.namesOf(schoolIds.values().stream().flatMap(Set::stream)
                .collect(Collectors.toSet()));
        return found.map(member -> {
            Set<String> theirGroups = groups.getOrDefault(member.username(), Set.of());
            Set<Long> theirSchools = schoolIds.getOrDefault(member.username(), Set.of());
            StaffAccount account = new StaffAccount(member.username(), member.districtId(), member.fullName(),
                    member.email(), member.preferredLanguage(), theirGroups, theirSchools);
            Instant invitation = invitations.get(member.username());
            Person.Status status = deactivated.contains(member.username()) ? Person.Status.DEACTIVATED
                    : invitation != null ? Person.Status.INVITED : Person.Status.ACTIVE;
            return new Person(member, theirGroups,
                    theirSchools.stream().map(id -> schoolNames.getOrDefault(id, "")).sorted().toList(), status,
                    Instant.MAX.equals(invitation) ? null : invitation,
                    editorOf(viewer, member.districtId()).mayChange(account)
                            && !member.username().equals(viewer.username()));
        });
    }

    /**
     * The groups of the viewer's district: the roles' groups and the liaisons' group of each language its families
     * read (every district's for an operator on none).
     */
    public List<String> groups(Viewer viewer) {
        List<String> groups = new ArrayList<>(Arrays.stream(Role.values()).map(Role::groupId).toList());
        liaisonLanguages.getIfAvailable(() -> LiaisonLanguages.NONE).of(viewer.districtId()).stream()
                .map(language -> Role.LIAISON.groupId() + "-" + language)
                .filter(StaffGroups::isLanguageGroup)
                .forEach(groups::add);
        return groups;
    }

    /** Of these groups (see {@link #groups}), those the viewer may put a new person in, as StaffEditor allows. */
    public List<String> grantable(Viewer viewer, List<String> groups) {
        if (viewer.operator()) {
            return groups;
        }
        StaffEditor editor = editorOf(viewer, viewer.districtId());
        return groups.stream().filter(editor::mayGrant).toList();
    }

    /** The schools the viewer may place a new person at. */
    public List<School> schoolsFor(Viewer viewer) {
        if (viewer.districtId() == null) {
            return viewer.operator() ? schools.all() : List.of();
        }
        StaffEditor editor = editorOf(viewer, viewer.districtId());
        return schools.inDistrict(editor.districtId()).stream().filter(school -> editor.mayWorkAt(school.id()))
                .toList();
    }

    /**
     * Adds the person with a password nobody knows, logs it, and mails them an invitation to choose their own.
     *
     * @throws app.tandem.system.InvalidInputException naming the first field that is wrong; nothing is written
     */
    @Transactional
    public StaffMember add(Viewer viewer, NewPerson person) {
        String username = person.username() == null ? "" : person.username().strip().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            throw messages.invalid("username", "invalid.username");
        }
        if (staff.usernameTaken(username)) {
            throw messages.invalid("username", "invalid.usernameTaken", username);
        }
        if (person.fullName() == null || person.fullName().isBlank()) {
            throw messages.invalid("fullName", "invalid.required");
        }
        String email = person.email() == null ? "" : person.email().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw messages.invalid("email", "invalid.emailAddress", email);
        }
        if (staff.usernameByEmail(email).isPresent()) {
            throw messages.invalid("email", "invalid.emailTaken", email);
        }
        if (person.language() == null || !LANGUAGE.matcher(person.language()).matches()) {
            throw messages.invalid("language", "invalid.required");
        }
        Long districtId = districtOf(viewer, person.schoolIds());
        StaffEditor editor = editorOf(viewer, districtId);
        for (String group : person.groups()) {
            if (!StaffGroups.isKnown(group) || !editor.mayGrant(group)) {
                throw messages.invalid("groups", "invalid.mayNotGrant", group);
            }
        }
        if (person.groups().isEmpty()) {
            throw messages.invalid("groups", "invalid.required");
        }
        for (Long schoolId : person.schoolIds()) {
            Optional<School> school = schools.byId(schoolId);
            if (school.isEmpty() || school.get().districtId() != districtId || !editor.mayWorkAt(schoolId)) {
                throw messages.invalid("schools", "invalid.unknownSchool", schoolId);
            }
        }
        if (!editor.manager() && person.schoolIds().isEmpty()) {
            throw messages.invalid("schools", "invalid.required");
        }
        StaffMember member = new StaffMember(username, districtId, person.fullName().strip(), email,
                person.language());
        staff.addToGroups(member, unusablePassword(), person.groups(), person.schoolIds(), viewer.username(),
                ChangeSource.PAGE);
        passwordLinks.invite(username, viewer.username(), ChangeSource.PAGE);
        return member;
    }

    @Transactional
    public StaffMember resendInvitation(Viewer viewer, String username) {
        StaffMember member = changeable(viewer, username);
        passwordLinks.invite(username, viewer.username(), ChangeSource.PAGE);
        return member;
    }

    @Transactional
    public StaffMember revokeInvitation(Viewer viewer, String username) {
        StaffMember member = changeable(viewer, username);
        passwordLinks.revokeInvitation(username, viewer.username(), ChangeSource.PAGE);
        return member;
    }

    /**
     * Refuses sign-in from now on (open sessions end at their next request), voids the person's password links, and
     * gives their claimed tasks back to the tasks' groups with a comment.
     *
     * @return how many tasks went back
     */
    @Transactional
    public int deactivate(Viewer viewer, String username) {
        StaffMember member = changeable(viewer, username);
        staff.changeActive(username, false, viewer.username(), ChangeSource.PAGE);
        passwordLinks.revokeAll(username);
        return returnedTasks.returnToGroups(username, viewer.username(),
                messages.text("people.deactivated.taskComment", member.fullName()));
    }

    @Transactional
    public StaffMember reactivate(Viewer viewer, String username) {
        StaffMember member = changeable(viewer, username);
        staff.changeActive(username, true, viewer.username(), ChangeSource.PAGE);
        return member;
    }

    /** A person the viewer may change, and not the viewer themselves; anyone else is "not found". */
    private StaffMember changeable(Viewer viewer, String username) {
        StaffAccount account = staff.account(username).orElseThrow(NotFound::answer);
        StaffMember member = staff.byUsername(username).orElseThrow(NotFound::answer);
        if (username.equals(viewer.username()) || !editorOf(viewer, account.districtId()).mayChange(account)) {
            throw NotFound.answer();
        }
        return member;
    }

    /**
     * The viewer as an editor of a district's staff. An operator works in the district of the person they change,
     * whether or not they are on a district's staff.
     */
    private static StaffEditor editorOf(Viewer viewer, Long districtId) {
        if (viewer.operator() && districtId != null) {
            return new StaffEditor(viewer.username(), districtId, viewer.groups(), Set.of());
        }
        StaffEditor editor = viewer.editor();
        if (!editor.editsStaff()) {
            throw NotFound.answer();
        }
        return editor;
    }

    /** A new person's district: the viewer's, or for an operator on no staff, that of the schools chosen. */
    private Long districtOf(Viewer viewer, Collection<Long> schoolIds) {
        if (viewer.districtId() != null) {
            return viewer.districtId();
        }
        if (!viewer.operator()) {
            throw NotFound.answer();
        }
        return schoolIds.stream().findFirst().flatMap(schools::byId).map(School::districtId)
                .orElseThrow(() -> messages.invalid("schools", "invalid.required"));
    }

    /** A password nobody knows, not even Tandem: the person chooses their own through the invitation. */
    private String unusablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
