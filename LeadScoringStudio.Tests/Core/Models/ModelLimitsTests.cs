using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Models;

public class ModelLimitsTests
{
    private readonly ScoringModel _starter = StarterModel.Create();

    [Fact]
    public void Points_near_int_max_are_refused_before_they_can_overflow_a_lead()
    {
        var model = _starter.WithCriterionPoints("seniority-exec", int.MaxValue);

        var problem = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal("$.criteria[0].points", problem.Path);
        Assert.Contains("2,147,483,647 points is beyond the range of -1,000 to 1,000", problem.Message);
    }

    [Fact]
    public void Ten_thousand_criteria_are_refused_with_the_count()
    {
        var template = _starter.Criteria[0];
        ValueList<Criterion> many = [.. Enumerable.Range(0, 10_500).Select(i => template with { Id = $"c{i}" })];

        var problems = ModelValidator.Validate(_starter with { Criteria = many });

        Assert.Contains(problems, p => p.Path == "$.criteria" && p.Message.Contains("10,500 criteria; at most 500"));
    }

    [Fact]
    public void A_megabyte_label_is_refused_at_its_place()
    {
        var model = _starter with { Criteria = [.. _starter.Criteria.Select((c, i) =>
            i == 2 ? c with { Label = new string('x', 4_000_000) } : c)] };

        var problem = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(("$.criteria[2].label", "this is 4,000,000 characters long; keep it to 200 or fewer"),
            (problem.Path, problem.Message));
    }

    [Fact]
    public void A_file_over_a_megabyte_or_nested_too_deep_is_refused_with_a_sentence()
    {
        var big = ModelFile.Read(new string(' ', ModelLimits.MaxFileBytes + 1));
        var deep = ModelFile.Read(string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]",
            100)));

        Assert.Contains("model files up to 1 MB can be read", Assert.Single(big.Problems).Message);
        Assert.Contains("nested deeper than 32 levels", Assert.Single(deep.Problems).Message);
    }
}
