using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Demo;

/// <summary>
/// Draws a year of activity for one demo lead. A hidden interest level drives how much the lead
/// does and how much of it is buying behaviour (pricing, demo, trial, sales forms).
/// </summary>
internal static class DemoActivities
{
    private static readonly string[] Sources = ["organic", "paid", "email", "direct", "social", "referral"];
    private static readonly string[] Topics = ["analytics", "payments", "security", "general"];
    private static readonly string[] GeneralPages = ["/", "/blog/lead-scoring-basics", "/blog/attribution", "/docs", "/customers", "/about", "/integrations"];

    public static List<Activity> Draw(Random random, DateTimeOffset asOf, double averageCount, double interest, bool jobSeeker)
    {
        var count = (int)Math.Min(400, Math.Round(averageCount * Math.Exp((0.8 * interest) - 0.32) * (0.5 + random.NextDouble())));
        var lastActiveDaysAgo = -45.0 * Math.Log(1.0 - random.NextDouble());
        var spanDays = 20 + (random.NextDouble() * 300);
        var buying = 1.0 / (1.0 + Math.Exp(-(interest - 1.0)));
        var hasTrial = Pick.Chance(random, 0.15 * buying * 2);
        var activities = new List<Activity>(count + 2);
        for (var i = 0; i < count; i++)
        {
            var daysAgo = lastActiveDaysAgo + (spanDays * Math.Pow(random.NextDouble(), 2));
            if (daysAgo > 365)
            {
                continue;
            }

            var at = asOf.AddMinutes(-Math.Round(daysAgo * 24 * 60));
            activities.Add(DrawOne(random, at, buying, hasTrial, jobSeeker));
        }

        if (Pick.Chance(random, 0.12 * buying) && lastActiveDaysAgo < 200)
        {
            activities.Add(new Activity("demo_request", asOf.AddDays(-lastActiveDaysAgo - random.Next(0, 20)), Props(("source", Pick.Uniform(random, Sources)))));
        }

        if (hasTrial && lastActiveDaysAgo < 200)
        {
            activities.Add(new Activity("trial_signup", asOf.AddDays(-lastActiveDaysAgo - random.Next(5, 30)), Activity.NoProperties));
        }

        return activities;
    }

    private static Activity DrawOne(Random random, DateTimeOffset at, double buying, bool hasTrial, bool jobSeeker)
    {
        var type = Pick.One(
            random,
            ("page_visit", 50.0),
            ("email_click", 15),
            ("content_download", 12),
            ("webinar", 4),
            ("form_fill", 3),
            ("intent_signal", 6),
            ("trial_activity", hasTrial ? 15 : 0));
        return type switch
        {
            "page_visit" => new Activity(type, at, Props(("url", PageUrl(random, buying, jobSeeker)), ("source", Pick.Uniform(random, Sources)))),
            "content_download" => new Activity(type, at, Props(
                ("content_type", Pick.One(random, ("whitepaper", 30.0), ("pdf", 15), ("case_study", 20), ("ebook", 20), ("webinar_recording", 15))),
                ("topic", Pick.Uniform(random, Topics)))),
            "webinar" => new Activity(type, at, Props(("topic", Pick.Uniform(random, Topics)))),
            "email_click" => new Activity(type, at, Props(("campaign", Pick.One(random, ("newsletter", 60.0), ("product-update", 25), ("event", 15))))),
            "form_fill" => new Activity(type, at, Props(("form", Pick.One(random, ("newsletter", 50.0), ("contact-sales", 40 * buying), ("event", 20))))),
            "intent_signal" => new Activity(type, at, Props(
                ("topic", Pick.Uniform(random, Topics)),
                ("strength", ((int)Math.Round(Math.Clamp((100 * buying) + (25 * Pick.Normal(random)), 0, 100))).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("source", Pick.One(random, ("bombora", 1.0), ("g2", 1))))),
            _ => new Activity(type, at, Props(("feature", Pick.Uniform(random, Topics)))),
        };
    }

    private static string PageUrl(Random random, double buying, bool jobSeeker) => Pick.One(
        random,
        (Pick.Uniform(random, GeneralPages), 60.0),
        ("/pricing", 25 * buying),
        ("/product/analytics", 10),
        ("/product/payments", 10),
        ("/careers", jobSeeker ? 30 : 0.5));

    private static IReadOnlyDictionary<string, string> Props(params (string Key, string Value)[] properties)
    {
        var dictionary = new Dictionary<string, string>(properties.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in properties)
        {
            dictionary[key] = value;
        }

        return dictionary;
    }
}
