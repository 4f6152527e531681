using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Models;

/// <summary>
/// The model a new workspace starts from, following common lead-scoring practice: buyers above
/// influencers; seniority, company size and industry fit; pricing page and demo requests high;
/// white papers above webinars; generic page views near zero; careers page and unsubscribes
/// negative; competitors and students disqualified; −50 per 30 days inactive.
/// </summary>
public static class StarterModel
{
    private static readonly ValueList<string> PersonalDomains = ["@gmail.com", "@yahoo.com", "@hotmail.com", "@outlook.com", "@web.de"];

    public static ScoringModel Create() => new()
    {
        Name = "Starter model",
        Fields =
        [
            new("name", "Name", FieldType.Text),
            new("email", "E-mail", FieldType.Text),
            new("company", "Company", FieldType.Text),
            new("job_title", "Job title", FieldType.Text),
            new("seniority", "Seniority", FieldType.Text),
            new("persona", "Persona", FieldType.Text),
            new("industry", "Industry", FieldType.Text),
            new("company_size", "Company size (employees)", FieldType.Number),
            new("annual_revenue", "Annual revenue (M USD)", FieldType.Number),
            new("country", "Country", FieldType.Text),
            new("crm", "CRM in use", FieldType.Text),
            new("uses_data_warehouse", "Uses a data warehouse", FieldType.YesNo),
            new("budget_confirmed", "Budget confirmed", FieldType.YesNo),
            new("authority", "Authority", FieldType.Text),
            new("timeline_months", "Purchase timeline (months)", FieldType.Number),
            new("phone", "Phone", FieldType.Text),
            new("unsubscribed", "Unsubscribed", FieldType.YesNo),
        ],
        ActivityTypes =
        [
            new("page_visit", "Page visit"),
            new("content_download", "Content download"),
            new("webinar", "Webinar attended"),
            new("email_click", "E-mail click"),
            new("form_fill", "Form fill"),
            new("demo_request", "Demo request"),
            new("trial_signup", "Trial sign-up"),
            new("trial_activity", "Trial activity"),
            new("intent_signal", "Third-party intent"),
        ],
        Categories =
        [
            new("analytics", "Analytics", 25, 40),
            new("payments", "Payments", 25, 40),
            new("security", "Security", 20, 30),
        ],
        Criteria =
        [
            Fit("seniority-exec", "C-level or VP", "seniority", Operator.OneOf, ["C-level", "VP"], 20),
            Fit("seniority-director", "Director", "seniority", Operator.Equals, ["Director"], 12),
            Fit("seniority-manager", "Manager", "seniority", Operator.Equals, ["Manager"], 5),
            Fit("persona-buyer", "Buyer persona", "persona", Operator.Equals, ["buyer"], 15),
            Fit("persona-influencer", "Influencer persona", "persona", Operator.Equals, ["influencer"], 5),
            Fit("industry-target", "Target industry", "industry", Operator.OneOf, ["Software", "Financial services", "E-commerce"], 10),
            Fit("size-sweet-spot", "200–5,000 employees", "company_size", Operator.Between, ["200", "5000"], 12),
            Fit("size-enterprise", "Over 5,000 employees", "company_size", Operator.AtLeast, ["5001"], 8),
            Fit("revenue-50m", "Revenue of 50 M USD or more", "annual_revenue", Operator.AtLeast, ["50"], 6),
            Fit("country-core", "Core market", "country", Operator.OneOf, ["US", "GB", "DE", "FR", "NL", "CA"], 5),
            Fit("tech-warehouse", "Uses a data warehouse", "uses_data_warehouse", Operator.Equals, ["yes"], 6, "analytics"),
            Fit("tech-crm", "Runs Salesforce or HubSpot", "crm", Operator.OneOf, ["Salesforce", "HubSpot"], 4),
            Fit("bant-budget", "Budget confirmed", "budget_confirmed", Operator.Equals, ["yes"], 10),
            Fit("bant-authority", "Decision maker", "authority", Operator.Equals, ["decision maker"], 10),
            Fit("bant-timeline", "Buying within 6 months", "timeline_months", Operator.AtMost, ["6"], 8),
            Fit("personal-email", "Personal e-mail address", "email", Operator.EndsWith, PersonalDomains, -10),
            Fit("no-authority", "No buying authority", "authority", Operator.Equals, ["none"], -10),
            Activity("pricing-page", "Pricing page visit", "page_visit", [Filter("url", Operator.Contains, "/pricing")], 10, 3, 30, 90, Decay.HalfLife(30)),
            Activity("demo-request", "Demo request", "demo_request", [], 40, 1, null, 120, Decay.HalfLife(45)),
            Activity("trial-signup", "Trial sign-up", "trial_signup", [], 30, 1, null, 90, Decay.Linear(90)),
            Activity("trial-usage", "Active in the trial", "trial_activity", [], 3, 10, 24, 30, Decay.HalfLife(14)),
            Activity("contact-form", "Contact sales form", "form_fill", [Filter("form", Operator.Equals, "contact-sales")], 15, 2, 30, 90, Decay.HalfLife(30)),
            Activity("whitepaper", "White paper or PDF download", "content_download", [Filter("content_type", Operator.OneOf, "whitepaper", "pdf")], 8, 4, 24, 180, Decay.HalfLife(60)),
            Activity("case-study", "Case study download", "content_download", [Filter("content_type", Operator.Equals, "case_study")], 6, 3, 15, 180, Decay.HalfLife(60)),
            Activity("webinar", "Webinar attended", "webinar", [], 4, 3, 12, 180, Decay.HalfLife(60)),
            Activity("email-click", "E-mail click", "email_click", [], 2, 5, 10, 60, Decay.HalfLife(30)),
            Activity("page-visit", "Any page visit", "page_visit", [], 1, 10, 5, 30, Decay.HalfLife(14)),
            Activity("intent-strong", "Strong third-party intent", "intent_signal", [Filter("strength", Operator.AtLeast, "70")], 10, 2, 20, 30, Decay.HalfLife(14)),
            Activity("analytics-pages", "Analytics product pages", "page_visit", [Filter("url", Operator.Contains, "/product/analytics")], 4, 5, 20, 60, Decay.HalfLife(30), "analytics"),
            Activity("analytics-content", "Analytics content", "content_download", [Filter("topic", Operator.Equals, "analytics")], 6, 3, 18, 120, Decay.HalfLife(45), "analytics"),
            Activity("payments-pages", "Payments product pages", "page_visit", [Filter("url", Operator.Contains, "/product/payments")], 4, 5, 20, 60, Decay.HalfLife(30), "payments"),
            Activity("payments-content", "Payments content", "content_download", [Filter("topic", Operator.Equals, "payments")], 6, 3, 18, 120, Decay.HalfLife(45), "payments"),
            Activity("security-content", "Security white paper", "content_download", [Filter("topic", Operator.Equals, "security")], 8, 3, 24, 120, Decay.HalfLife(45), "security"),
            Activity("careers-page", "Careers page visit", "page_visit", [Filter("url", Operator.Contains, "/careers")], -15, 1, null, 90, Decay.None),
            new AttributeCriterion("unsubscribed", "Unsubscribed from e-mail", Dimension.Engagement, null, new AttributeCondition("unsubscribed", Operator.Equals, ["yes"]), -20),
        ],
        Disqualifiers =
        [
            new("competitor", "Works for a competitor", new AttributeCondition("email", Operator.EndsWith, ["@rivalsoft.com", "@scorely.io"])),
            new("student", "Student", new AttributeCondition("seniority", Operator.Equals, ["Student"])),
            new("student-email", "Student e-mail address", new AttributeCondition("email", Operator.EndsWith, [".edu", ".ac.uk"])),
        ],
        Inactivity = new InactivityRule(-50, 30, -150),
        Completeness = new CompletenessRule(10, ["job_title", "seniority", "industry", "company_size", "country", "phone"]),
        Limits = new ScoreLimits(new ScoreLimit(0, 100), new ScoreLimit(0, 150), ScoreLimit.None),
        FitBands = new GradeBands(60, 40, 20),
        EngagementBands = new GradeBands(60, 35, 15),
        Actions = Models.Cell.All.Select(ActionFor).ToValueList(),
        MqlCells = [Models.Cell.Parse("A1"), Models.Cell.Parse("A2"), Models.Cell.Parse("B1"), Models.Cell.Parse("B2"), Models.Cell.Parse("A3")],
        Recycling = new RecyclingRule(30),
    };

