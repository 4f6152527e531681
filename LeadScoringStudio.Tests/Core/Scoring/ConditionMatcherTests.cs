using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class ConditionMatcherTests
{
    private static bool Text(Operator op, string? value, params string[] values) =>
        ConditionMatcher.Matches(op, values, FieldValue.OfText(value));

    private static bool Number(Operator op, double value, params string[] values) =>
        ConditionMatcher.Matches(op, values, FieldValue.OfNumber(value));

    [Fact]
    public void Text_compares_ignore_case() =>
        Assert.True(Text(Operator.Equals, "VP", "vp"));

    [Theory]
    [InlineData(Operator.OneOf, "Director", true)]
    [InlineData(Operator.OneOf, "Manager", false)]
    [InlineData(Operator.NotOneOf, "Manager", true)]
    [InlineData(Operator.NotOneOf, "director", false)]
    [InlineData(Operator.Contains, "Senior Director of Sales", true)]
    [InlineData(Operator.StartsWith, "Director of Sales", true)]
    [InlineData(Operator.EndsWith, "Sales Director", true)]
    [InlineData(Operator.EndsWith, "Director of Sales", false)]
    public void Text_operators(Operator op, string value, bool expected) =>
        Assert.Equal(expected, Text(op, value, "Director", "VP"));

    [Theory]
    [InlineData(Operator.AtLeast, 200, true)]
    [InlineData(Operator.AtLeast, 199.5, false)]
    [InlineData(Operator.AtMost, 200, true)]
    [InlineData(Operator.AtMost, 201, false)]
    [InlineData(Operator.Equals, 200, true)]
    public void Number_bounds_are_inclusive(Operator op, double value, bool expected) =>
        Assert.Equal(expected, Number(op, value, "200"));

    [Theory]
    [InlineData(199, false)]
    [InlineData(200, true)]
    [InlineData(5000, true)]
    [InlineData(5001, false)]
    public void Between_includes_both_ends(double value, bool expected) =>
        Assert.Equal(expected, Number(Operator.Between, value, "200", "5000"));

    [Theory]
    [InlineData(Operator.IsMissing, true)]
    [InlineData(Operator.IsPresent, false)]
    [InlineData(Operator.Equals, false)]
    [InlineData(Operator.NotOneOf, false)]
    [InlineData(Operator.AtLeast, false)]
    public void A_missing_value_matches_only_is_missing(Operator op, bool expected) =>
        Assert.Equal(expected, ConditionMatcher.Matches(op, ["1"], FieldValue.Missing));

    [Fact]
    public void Blank_text_counts_as_missing() =>
        Assert.True(Text(Operator.IsMissing, "   "));

    [Fact]
    public void Yes_no_and_dates_compare_by_meaning()
    {
        Assert.True(ConditionMatcher.Matches(Operator.Equals, ["true"], FieldValue.OfYesNo(true)));
        Assert.False(ConditionMatcher.Matches(Operator.Equals, ["yes"], FieldValue.OfYesNo(false)));
        Assert.True(ConditionMatcher.Matches(Operator.AtLeast, ["2020-01-01"], FieldValue.OfDate(new DateOnly(2021, 5, 1))));
        Assert.False(ConditionMatcher.Matches(Operator.AtMost, ["2020-01-01"], FieldValue.OfDate(new DateOnly(2021, 5, 1))));
    }

    [Fact]
    public void Numeric_text_properties_compare_as_numbers()
    {
        Assert.True(Text(Operator.AtLeast, "80", "70"));
        Assert.False(Text(Operator.AtLeast, "9", "70"));
        Assert.False(Text(Operator.AtLeast, "high", "70"));
    }

    [Fact]
    public void Activity_condition_needs_type_and_every_filter()
    {
        var condition = new ActivityCondition("content_download", [
            new PropertyFilter("content_type", Operator.Equals, ["pdf"]),
            new PropertyFilter("topic", Operator.Equals, ["security"]),
        ]);
        var props = new Dictionary<string, string> { ["content_type"] = "PDF", ["topic"] = "Security" };

        Assert.True(ConditionMatcher.Matches(condition, new Activity("Content_Download", Leads.AsOf, props)));
        Assert.False(ConditionMatcher.Matches(condition, new Activity("content_download", Leads.AsOf, new Dictionary<string, string> { ["content_type"] = "pdf" })));
        Assert.False(ConditionMatcher.Matches(condition, new Activity("page_visit", Leads.AsOf, props)));
    }
}
