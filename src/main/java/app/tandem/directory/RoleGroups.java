package app.tandem.directory;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.tandem.system.Messages;

/** Every start makes sure each role has its Camunda group, in every profile. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RoleGroups implements ApplicationRunner {

    private final IdentityService identity;
    private final Messages messages;

    RoleGroups(IdentityService identity, Messages messages) {
        this.identity = identity;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identity.newGroup(role.groupId());
                group.setName(messages.text(java.util.Locale.ENGLISH, role.messageKey()));
                group.setType(role == Role.OPERATOR ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
        }
    }
}
