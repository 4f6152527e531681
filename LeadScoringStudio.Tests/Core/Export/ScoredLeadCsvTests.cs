using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Export;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Export;

public class ScoredLeadCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Acme, Inc.", "\"Acme, Inc.\"")]
    [InlineData("plain", "plain")]
    public void Cells_a_spreadsheet_would_run_are_neutralised(string text, string written) =>
        Assert.Equal(written, CsvCell.Of(text));

    [Fact]
    public void Negative_scores_stay_numbers() => Assert.Equal("-20", CsvCell.Of(-20));

    [Fact]
    public async Task Each_lead_is_a_row_that_reads_back_with_its_score_and_top_reasons()
    {
        var model = StarterModel.Create();
        var examples = ExampleLeads.Create(TestSupport.Leads.AsOf);
        var rows = examples.Select(e =>
        {
            var score = LeadScorer.Score(model, e.Lead, TestSupport.Leads.AsOf);
            return new ExportedLead(e.Lead, "Everyone", "starter v1", score,
                score.IsMql ? Stage.Mql : e.Lead.Id == "ex-enterprise-quiet" ? null : Stage.Lead);
        }).ToList();
        var text = new StringWriter();

        await ScoredLeadCsv.WriteAsync(text, rows);

        var table = CsvFile.Read("export.csv", System.Text.Encoding.UTF8.GetBytes(text.ToString())).Table!;
        Assert.Equal(ScoredLeadCsv.Header, table.Columns);
        Assert.Equal(examples.Count, table.ReadRows().Count());
        var cfo = table.ReadRows().Single(r => r.Cells[0] == "ex-pricing-cfo").Cells;
        var expected = rows.Single(r => r.Lead.Id == "ex-pricing-cfo");
        Assert.Equal([expected.Score.Total.ToString(), expected.Score.Cell.ToString(), "yes", "Mql"],
            [cfo[4], cfo[7], cfo[9], cfo[10]]);
        Assert.Equal(["Everyone", "starter v1"], [cfo[11], cfo[12]]);
        Assert.Equal(3, cfo[13].Split("; ").Length);
        Assert.StartsWith("Disqualified: Student", table.ReadRows().Single(r => r.Cells[0] == "ex-student").Cells[13]);
        Assert.Equal("", table.ReadRows().Single(r =>
            r.Cells[0] == "ex-enterprise-quiet").Cells[10]); // no stage recorded yet: none made up
    }
}
