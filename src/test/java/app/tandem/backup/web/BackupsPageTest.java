package app.tandem.backup.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.TandemTest;

/**
 * /admin/backups on a database Tandem does not back up itself (the suite's in-memory H2, as PostgreSQL would be):
 * operators are told to use the database's own tools, and nobody else learns the page exists.
 * {@code BackupRestoreTest} uses the page on an H2 file.
 */
@TandemTest
class BackupsPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldSendOperatorsToTheDatabasesOwnToolsWhenItIsNotTheEmbeddedFile() throws Exception {
        mvc.perform(get("/admin/backups").with(operator()))
                .andExpect(status().isOk())
                // The suite runs on in-memory H2, or on PostgreSQL in CI: neither is the embedded file.
                .andExpect(content().string(containsString("Tandem backs up its embedded database only, and this one is "
                        + "jdbc:")))
                .andExpect(content().string(containsString("pg_dump")))
                .andExpect(content().string(not(containsString("Take a backup now"))));
        mvc.perform(post("/admin/backups").with(operator()).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswerNotFoundToAnyoneButOperators() throws Exception {
        for (String group : new String[] {"managers", "coordinators", "teachers"}) {
            RequestPostProcessor someone = user("someone-" + group).roles(group);
            mvc.perform(get("/admin/backups").with(someone)).andExpect(status().isNotFound());
            mvc.perform(post("/admin/backups").with(someone).with(csrf())).andExpect(status().isNotFound());
        }
    }

    private static RequestPostProcessor operator() {
        return user("an-operator").roles("camunda-admin");
    }
}
