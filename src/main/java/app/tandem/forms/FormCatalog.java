package app.tandem.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the Camunda Form of a user task the way the engine does: the task's {@code camunda:formRef}
 * with binding {@code deployment} is read from the deployment of the task's process definition,
 * so a running instance keeps the form it was started with. Other bindings, which need the
 * engine's internal form definition table, are read from the forms shipped with Tandem
 * ({@code classpath:forms/}), which are what is deployed. Deployments never change, so what is
 * read once is kept.
 */
@Component
public class FormCatalog {

    private static final String CAMUNDA_FORMS_DEPLOYMENT = "camunda-forms:deployment:";
    private static final String FORM_SUFFIX = ".form";

    private final RepositoryService repository;
    private final FormSchemaReader reader;
    private final Map<String, Optional<FormRef>> refs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, FormSchema>> deployments = new ConcurrentHashMap<>();
    private final Map<String, FormSchema> shipped;

    FormCatalog(RepositoryService repository, ObjectMapper json) {
        this.repository = repository;
        this.reader = new FormSchemaReader(json);
        this.shipped = readShipped();
    }

    /** The form of a task of the given process definition, if it has one Tandem can render. */
    public Optional<FormSchema> forTask(String processDefinitionId, String taskKey) {
        return refs.computeIfAbsent(processDefinitionId + "#" + taskKey, key -> refOf(processDefinitionId, taskKey))
                .flatMap(ref -> ref.inDeployment()
                        ? Optional.ofNullable(formsOf(ref.deploymentId()).get(ref.key()))
                        : Optional.ofNullable(shipped.get(ref.key())));
    }

    /** A form as Tandem ships it ({@code forms/}), for what reads its options outside a task. */
    public Optional<FormSchema> shipped(String formId) {
        return Optional.ofNullable(shipped.get(formId));
    }

    private Optional<FormRef> refOf(String processDefinitionId, String taskKey) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        if (!(repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey) instanceof UserTask task)) {
            return Optional.empty();
        }
        if (task.getCamundaFormRef() != null) {
            boolean deployment = "deployment".equals(task.getCamundaFormRefBinding());
            return Optional.of(new FormRef(task.getCamundaFormRef(), deployment, definition.getDeploymentId()));
        }
        String formKey = task.getCamundaFormKey();
        if (formKey != null && formKey.startsWith(CAMUNDA_FORMS_DEPLOYMENT)) {
            String resource = formKey.substring(CAMUNDA_FORMS_DEPLOYMENT.length());
            return formsOf(definition.getDeploymentId()).values().stream()
                    .filter(form -> resource.endsWith(form.id() + FORM_SUFFIX))
                    .findFirst()
                    .map(form -> new FormRef(form.id(), true, definition.getDeploymentId()));
        }
        return Optional.empty();
    }

    private Map<String, FormSchema> formsOf(String deploymentId) {
        return deployments.computeIfAbsent(deploymentId, id -> {
            Map<String, FormSchema> forms = new HashMap<>();
            for (Resource resource : repository.getDeploymentResources(id)) {
                if (resource.getName().endsWith(FORM_SUFFIX)) {
                    try (InputStream in = repository.getResourceAsStreamById(id, resource.getId())) {
                        FormSchema form = reader.read(in);
                        if (form.id() != null) {
                            forms.put(form.id(), form);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read form " + resource.getName(), e);
                    }
                }
            }
            return Map.copyOf(forms);
        });
    }

    private Map<String, FormSchema> readShipped() {
        Map<String, FormSchema> forms = new HashMap<>();
        try {
            for (org.springframework.core.io.Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:forms/**/*" + FORM_SUFFIX)) {
                try (InputStream in = resource.getInputStream()) {
                    FormSchema form = reader.read(in);
                    if (form.id() != null) {
                        forms.put(form.id(), form);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms shipped with Tandem", e);
        }
        return Map.copyOf(forms);
    }

    private record FormRef(String key, boolean inDeployment, String deploymentId) {
    }
}
