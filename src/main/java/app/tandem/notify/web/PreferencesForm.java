package app.tandem.notify.web;

/** The preferences form as submitted: names of Delivery values and a language tag. */
record PreferencesForm(String assigned, String offered, String language) {
}
