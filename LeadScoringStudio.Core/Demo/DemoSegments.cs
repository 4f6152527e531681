using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Segments;

namespace LeadScoringStudio.Core.Demo;

/// <summary>
/// The demo workspace's segments: enterprise accounts (1,000 employees or more) are scored by their own model, everyone
/// else (SMB and mid-market) by the starter model. The enterprise model buys differently: bigger companies, revenue,
/// authority and the buying committee weigh more, its fit bands are higher, and it scores two products (Analytics
/// and Security) where the starter scores three.
/// </summary>
public static class DemoSegments
{
    public const int EnterpriseFrom = 1000;

    /// <summary>The enterprise model, made from <paramref name="from"/> (the starter model when none is
    /// given).</summary>
    public static ScoringModel EnterpriseModel(ScoringModel? from = null)
    {
        var starter = from ?? StarterModel.Create();
        var fit = new Dictionary<string, AttributeCriterion>
        {
            ["size-sweet-spot"] = Fit("size-large", "5,000 employees or more", "company_size", Operator.AtLeast,
                ["5000"], 15),
            ["size-enterprise"] = Fit("size-enterprise", "1,000–4,999 employees", "company_size", Operator.Between,
                ["1000", "4999"], 8),
            ["revenue-50m"] = Fit("revenue-500m", "Revenue of 500 M USD or more", "annual_revenue", Operator.AtLeast,
                ["500"], 10),
            ["bant-authority"] = Fit("bant-authority", "Decision maker", "authority", Operator.Equals,
                ["decision maker"], 15),
            ["personal-email"] = Fit("personal-email", "Personal e-mail address", "email", Operator.EndsWith,
                ((AttributeCriterion)starter.FindCriterion("personal-email")!).When.Values, -20),
        };
        return starter with
        {
            Name = "Enterprise model",
            Categories = [.. starter.Categories.Where(c => c.Id != "payments")],
            Criteria =
            [
                .. starter.Criteria
                    .Where(c => c.Id != "seniority-manager")
                    .Select(c => fit.TryGetValue(c.Id, out var replaced) ? replaced : c)
                    .Select(c => c.Category == "payments" ? c with { Category = null } : c),
            ],
            FitBands = new GradeBands(70, 50, 30),
            EngagementBands = new GradeBands(50, 30, 15),
        };
    }

    /// <summary>Enterprise accounts to <paramref name="enterpriseKey"/>, everyone else to
    /// <paramref name="smbKey"/>.</summary>
    public static SegmentRouting Routing(string smbKey, string enterpriseKey) => new(
        [new Segment("Enterprise", enterpriseKey, new AttributeCondition("company_size", Operator.AtLeast,
            [EnterpriseFrom.ToString(System.Globalization.CultureInfo.InvariantCulture)]))],
        new Segment("SMB and mid-market", smbKey, null));

    private static AttributeCriterion Fit(string id, string label, string field, Operator op, ValueList<string> values,
        int points) => new(id, label, Dimension.Fit, null, new AttributeCondition(field, op, values), points);
}
