using LeadScoringStudio.Benchmarks.Warehouse;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Scoring;

/// <summary>
/// Batch scoring gives every lead exactly what single-lead scoring gives, on the warehouse parity workspace: leads in
/// mixed case and padding, activities after the scoring moment, a model with every operator, decay kind and limit. The
/// model comes in four forms: as it is (a criterion without a window: every activity is read); every window closed,
/// with and without its activity disqualifier (the batch stops at the widest window only without one); and windows
/// longer than the tabled decay factors. A few leads sit on those edges. Both batch scorings are checked: the plain
/// one, which adds up the points of single-condition criteria per distinct value, and the one that keeps each match.
/// </summary>
public class BatchScorerEqualityTests
{
    /// <summary>Enough for three of the batch scorer's chunks of 4,096 leads, so the leads are scored by more than one
    /// task, each going on from chunk to chunk with the same working arrays.</summary>
    private const int LeadsPerSeed = 9000;

    public enum Form
    {
        AsItIs,
        WindowsClosed,
        WindowsClosedWithoutActivityDisqualifier,
        WindowsLongerThanTheTable,
    }

    public static TheoryData<int, Form> Cases => new()
    {
        { 3, Form.AsItIs },
        { 3, Form.WindowsClosedWithoutActivityDisqualifier },
        { 17, Form.WindowsClosed },
        { 17, Form.WindowsLongerThanTheTable },
        { 29, Form.AsItIs },
        { 29, Form.WindowsClosedWithoutActivityDisqualifier },
        { 101, Form.WindowsClosed },
        { 101, Form.WindowsLongerThanTheTable },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batch_and_single_lead_scoring_agree_on_every_case_mixed_lead(int seed, Form form)
    {
        var model = ModelIn(form);
        var leads = ParityWorkspace.Leads(seed, LeadsPerSeed).Concat(OnTheEdges()).ToList();
        var scorer = new BatchScorer(model, LeadBatch.From(leads));
        var (withMatches, matched) = scorer.ScoreWithMatches(ParityWorkspace.AsOf);
        var plain = scorer.Score(ParityWorkspace.AsOf);
        var single = new LeadScorer(model);

        for (var i = 0; i < leads.Count; i++)
        {
            var expected = single.Score(leads[i], ParityWorkspace.AsOf);
            foreach (var batch in new[] { plain, withMatches })
            {
                Assert.Equal(
                    (leads[i].Id, expected.Fit, expected.Engagement, expected.Total, expected.Cell, expected.IsMql,
                        expected.IsDisqualified),
                    (leads[i].Id, batch.Fit[i], batch.Engagement[i], batch.Total[i], batch.CellOf(i), batch.IsMql[i],
                        batch.IsDisqualified[i]));
                Assert.Equal(expected.Categories.Select(c => c.Score),
                    batch.CategoryScores.Skip(i * batch.CategoryCount).Take(batch.CategoryCount));
            }

            var explained = expected.Explanation.Select(line => line.CriterionId).ToHashSet();
            Assert.Equal(model.Criteria.Select(c => explained.Contains(c.Id)),
                matched.Skip(i * model.Criteria.Count).Take(model.Criteria.Count));
        }

        Assert.Contains(true, plain.IsMql);
        Assert.Contains(true, plain.IsDisqualified);
    }

    private static ScoringModel ModelIn(Form form)
    {
        var model = ParityWorkspace.Model();
        var window = form == Form.WindowsLongerThanTheTable ? 5000 : 200;
        var closed = model with
        {
            Criteria = [.. model.Criteria.Select(c => c is ActivityCriterion { LookbackDays: null } a
                ? a with { LookbackDays = window }
                : c)],
        };
        return form switch
        {
            Form.AsItIs => model,
            Form.WindowsClosed => closed,
            _ => closed with { Disqualifiers = [.. model.Disqualifiers.Where(d => d.When is AttributeCondition)] },
        };
    }

    /// <summary>Newsletter clicks, some recent, some on both sides of the widest window (365 days); a job application
    /// older than it; clicks and visits from eleven to sixteen years back, in and out of the long windows. Then leads
    /// whose only click and job application are older than the decay tables (4,000 days): what counts them is the count
    /// past the tables alone.</summary>
    private static IEnumerable<Lead> OnTheEdges() => Enumerable.Range(0, 40).Select(i => new Lead($"edge-{i}",
        new Dictionary<string, FieldValue> { ["seniority"] = FieldValue.OfText("VP") },
        [
            Click(i % 3 == 0 ? -3 * i : -360 - (i % 8)),
            Visit(-400 - i, i % 2 == 0 ? "/careers/apply/7" : "/pricing"),
            Click(-4000 - (50 * i)),
            Visit(-3990 - (60 * i), "/blog/x"),
        ])).Concat(Enumerable.Range(0, 4).Select(i => new Lead($"old-{i}",
            new Dictionary<string, FieldValue> { ["seniority"] = FieldValue.OfText("VP") },
            [Click(-4010 - (300 * i)), Visit(-4100 - (300 * i), "/careers/apply/3")])));

    private static Activity Visit(int days, string url) => new("page_visit", ParityWorkspace.AsOf.AddDays(days),
        new Dictionary<string, string> { ["url"] = url });

    private static Activity Click(int days) => new("email_click", ParityWorkspace.AsOf.AddDays(days),
        new Dictionary<string, string> { ["campaign"] = "newsletter" });
}
