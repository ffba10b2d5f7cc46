package app.tandem.tasklist;

import static app.tandem.tasklist.TaskAccessTest.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.tandem.TandemTest;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.program.ProgramFixture;

/**
 * A Camunda Form with every component the tasklist renders, deployed with its own process, so the
 * form comes from the deployment as it does in production, and no listener takes its values away.
 */
@TandemTest
class EveryComponentFormTest {

    private static final String PROCESS = "tasklist-every-component";
    private static final String FORM = """
            {"id": "every-component", "type": "default", "components": [
              {"type": "text", "id": "intro", "text": "#### Every component\\nA paragraph.\\n- one item\\n\\nSee **Campaign → Plan**, *then* the [guide](https://example.org/help) <b>as text</b>."},
              {"type": "textfield", "key": "title", "label": "Title", "validate": {"required": true, "maxLength": 80},
               "description": "A short title."},
              {"type": "textarea", "key": "story", "label": "Story"},
              {"type": "number", "key": "count", "label": "Count", "decimalDigits": 0, "validate": {"min": 1}},
              {"type": "checkbox", "key": "confirmed", "label": "Confirmed"},
              {"type": "checklist", "key": "who", "label": "Who", "valuesKey": "schoolStaffOptions"},
              {"type": "radio", "key": "channel", "label": "Channel",
               "values": [{"label": "Email", "value": "email"}, {"label": "Phone", "value": "phone"}]},
              {"type": "select", "key": "size", "label": "Size",
               "values": [{"label": "Small", "value": "s"}, {"label": "Large", "value": "l"}]},
              {"type": "separator", "id": "line"},
              {"type": "datetime", "subtype": "date", "key": "on", "dateLabel": "On"}
            ]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProgramFixture programs;
    @Autowired
    TasklistFixture fixture;
    @Autowired
    JdbcClient jdbc;

    School school;
    String coordinator;
    Task task;

    @BeforeEach
    void aTaskWithTheForm() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("Every component")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("fillEverything").name("Fill in everything").camundaCandidateGroups("coordinators")
                    .camundaFormRef("every-component").camundaFormRefBinding("deployment")
                    .userTask("afterwards").name("Afterwards").camundaCandidateGroups("coordinators")
                    .endEvent()
                    .done();
            repository.createDeployment().name(PROCESS)
                    .addModelInstance(PROCESS + ".bpmn", model)
                    .addString("every-component.form", FORM)
                    .deploy();
        }
        school = programs.newSchool();
        coordinator = fixture.person("coordinator", "Pat Example", Set.of(Role.COORDINATOR), school);
        String pi = runtime.startProcessInstanceByKey(PROCESS, Map.of("schoolId", school.id())).getId();
        task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    }

    @Test
    void shouldRenderEveryComponentOnTheServerWithTheSchoolsStaffAsChoices() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/tasks/" + task.getId()).with(coordinator(coordinator)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.select(".form-intro h2").text()).isEqualTo("Every component");
        assertThat(page.select(".form-intro p").text())
                .isEqualTo("A paragraph. See Campaign → Plan, then the guide <b>as text</b>.");
        assertThat(page.select(".form-intro p strong").text()).as("form-js Markdown, read").isEqualTo("Campaign → Plan");
        assertThat(page.select(".form-intro p em").text()).isEqualTo("then");
        assertThat(page.select(".form-intro p a[href=https://example.org/help][rel~=noopener]").text()).isEqualTo("guide");
        assertThat(page.select(".form-intro b")).as("HTML in the form's text stays text").isEmpty();
        assertThat(page.select(".form-intro li").text()).isEqualTo("one item");
        assertThat(page.select("label[for=field-title]").text()).isEqualTo("Title * (required)");
        assertThat(page.getElementById("field-title").attr("aria-describedby")).isEqualTo("field-title-description");
        assertThat(page.getElementById("field-title-description").text()).isEqualTo("A short title.");
        assertThat(page.select("textarea#field-story")).hasSize(1);
        assertThat(page.getElementById("field-count").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("input#field-confirmed[type=checkbox]")).hasSize(1);
        assertThat(page.select("#field-who label").eachText())
                .containsExactlyInAnyOrder("Leader " + number(), "Teacher " + number(), "Pat Example");
        assertThat(page.select("#field-channel input[type=radio]").eachAttr("value")).containsExactly("email", "phone");
        assertThat(page.select("select#field-size option").eachText()).containsExactly("Choose...", "Small", "Large");
        assertThat(page.select("#task-form hr")).hasSize(1);
        assertThat(page.select("input#field-on[type=date]")).hasSize(1);
    }

    @Test
    void shouldCompleteWithTypedValuesAndNoFreeTextInCamunda() throws Exception {
        String story = "A story about " + UUID.randomUUID();

        mvc.perform(post("/tasks/" + task.getId()).with(csrf()).with(coordinator(coordinator))
                .param("title", "Plain title " + UUID.randomUUID())
                .param("story", story)
                .param("count", "3")
                .param("confirmed", "true")
                .param("who", "leader-" + number())
                .param("channel", "phone")
                .param("size", "l")
                .param("on", "2027-03-01"));

        Map<String, Object> variables = runtime.getVariables(task.getProcessInstanceId());
        assertThat(variables).containsEntry("count", 3).containsEntry("confirmed", true)
                .containsEntry("channel", "phone").containsEntry("size", "l")
                .doesNotContainKeys("title", "story");
        assertThat(variables.get("on")).isInstanceOf(Date.class);
        assertThat(variables.get("who").toString()).isEqualTo("[\"leader-" + number() + "\"]");
        assertThat(jdbc.sql("select count(*) from ACT_RU_VARIABLE where TEXT_ like ?").param("%" + story + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select form_values from task_submission where task_id = ?").param(task.getId())
                .query(String.class).single()).contains(story);
        assertThat(variables).doesNotContainValue(Variables.stringValue(story));
    }

    private String number() {
        return school.code().substring("school-".length());
    }
}
