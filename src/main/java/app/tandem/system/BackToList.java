package app.tandem.system;

/**
 * Where a button on a filtered list sends the person after it acted: back to that list with its filter and page,
 * as the form's hidden {@code back} field says, but to nothing other than the list itself.
 */
public final class BackToList {

    private BackToList() {
    }

    /** @return a "redirect:" view name: {@code back} when it is the list's own address, the list otherwise */
    public static String redirect(String list, String back) {
        boolean ours = back != null && (back.equals(list) || back.startsWith(list + "?"));
        return "redirect:" + (ours ? back : list);
    }
}
