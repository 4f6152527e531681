using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;
using static LeadScoringStudio.Tests.TestSupport.Models;

namespace LeadScoringStudio.Tests.Core.Editing;

public class CriterionTextTests
{
    private readonly ScoringModel _model = Small();

    [Theory]
    [InlineData(Operator.OneOf, new[] { "VP", "CEO" }, "Seniority one of VP, CEO")]
    [InlineData(Operator.IsMissing, new string[0], "Seniority is missing")]
    public void Attribute_conditions_read_as_a_sentence(Operator op, string[] values, string expected) =>
        Assert.Equal(expected, CriterionText.Describe(_model, Attribute("x", "seniority", op, 1, values)));

    [Fact]
    public void Between_reads_from_and_to() =>
        Assert.Equal("Company size between 200 and 5000", CriterionText.Describe(_model, Attribute("x", "company_size", Operator.Between, 1, "200", "5000")));

    [Fact]
    public void Activity_criteria_list_their_filters_limits_and_decay() =>
        Assert.Equal(
            "Page visit where url contains /pricing · up to 3× · cap 20 · last 30 days · fades out over 60 days",
            CriterionText.Describe(_model, Visits("x", 5, maxOccurrences: 3, maxPoints: 20, lookbackDays: 30, decay: Decay.Linear(60), urlContains: "/pricing")));

    [Fact]
    public void Values_are_typed_with_commas_and_spaces_do_not_matter()
    {
        Assert.Equal(["Software", "Financial services"], ValuesText.Parse(" Software ,Financial services, ,"));
        Assert.Empty(ValuesText.Parse(null));
        Assert.Equal("a, b", ValuesText.Format(["a", "b"]));
    }
}
