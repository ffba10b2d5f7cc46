package app.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams of every model in /processes, as Camunda Modeler draws them: flows start and end on
 * their shapes' borders, every label that Modeler draws outside its element has its own bounds, and
 * no label covers another label or another element's shape. Geometry only: the processes' meaning
 * is tested elsewhere.
 */
class DiagramLayoutTest {

    /** How far a flow's end may be from the border of its shape, in diagram pixels. */
    private static final double ON_BORDER = 3;
    /** How far a label may be from its element (shape, or one of the flow's segments). */
    private static final double BESIDE = 40;

    static Stream<Path> models() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).isNotEmpty();
        return models.stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldStartAndEndEveryFlowOnTheBorderOfItsShapes(Path model) throws IOException {
        Diagram diagram = Diagram.of(model);
        List<String> misplaced = new ArrayList<>();
        for (BpmnEdge edge : diagram.edges) {
            BaseElement flow = edge.getBpmnElement();
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            assertThat(points).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
            String source = flow.getAttributeValue("sourceRef");
            String target = flow.getAttributeValue("targetRef");
            check(misplaced, flow.getId() + " starts", points.get(0), diagram.shape(source));
            check(misplaced, flow.getId() + " ends", points.get(points.size() - 1), diagram.shape(target));
        }
        assertThat(misplaced).as("flow ends off their shapes in %s", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldGiveEveryOutsideLabelItsOwnPlace(Path model) throws IOException {
        Diagram diagram = Diagram.of(model);
        List<String> problems = new ArrayList<>();

        for (BaseElement element : diagram.model.getModelElementsByType(BaseElement.class)) {
            String name = element.getAttributeValue("name");
            if (hasOutsideLabel(element) && name != null && !name.isBlank() && !diagram.labels.containsKey(element.getId())) {
                problems.add(element.getId() + " (\"" + name + "\") has no label bounds, so Modeler places it itself");
            }
        }

        List<Map.Entry<String, Box>> labels = new ArrayList<>(diagram.labels.entrySet());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).getValue().overlaps(labels.get(j).getValue())) {
                    problems.add("the labels of " + labels.get(i).getKey() + " and " + labels.get(j).getKey()
                            + " overlap");
                }
            }
        }

        for (Map.Entry<String, Box> label : labels) {
            for (BpmnShape shape : diagram.shapes.values()) {
                BaseElement element = shape.getBpmnElement();
                if (element.getId().equals(label.getKey())) {
                    continue;
                }
                Box box = Box.of(shape.getBounds());
                boolean container = element instanceof SubProcess || element instanceof Participant
                        || element instanceof Lane;
                if (container ? box.crossesBorder(label.getValue()) : box.overlaps(label.getValue())) {
                    problems.add("the label of " + label.getKey() + " covers " + element.getId());
                }
            }
            double away = diagram.distanceToElement(label.getKey(), label.getValue());
            if (away > BESIDE) {
                problems.add("the label of " + label.getKey() + " is " + Math.round(away) + " px from its element");
            }
        }
        assertThat(problems).as("labels in %s", model).isEmpty();
    }

    /** The elements Modeler labels outside their shape: events, gateways, data, and flows. */
    private static boolean hasOutsideLabel(BaseElement element) {
        return element instanceof Event || element instanceof Gateway || element instanceof SequenceFlow
                || element instanceof MessageFlow || element instanceof DataObjectReference
                || element instanceof DataStoreReference;
    }

    private static void check(List<String> misplaced, String what, Waypoint point, BpmnShape shape) {
        Box box = Box.of(shape.getBounds());
        double off = box.distanceToBorder(point.getX(), point.getY());
        if (off > ON_BORDER) {
            misplaced.add(what + " at (" + point.getX() + ", " + point.getY() + "), " + Math.round(off) + " px from "
                    + shape.getBpmnElement().getId() + " " + box);
        }
    }

    /** One model's diagram: its shapes and edges by element id, and the label bounds it gives. */
    private static final class Diagram {
        final BpmnModelInstance model;
        final Map<String, BpmnShape> shapes = new LinkedHashMap<>();
        final List<BpmnEdge> edges = new ArrayList<>();
        final Map<String, Box> labels = new LinkedHashMap<>();

        private Diagram(BpmnModelInstance model) {
            this.model = model;
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                shapes.put(shape.getBpmnElement().getId(), shape);
                label(shape.getBpmnElement(), shape.getBpmnLabel());
            }
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                edges.add(edge);
                label(edge.getBpmnElement(), edge.getBpmnLabel());
            }
        }

        static Diagram of(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return new Diagram(Bpmn.readModelFromStream(in));
            }
        }

        private void label(BaseElement element, BpmnLabel label) {
            if (label != null && label.getBounds() != null) {
                labels.put(element.getId(), Box.of(label.getBounds()));
            }
        }

        BpmnShape shape(String elementId) {
            BpmnShape shape = shapes.get(elementId);
            assertThat(shape).as("the shape of %s", elementId).isNotNull();
            return shape;
        }

        double distanceToElement(String elementId, Box label) {
            BpmnShape shape = shapes.get(elementId);
            if (shape != null) {
                return label.gapTo(Box.of(shape.getBounds()));
            }
            double nearest = Double.MAX_VALUE;
            for (BpmnEdge edge : edges) {
                if (!edge.getBpmnElement().getId().equals(elementId)) {
                    continue;
                }
                List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
                for (int i = 0; i + 1 < points.size(); i++) {
                    Waypoint a = points.get(i);
                    Waypoint b = points.get(i + 1);
                    nearest = Math.min(nearest, label.gapTo(Box.around(a.getX(), a.getY(), b.getX(), b.getY())));
                }
            }
            return nearest;
        }
    }

    /** An axis-aligned rectangle of the diagram. */
    record Box(double x, double y, double width, double height) {

        static Box of(Bounds bounds) {
            return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        /** The box spanned by a straight (horizontal or vertical) segment. */
        static Box around(double x1, double y1, double x2, double y2) {
            return new Box(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
        }

        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        /** Shares some area; boxes that only touch do not overlap. */
        boolean overlaps(Box other) {
            return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
        }

        boolean contains(Box other) {
            return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
        }

        /** Partly in and partly out, so it would cover the container's border. */
        boolean crossesBorder(Box other) {
            return overlaps(other) && !contains(other);
        }

        /** How far a point is from the box's border, whether inside or outside. */
        double distanceToBorder(double px, double py) {
            double dx = Math.max(Math.max(x - px, 0), px - right());
            double dy = Math.max(Math.max(y - py, 0), py - bottom());
            if (dx > 0 || dy > 0) {
                return Math.hypot(dx, dy);
            }
            return Math.min(Math.min(px - x, right() - px), Math.min(py - y, bottom() - py));
        }

        /** The shortest distance between the two boxes; zero when they touch or overlap. */
        double gapTo(Box other) {
            double dx = Math.max(0, Math.max(other.x - right(), x - other.right()));
            double dy = Math.max(0, Math.max(other.y - bottom(), y - other.bottom()));
            return Math.hypot(dx, dy);
        }

        @Override
        public String toString() {
            return "[" + x + ", " + y + ", " + width + " x " + height + "]";
        }
    }
}
