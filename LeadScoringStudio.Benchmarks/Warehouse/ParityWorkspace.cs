using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Benchmarks.Warehouse;

/// <summary>
/// What the warehouse parity test and the <c>--sql-parity</c> benchmark score: generated leads, made harder (text in
/// other cases and with spaces, blanks, numbers written as text, dates, activity types and property names in other
/// cases, activities after the scoring moment), and a model that uses every kind of criterion the SQL compiler writes.
/// </summary>
internal static class ParityWorkspace
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Ratings =
    [
        "70", " 85 ", "12.5", "1e2", "+40", ".5", "5.", "-3", "99E-1", "50", "49.999", "n/a", "", "  ", "1_000",
        "0x10", "Infinity", "1e999", "1,5", "\u00A060\u00A0",
    ];

    private static readonly string[] Paddings = [" ", "  ", "\t", "\u00A0", "\u2003"];

    /// <summary>The starter model with the webinar topics of the benchmark model and criteria for every operator,
    /// field type, decay kind and limit.</summary>
    public static ScoringModel Model()
    {
        var starter = StarterModel.Create();
        Criterion[] extra =
        [
            .. new[] { "general", "analytics", "payments", "security" }.Select((topic, i) =>
                Activity($"webinar-{topic}", "webinar", [Filter("topic", Operator.Equals, topic)], 2 + i, 3, 10, 180,
                    Decay.HalfLife(60))),
            new AttributeCriterion("director-software", "Director in software", Dimension.Fit, "payments",
                new AttributeCondition("seniority", Operator.Equals, ["director"]), 3)
            {
                AlsoWhen = [new AttributeCondition("industry", Operator.OneOf, ["software", "E-commerce"])],
            },
            Attribute("outside-core", "country", Operator.NotOneOf, -1, "US", "GB"),
            Attribute("no-phone", "phone", Operator.IsMissing, -2),
            Attribute("has-crm", "crm", Operator.IsPresent, 1),
            Attribute("vp-or-head", "job_title", Operator.StartsWith, 2, "vp", "Head of"),
            Attribute("labs-or-bank", "company", Operator.Contains, 1, "LABS", "ank"),
            Attribute("any-phone", "phone", Operator.Contains, 1, ""),
            Attribute("two-word-title", "job_title", Operator.Contains, 1, " "),
            Attribute("names-ending-a", "name", Operator.EndsWith, 1, "a"),
            Attribute("contacted-2025", "first_contact", Operator.Between, 2, "2025-01-01", "2025-12-31"),
            Attribute("contacted-early", "first_contact", Operator.AtMost, -1, "2024-06-30"),
            Attribute("rated-high", "lead_rating", Operator.AtLeast, 4, "50"),
            Attribute("rated-mid", "lead_rating", Operator.Between, 2, "10", "49.999"),
            Attribute("rated-typed", "lead_rating", Operator.OneOf, 1, "N/A", "1e2"),
            Attribute("timeline-quarter", "timeline_months", Operator.OneOf, 1, "3", "not a number"),
            Attribute("small-team", "company_size", Operator.AtMost, -2, "20"),
            Attribute("no-warehouse", "uses_data_warehouse", Operator.NotOneOf, -1, "yes"),
            Activity("clicks-linear", "email_click", [], 5, null, null, null, Decay.Linear(30)),
            Activity("blog-reader", "page_visit", [Filter("url", Operator.StartsWith, "/blog")], 3, null, 9, 120,
                Decay.Linear(40)),
            Activity("untagged-visits", "page_visit", [Filter("campaign", Operator.IsMissing)], 1, 3, null, 14,
                Decay.None),
            Activity("other-content", "content_download",
                [Filter("content_type", Operator.NotOneOf, "whitepaper", "pdf"), Filter("topic", Operator.IsPresent)],
                -3, 4, 7, 90, Decay.HalfLife(20)),
            Activity("newsletter-clicks", "email_click", [Filter("campaign", Operator.EndsWith, "LETTER")], -2, null, 5,
                365, Decay.HalfLife(90)),
            Activity("intent-mid", "intent_signal", [Filter("strength", Operator.Between, "40", "69.5")], 3, 2, null,
                60, Decay.HalfLife(7)),
        ];
        return starter with
        {
            Name = "Warehouse parity model",
            Fields =
            [
                .. starter.Fields,
                new FieldDefinition("first_contact", "First contact", FieldType.Date),
                new FieldDefinition("lead_rating", "Lead rating", FieldType.Text),
            ],
            Criteria = [.. starter.Criteria, .. extra],
            Disqualifiers =
            [
                .. starter.Disqualifiers,
                new Disqualifier("job-seeker", "Applied for a job",
                    new ActivityCondition("PAGE_VISIT", [Filter("url", Operator.Contains, "/careers/apply")])),
            ],
            Completeness = starter.Completeness! with
            {
                Fields = [.. starter.Completeness!.Fields, "first_contact", "lead_rating", "budget_confirmed"],
            },
            Limits = starter.Limits with { Total = new ScoreLimit(-40, 200) },
        };
    }

    /// <summary>The generated leads of a seed, made harder; the same leads for the same seed.</summary>
    public static IEnumerable<Lead> Leads(int seed, int count) =>
        new DemoDataGenerator(seed, AsOf).GenerateMany(count)
            .Select((g, i) => Harder(g.Lead, new Random(unchecked((seed * 48_271) + (i * 7) + 3))));

    private static Lead Harder(Lead lead, Random random)
    {
        var attributes = lead.Attributes.ToDictionary(p => p.Key,
            p => p.Value.Type == FieldType.Text ? FieldValue.OfText(Reworded(p.Value.Text!, random)) : p.Value,
            StringComparer.OrdinalIgnoreCase);
        if (random.Next(5) > 0)
        {
            attributes["first_contact"] =
                FieldValue.OfDate(DateOnly.FromDateTime(AsOf.UtcDateTime).AddDays(-random.Next(900)));
        }

        if (random.Next(4) > 0)
        {
            var rating = Ratings[random.Next(Ratings.Length)];
            attributes["lead_rating"] = FieldValue.OfText(random.Next(3) == 0 ? rating : $"{random.Next(101)}");
        }

        var activities = lead.Activities.Select(a => Reworded(a, random)).ToList();
        if (random.Next(50) == 0)
        {
            activities.Add(new Activity("demo_request", AsOf.AddDays(2)));
        }

        if (random.Next(200) == 0)
        {
            activities.Add(new Activity("page_visit", AsOf.AddDays(-random.Next(300)),
                new Dictionary<string, string> { ["url"] = "/careers/apply/42" }));
        }

        return new Lead(lead.Id, attributes, activities);
    }

    /// <summary>Text in another case (1 in 8) or padded with white space (1 in 16), else as it was.</summary>
    private static string Reworded(string text, Random random) => random.Next(16) switch
    {
        0 or 1 => text.ToUpperInvariant(),
        2 => Paddings[random.Next(Paddings.Length)] + text + Paddings[random.Next(Paddings.Length)],
        _ => text,
    };

    private static Activity Reworded(Activity activity, Random random)
    {
        if (random.Next(20) > 0)
        {
            return activity;
        }

        var properties = activity.Properties.ToDictionary(p => random.Next(2) == 0 ? p.Key.ToUpperInvariant() : p.Key,
            p => Reworded(p.Value, random));
        var type = random.Next(2) == 0 ? activity.Type.ToUpperInvariant() : activity.Type;
        return new Activity(type, activity.At, properties);
    }

    private static AttributeCriterion Attribute(string id, string field, Operator op, int points,
        params string[] values) =>
        new(id, id, points < 0 ? Dimension.Engagement : Dimension.Fit, null,
            new AttributeCondition(field, op, values.ToValueList()), points);

    private static ActivityCriterion Activity(string id, string type, ValueList<PropertyFilter> filters, int points,
        int? maxOccurrences, int? maxPoints, int? lookbackDays, Decay decay) =>
        new(id, id, Dimension.Engagement, null, new ActivityCondition(type, filters), points, maxOccurrences, maxPoints,
            lookbackDays, decay);

    private static PropertyFilter Filter(string property, Operator op, params string[] values) =>
        new(property, op, values.ToValueList());
}
