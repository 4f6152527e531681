using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Demo;

/// <summary>Draws the firmographic and personal attributes of one demo lead, blanks included.</summary>
internal static class DemoAttributes
{
    private static readonly string[] FirstNames = ["Ada", "Ben", "Chloé", "Dev", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kiran", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zoe"];
    private static readonly string[] LastNames = ["Andersen", "Brooks", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hughes", "Ivanova", "Jansen", "Kowalski", "Lopez", "Müller", "Nakamura", "Okafor", "Patel", "Rossi", "Schmidt", "Tanaka", "Varga", "Walsh", "Young", "Zhang"];
    private static readonly string[] CompanyStems = ["Acme", "Brightline", "Cobalt", "Dunmore", "Everfield", "Fjord", "Granite", "Helix", "Ironwood", "Juniper", "Keystone", "Lumen", "Meridian", "Northwind", "Orbit", "Pinnacle", "Quarry", "Redwood", "Summit", "Tidal", "Umbra", "Vantage", "Willow", "Zenith"];
    private static readonly string[] CompanySuffixes = ["Labs", "Systems", "Group", "Analytics", "Retail", "Health", "Bank", "Logistics", "Software", "Foods"];
    private static readonly string[] PersonalDomains = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com"];

    public static Dictionary<string, FieldValue> Draw(Random random)
    {
        var first = Pick.Uniform(random, FirstNames);
        var last = Pick.Uniform(random, LastNames);
        var company = $"{Pick.Uniform(random, CompanyStems)} {Pick.Uniform(random, CompanySuffixes)}";
        var seniority = Pick.One<string?>(random, ("C-level", 6), ("VP", 10), ("Director", 18), ("Manager", 28), ("Individual contributor", 30), ("Student", 2), (null, 6));
        var department = Pick.One(random, ("Marketing", 30.0), ("Sales", 20), ("Engineering", 20), ("Finance", 15), ("Operations", 15));
        var size = Pick.Chance(random, 0.1) ? (double?)null : Math.Round(Math.Exp(Math.Log(300) + (1.4 * Pick.Normal(random))));
        var attributes = new Dictionary<string, FieldValue>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = FieldValue.OfText($"{first} {last}"),
            ["email"] = FieldValue.OfText(Email(random, first, last, company, seniority)),
            ["company"] = FieldValue.OfText(company),
            ["job_title"] = FieldValue.OfText(seniority is null ? null : Title(seniority, department)),
            ["seniority"] = FieldValue.OfText(seniority),
            ["persona"] = FieldValue.OfText(Pick.One<string?>(random, ("buyer", 35), ("influencer", 40), ("user", 22), (null, 3))),
            ["industry"] = FieldValue.OfText(Pick.One<string?>(random, ("Software", 25), ("Financial services", 15), ("E-commerce", 12), ("Manufacturing", 12), ("Healthcare", 10), ("Education", 6), ("Retail", 10), (null, 10))),
            ["company_size"] = size is { } employees ? FieldValue.OfNumber(Math.Max(1, employees)) : FieldValue.Missing,
            ["annual_revenue"] = size is { } s && Pick.Chance(random, 0.75) ? FieldValue.OfNumber(Math.Round(s * 0.15 * Math.Exp(0.5 * Pick.Normal(random)), 1)) : FieldValue.Missing,
            ["country"] = FieldValue.OfText(Pick.One<string?>(random, ("US", 35), ("GB", 12), ("DE", 12), ("FR", 8), ("NL", 5), ("CA", 5), ("IN", 8), ("BR", 5), ("AU", 5), (null, 5))),
            ["crm"] = FieldValue.OfText(Pick.One<string?>(random, ("Salesforce", 35), ("HubSpot", 25), ("Dynamics", 10), ("Pipedrive", 8), (null, 22))),
            ["uses_data_warehouse"] = YesNo(random, 0.4, 0.45),
            ["budget_confirmed"] = YesNo(random, 0.15, 0.3),
            ["authority"] = FieldValue.OfText(Pick.One<string?>(random, ("decision maker", 20), ("influencer", 35), ("none", 15), (null, 30))),
            ["timeline_months"] = Pick.Chance(random, 0.5) ? FieldValue.Missing : FieldValue.OfNumber(Pick.Uniform(random, new[] { 3.0, 6, 12, 24 })),
            ["phone"] = FieldValue.OfText(Pick.Chance(random, 0.6) ? $"+1 555 {random.Next(1000, 9999)}" : null),
            ["unsubscribed"] = FieldValue.OfYesNo(Pick.Chance(random, 0.05)),
        };
        return attributes;
    }

    private static string Email(Random random, string first, string last, string company, string? seniority)
    {
        var local = $"{first}.{last}".ToLowerInvariant();
        var domain = Pick.One(
            random,
            (company.Split(' ')[0].ToLowerInvariant() + ".com", 84.0),
            (Pick.Uniform(random, PersonalDomains), 12),
            ("rivalsoft.com", 1),
            (seniority == "Student" ? "uni.edu" : "state.edu", 1.5));
        return $"{local}@{domain}";
    }

    private static string Title(string seniority, string department) => seniority switch
    {
        "C-level" => department == "Finance" ? "CFO" : department == "Engineering" ? "CTO" : "CMO",
        "VP" => $"VP {department}",
        "Director" => $"Director of {department}",
        "Manager" => $"{department} Manager",
        "Student" => "Student",
        _ => $"{department} Specialist",
    };

    private static FieldValue YesNo(Random random, double yes, double no)
    {
        var roll = random.NextDouble();
        return roll < yes ? FieldValue.OfYesNo(true) : roll < yes + no ? FieldValue.OfYesNo(false) : FieldValue.Missing;
    }
}
