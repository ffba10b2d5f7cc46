package app.tandem.family;

/** The names the caregiver-update and caregiver-onboarding models, their part in school-program, and the Java code share. */
public final class CaregiverProcesses {

    public static final String UPDATE_PROCESS_KEY = "caregiver-update";
    public static final String ONBOARDING_PROCESS_KEY = "caregiver-onboarding";
    /** A message whose email was withheld because the address unsubscribed: a call or a note home instead. */
    public static final String REACH_INSTEAD_PROCESS_KEY = "reach-caregiver-instead";

    /** In school-program. */
    public static final String INTRODUCE_PROGRAM_TO_CAREGIVERS = "introduceProgramToCaregivers";
    public static final String CAREGIVER_UPDATES_DUE = "caregiverUpdatesDue";
    public static final String START_CAREGIVER_UPDATES = "startCaregiverUpdates";

    /** In caregiver-update. */
    public static final String FIND_WHO_MAY_HEAR = "findWhoMayHear";
    public static final String NOBODY_TO_TELL = "nobodyToTell";
    public static final String DRAFT_UPDATE = "draftUpdate";
    public static final String REVIEW_UPDATE = "reviewUpdate";
    public static final String TRANSLATE_UPDATE = "translateUpdate";
    public static final String REACH_EACH_CAREGIVER = "reachEachCaregiver";
    public static final String UPDATE_SHARED = "updateShared";

    /** In caregiver-onboarding. */
    public static final String FIND_CHILDREN_TO_INTRODUCE = "findChildrenToIntroduce";
    public static final String NOT_CONTACTED = "notContacted";
    public static final String TRANSLATE_INTRODUCTION = "translateIntroduction";

    /** Reaching one caregiver: the same part in both models. */
    public static final String CHOOSE_HOW_TO_REACH = "chooseHowToReach";
    public static final String FIX_CAREGIVER_CONTACT = "fixCaregiverContact";
    public static final String SEND_EMAIL = "sendEmail";
    public static final String EMAIL_QUEUED = "emailQueued";
    public static final String CALL_CAREGIVER = "callCaregiver";
    public static final String CALL_MADE = "callMade";
    public static final String SEND_NOTE_HOME = "sendNoteHome";
    public static final String NOTE_SENT = "noteSent";
    public static final String CAREGIVER_NOT_REACHED = "caregiverNotReached";

    /** Process variables: ids, counts and booleans only. */
    public static final class Var {
        public static final String STUDENT_ID = "studentId";
        public static final String CAREGIVER_ID = "caregiverId";
        public static final String CYCLE = "cycle";
        public static final String UPDATE_ID = "updateId";
        public static final String RECIPIENT_COUNT = "recipientCount";
        public static final String TEACHER_REVIEW = "teacherReview";
        public static final String TRANSLATION_ID = "translationId";
        public static final String TRANSLATION_NEEDED = "translationNeeded";
        public static final String FAMILY_MESSAGE_ID = "familyMessageId";
        public static final String MAY_CONTACT = "mayContact";
        public static final String ROUTE = "route";
        public static final String WRONG_NUMBER = "wrongNumber";
        public static final String CANNOT_REACH = "cannotReach";
        /** In caregiver-onboarding: the child enrolled after the program's introductions went out. */
        public static final String LATE = "lateIntroduction";
        /** In school-program: how many update weeks of the term have begun. */
        public static final String UPDATE_WEEK = "caregiverUpdateWeek";

        private Var() {
        }
    }

    /** The values of {@link Var#ROUTE}: a channel, or the contact details need fixing first. */
    public static final String ROUTE_FIX_CONTACT = "FIX_CONTACT";

    private CaregiverProcesses() {
    }

    public static String updateBusinessKey(long studentId, long termId, int cycle) {
        return studentId + "/" + termId + "/" + cycle;
    }

    public static String onboardingBusinessKey(long caregiverId, long termId) {
        return caregiverId + "/" + termId;
    }
}
