using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Models;

/// <summary>A criterion whose condition has an "and": points only when both fields match.</summary>
public class CombinedCriterionTests
{
    private static readonly AttributeCriterion SeniorBudget = Attribute("senior-budget", "seniority", Operator.Equals,
        15, "VP") with
    {
        AlsoWhen = [new AttributeCondition("budget", Operator.Equals, ["yes"])],
    };

    private static readonly ScoringModel Model = Small(SeniorBudget);

    [Fact]
    public void It_gives_points_only_when_every_condition_matches_in_single_and_batch_scoring_alike()
    {
        var leads = new[]
        {
            Leads.With(("seniority", "VP"), ("budget", true)) with { Id = "both" },
            Leads.With(("seniority", "VP"), ("budget", false)) with { Id = "one" },
            Leads.With(("seniority", "Manager"), ("budget", true)) with { Id = "other" },
        };

        var batch = new BatchScorer(Model, LeadBatch.From(leads)).Score(Leads.AsOf);
        var single = leads.Select(l => LeadScorer.Score(Model, l, Leads.AsOf)).ToList();

        Assert.Equal([15, 0, 0], single.Select(s => s.Fit));
        Assert.Equal(single.Select(s => s.Fit), batch.Fit);
        Assert.Equal("Seniority is VP; Budget is yes",
            single[0].Explanation.Single(l => l.CriterionId == "senior-budget").Evidence);
    }

    [Fact]
    public void It_reads_in_plain_words_and_survives_the_model_file()
    {
        Assert.Equal("Seniority equals VP and Budget equals yes", CriterionText.Describe(Model, SeniorBudget));
        Assert.Equal(Model, ModelFile.Read(ModelFile.Write(Model)).Model);
        Assert.Contains("\"and\"", ModelFile.Write(Model));
    }

    [Fact]
    public void Problems_in_a_further_condition_are_reported_at_its_own_path()
    {
        var broken = Small(SeniorBudget with { AlsoWhen = [new AttributeCondition("shoe_size", Operator.AtLeast,
            ["40"])] });

        var problem = Assert.Single(ModelValidator.Validate(broken));
        Assert.Equal("$.criteria[0].and[0].attribute.field", problem.Path);
    }

    [Fact]
    public void A_model_file_may_not_combine_an_activity()
    {
        var json = ModelFile.Write(Model)
            .Replace("\"and\": [", "\"and\": [ { \"activity\": { \"type\": \"page_visit\" } },");

        var read = ModelFile.Read(json);

        Assert.Contains(read.Problems, p => p.Message.Contains("activities cannot be combined"));
    }
}
