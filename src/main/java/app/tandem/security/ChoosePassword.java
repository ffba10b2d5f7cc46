package app.tandem.security;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.directory.StaffDirectory;

/** Choosing a password through an invitation or reset link: the link is checked, used up, and the password set. */
@Service
public class ChoosePassword {

    /** The link does not work (any more): tampered, used, revoked or expired, or its person deactivated. */
    public static class LinkNotValid extends RuntimeException {
        LinkNotValid() {
            super(null, null, false, false);
        }
    }

    private final OneTimeLinks links;
    private final NewPassword passwords;
    private final StaffDirectory staff;

    ChoosePassword(OneTimeLinks links, NewPassword passwords, StaffDirectory staff) {
        this.links = links;
        this.passwords = passwords;
        this.staff = staff;
    }

    public Optional<OneTimeLink> open(String secret) {
        return links.find(secret).filter(link -> staff.isActive(link.username()));
    }

    /**
     * @return the username whose password it now is
     * @throws LinkNotValid when the link does not work, checked before and after the password's rules
     */
    @Transactional
    public String choose(String secret, String password, String repeated) {
        OneTimeLink link = open(secret).orElseThrow(LinkNotValid::new);
        passwords.check(link.username(), password, repeated);
        if (!links.use(link)) {
            throw new LinkNotValid();
        }
        passwords.store(link.username(), password);
        // A new password voids any other way to choose one.
        for (LinkPurpose purpose : LinkPurpose.values()) {
            links.revoke(link.username(), purpose);
        }
        return link.username();
    }
}
