package app.tandem.dashboard.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Component;

import app.tandem.program.SchoolProgram;

/**
 * The school-program diagram drawn on the server as SVG from the model's own layout (its BPMN DI),
 * with the number of programs waiting at each activity across all deployed versions, and optionally
 * where one school's program is.
 */
@Component
class ProcessDiagram {

    private static final double MARGIN = 30;

    private final RepositoryService repository;
    private final ManagementService management;

    ProcessDiagram(RepositoryService repository, ManagementService management) {
        this.repository = repository;
        this.management = management;
    }

    record View(String viewBox, double width, List<Shape> shapes, List<Edge> edges) {
    }

    /**
     * @param kind    task, subprocess, gateway, start, end, event, boundary
     * @param current whether the school shown is here now
     */
    record Shape(String id, String name, String kind, double x, double y, double width, double height,
                 double centerX, double centerY, List<Label> label, int count, boolean current) {

        public double badgeX() {
            return x + width - 2;
        }

        public double badgeY() {
            return y + 2;
        }

        public boolean hasCount() {
            return count > 0;
        }

        /** The diamond of a gateway. */
        public String diamond() {
            return centerX + "," + y + " " + (x + width) + "," + centerY + " " + centerX + "," + (y + height) + " "
                    + x + "," + centerY;
        }
    }

    record Label(double x, double y, String text) {
    }

    record Edge(String points) {
    }

    /** Programs waiting at each activity (activity id to count), summed over every version. */
    Map<String, Integer> countsByActivity() {
        Map<String, Integer> counts = new HashMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
                .processDefinitionKey(SchoolProgram.PROCESS_KEY).list()) {
            for (ActivityStatistics statistics : management.createActivityStatisticsQuery(definition.getId()).list()) {
                counts.merge(statistics.getId(), statistics.getInstances(), Integer::sum);
            }
        }
        return counts;
    }

    View view(Map<String, Integer> counts, Collection<String> currentActivities) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(SchoolProgram.PROCESS_KEY).latestVersion().singleResult();
        BpmnModelInstance model = repository.getBpmnModelInstance(latest.getId());
        Set<String> current = Set.copyOf(currentActivities);
        List<Shape> shapes = new ArrayList<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (BpmnShape di : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = di.getBpmnElement();
            if (!(element instanceof FlowElement flowElement)) {
                continue;
            }
            Bounds b = di.getBounds();
            String kind = kind(flowElement);
            String name = flowElement.getName() == null ? "" : flowElement.getName();
            shapes.add(new Shape(element.getId(), name, kind, b.getX(), b.getY(), b.getWidth(), b.getHeight(),
                    b.getX() + b.getWidth() / 2, b.getY() + b.getHeight() / 2, label(kind, name, b, labelBounds(di)),
                    counts.getOrDefault(element.getId(), 0), current.contains(element.getId())));
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight() + ("task".equals(kind) ? 0 : 40));
            Bounds outside = labelBounds(di);
            if (outside != null) {
                minX = Math.min(minX, outside.getX());
                minY = Math.min(minY, outside.getY());
                maxX = Math.max(maxX, outside.getX() + outside.getWidth());
                maxY = Math.max(maxY, outside.getY() + outside.getHeight());
            }
        }
        // Containers first, so the activities inside are drawn over them.
        shapes.sort((a, c) -> Boolean.compare(!"subprocess".equals(a.kind()), !"subprocess".equals(c.kind())));
        List<Edge> edges = new ArrayList<>();
        for (BpmnEdge di : model.getModelElementsByType(BpmnEdge.class)) {
            StringBuilder points = new StringBuilder();
            for (Waypoint point : di.getWaypoints()) {
                points.append(point.getX()).append(',').append(point.getY()).append(' ');
                maxX = Math.max(maxX, point.getX());
                maxY = Math.max(maxY, point.getY());
            }
            edges.add(new Edge(points.toString().strip()));
        }
        double width = maxX - minX + 2 * MARGIN;
        String viewBox = (minX - MARGIN) + " " + (minY - MARGIN) + " " + width + " " + (maxY - minY + 2 * MARGIN);
        return new View(viewBox, width, shapes, edges);
    }

    private static String kind(FlowElement element) {
        if (element instanceof SubProcess) {
            return "subprocess";
        }
        if (element instanceof Gateway) {
            return "gateway";
        }
        if (element instanceof BoundaryEvent) {
            return "boundary";
        }
        if (element instanceof StartEvent) {
            return "start";
        }
        if (element instanceof EndEvent) {
            return "end";
        }
        if (element instanceof Event) {
            return "event";
        }
        return "task";
    }

    private static Bounds labelBounds(BpmnShape di) {
        return di.getBpmnLabel() == null ? null : di.getBpmnLabel().getBounds();
    }

    /**
     * Task names wrap inside the box; a sub-process is named at its top; other names go where the
     * model's layout puts their label (as in Camunda Modeler), or below the shape when it puts none.
     */
    private static List<Label> label(String kind, String name, Bounds b, Bounds outside) {
        List<Label> labels = new ArrayList<>();
        if ("subprocess".equals(kind)) {
            labels.add(new Label(b.getX() + 10, b.getY() + 18, name));
            return labels;
        }
        boolean inside = "task".equals(kind);
        if (!inside && outside != null) {
            List<String> lines = wrap(name, 18);
            for (int i = 0; i < lines.size(); i++) {
                labels.add(new Label(outside.getX() + outside.getWidth() / 2, outside.getY() + 11 + i * 13.0,
                        lines.get(i)));
            }
            return labels;
        }
        // Boundary events sit side by side on their task, so their labels wrap narrower.
        List<String> lines = wrap(name, inside ? 15 : "boundary".equals(kind) ? 8 : 18);
        double lineHeight = 13;
        double firstY = inside
                ? b.getY() + b.getHeight() / 2 - (lines.size() - 1) * lineHeight / 2 + 4
                : b.getY() + b.getHeight() + 14;
        for (int i = 0; i < lines.size(); i++) {
            labels.add(new Label(b.getX() + b.getWidth() / 2, firstY + i * lineHeight, lines.get(i)));
        }
        return labels;
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
