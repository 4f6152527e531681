using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Import;

/// <summary>A known field a column's name stands for, and why it was taken to.</summary>
public sealed record FieldMatch(FieldDefinition Field, string Why);

/// <summary>
/// Which known field a column name means, as somebody else's CRM names it: the field's own name or label, a word
/// that means the same ("Full name" is the name, "Employees" the company size), or a near spelling ("Industy").
/// </summary>
public static class FieldMeaning
{
    /// <summary>Other names for the starter model's fields, as CRM exports and spreadsheets write them.</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["name"] = ["full name", "contact name", "lead name", "first and last name"],
        ["email"] = ["e-mail", "mail", "email address", "e-mail address", "work email", "business email"],
        ["company"] = ["company name", "account", "account name", "organisation", "organization", "employer"],
        ["company_size"] = ["employees", "number of employees", "no of employees", "employee count", "headcount",
            "staff", "company employees"],
        ["annual_revenue"] = ["revenue", "turnover", "yearly revenue", "annual turnover"],
        ["job_title"] = ["title", "position", "job", "role"],
        ["seniority"] = ["level", "job level", "seniority level"],
        ["industry"] = ["sector", "vertical"],
        ["country"] = ["nation", "country region", "country/region"],
        ["phone"] = ["phone number", "telephone", "mobile", "tel"],
        ["timeline_months"] = ["timeline", "purchase timeline"],
    };

    /// <summary>The fields every lead has, whatever the model says: a column can be the name even when the model
    /// scores no name.</summary>
    public static IReadOnlyList<FieldDefinition> LeadFields { get; } =
    [
        new(Leads.Lead.NameField, "Name", Leads.FieldType.Text),
        new(Leads.Lead.EmailField, "E-mail", Leads.FieldType.Text),
        new(Leads.Lead.CompanyField, "Company", Leads.FieldType.Text),
    ];

    public static FieldMatch? Of(string column, IReadOnlyList<FieldDefinition> fields)
    {
        var name = Normal(column);
        if (name.Length == 0)
        {
            return null;
        }

        if (fields.FirstOrDefault(f => Normal(f.Name) == name) is { } named)
        {
            return new FieldMatch(named, "same name");
        }

        if (fields.FirstOrDefault(f => Normal(f.Label) == name) is { } labelled)
        {
            return new FieldMatch(labelled, $"same as the field's label “{labelled.Label}”");
        }

        if (fields.FirstOrDefault(f => Synonyms.TryGetValue(f.Name, out var others) && others.Contains(name))
            is { } meant)
        {
            return new FieldMatch(meant, $"“{column.Trim()}” means {meant.Label.ToLowerInvariant()}");
        }

        return fields
            .Select(f => (Field: f, Distance: Distance(name, Normal(f.Name))))
            .Where(c => c.Distance > 0 && c.Distance <= Allowed(name))
            .OrderBy(c => c.Distance)
            .Select(c => new FieldMatch(c.Field, $"close to the field name “{c.Field.Name}”"))
            .FirstOrDefault();
    }

    /// <summary>Typos allowed for a name of this length: none below 7 letters, where one letter makes another word
    /// ("county" is not "country").</summary>
    private static int Allowed(string name) => name.Length switch { < 7 => 0, < 10 => 1, _ => 2 };

    private static string Normal(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Replace('_', ' ').Replace('#', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Levenshtein distance: letters inserted, removed or replaced.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
