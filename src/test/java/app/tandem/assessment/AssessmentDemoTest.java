package app.tandem.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.TandemTest;
import app.tandem.demo.DemoSeed;

/** The "done when": the demo's manager opens the self-assessment, confirms a rating and downloads the PDF. */
@TandemTest
class AssessmentDemoTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoSeed demo;

    @Test
    void shouldLetTheDemoManagerConfirmTheDistrictsSelfAssessmentAndDownloadIt() throws Exception {
        demo.seed();
        RequestPostProcessor manager = user("manager").roles("managers");

        String report = mvc.perform(get("/assessment").with(manager)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        Document page = page(report, manager);
        assertThat(page.select("h1").text()).startsWith("Self-assessment ").endsWith("Riverbend Unified School District");
        assertThat(page.select("#ratings tbody tr")).hasSize(6);
        assertThat(page.select("#ratings tr[data-indicator=4d.1] .figure").text())
                .as("Riverside met before its start, Cedar Hill after it").contains("1 of 2 terms");

        String rating = page.select("#indicator-4d-1 .decide-link").attr("href");
        String proposed = page(rating, manager).select("input[name=rating][checked]").val();
        mvc.perform(post(rating).with(csrf()).with(manager).param("rating", proposed)
                .param("note", "Cedar Hill met its teachers late; Maple Street is on track."))
                .andExpect(status().is3xxRedirection());
        assertThat(page(report, manager).select("#ratings tr[data-indicator=4d.1] .standing").text())
                .endsWith("Confirmed by Priya Shah");

        byte[] pdf = mvc.perform(get(page.select("#download-pdf").attr("href")).with(manager))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = PDDocument.load(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Riverbend Unified School District", "1 of 2 terms began after an alignment meeting",
                            "Confirmed by Priya Shah");
        }
    }

    private Document page(String url, RequestPostProcessor person) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(person)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