    private static CellAction ActionFor(Cell cell) => cell.ToString() switch
    {
        "A1" => new("Call within the hour", Route.SalesNow, 1, 1),
        "A2" or "B1" => new("Call today", Route.SalesNow, 2, 4),
        "B2" => new("Reach out within a day", Route.Sales, 3, 24),
        "A3" => new("Qualify by e-mail", Route.Sales, 4, 48),
        "C1" or "D1" => new("Account-based outreach", Route.AccountBased, 5, null),
        "A4" or "B3" or "C2" => new("Nurture with product content", Route.Nurture, 6, null),
        "D4" => new("Disqualify: no fit, no interest", Route.Disqualify, 8, null),
        _ => new("Nurture", Route.Nurture, 7, null),
    };

    private static AttributeCriterion Fit(string id, string label, string field, Operator op, ValueList<string> values, int points, string? category = null) =>
        new(id, label, Dimension.Fit, category, new AttributeCondition(field, op, values), points);

    private static PropertyFilter Filter(string property, Operator op, params string[] values) =>
        new(property, op, values.ToValueList());

    private static ActivityCriterion Activity(
        string id, string label, string type, ValueList<PropertyFilter> filters, int points, int? maxOccurrences, int? maxPoints, int? lookbackDays, Decay decay, string? category = null) =>
        new(id, label, Dimension.Engagement, category, new ActivityCondition(type, filters), points, maxOccurrences, maxPoints, lookbackDays, decay);
}
