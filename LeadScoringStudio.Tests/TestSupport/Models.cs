using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>A small valid model that tests adjust with <c>with</c>.</summary>
internal static class Models
{
    public static ScoringModel Small(params Criterion[] criteria) => new()
    {
        Name = "Test model",
        Fields =
        [
            new("seniority", "Seniority", FieldType.Text),
            new("company_size", "Company size", FieldType.Number),
            new("email", "E-mail", FieldType.Text),
            new("budget", "Budget", FieldType.YesNo),
            new("founded", "Founded", FieldType.Date),
        ],
        ActivityTypes = [new("page_visit", "Page visit"), new("content_download", "Content download")],
        Categories = [new("analytics", "Analytics", 20, null)],
        Criteria = [.. criteria],
        FitBands = new GradeBands(60, 40, 20),
        EngagementBands = new GradeBands(60, 35, 15),
        Actions = Cell.All.Select(c => new CellAction($"Action {c}", c.Index == 15 ? Route.Disqualify : Route.Nurture, 1, null)).ToValueList(),
        MqlCells = [Cell.Parse("A1")],
    };

    public static AttributeCriterion Attribute(string id, string field, Operator op, int points, params string[] values) =>
        new(id, id, Dimension.Fit, null, new AttributeCondition(field, op, values.ToValueList()), points);

    public static ActivityCriterion Visits(
        string id, int points, int? maxOccurrences = null, int? maxPoints = null, int? lookbackDays = null, Decay? decay = null, string? urlContains = null, string? category = null) =>
        new(id, id, Dimension.Engagement, category,
            new ActivityCondition("page_visit", urlContains is null ? [] : [new PropertyFilter("url", Operator.Contains, [urlContains])]),
            points, maxOccurrences, maxPoints, lookbackDays, decay ?? Decay.None);
}
