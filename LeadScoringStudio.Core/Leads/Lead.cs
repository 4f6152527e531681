namespace LeadScoringStudio.Core.Leads;

/// <summary>
/// A person the model scores: typed attributes (name, e-mail and company are ordinary text attributes)
/// and the history of what they did.
/// </summary>
public sealed record Lead(
    string Id,
    IReadOnlyDictionary<string, FieldValue> Attributes,
    IReadOnlyList<Activity> Activities)
{
    private readonly Dictionary<string, FieldValue> _attributes = AnyCaseKeys.Of(Attributes);

    public const string NameField = "name";
    public const string EmailField = "email";
    public const string CompanyField = "company";

    /// <summary>The typed attributes, by name in any case.</summary>
    public IReadOnlyDictionary<string, FieldValue> Attributes
    {
        get => _attributes;
        init => _attributes = AnyCaseKeys.Of(value);
    }

    /// <summary>The same attributes as the dictionary they are held in, for readers that walk every lead.</summary>
    internal Dictionary<string, FieldValue> AnyCaseAttributes => _attributes;

    public string Name => Attribute(NameField).ToString();

    public string Email => Attribute(EmailField).ToString();

    public string Company => Attribute(CompanyField).ToString();

    /// <summary>What to call the lead in a list: its name, else its e-mail, else its company, else its id.</summary>
    public string DisplayName =>
        new[] { Name, Email, Company }.FirstOrDefault(text => !string.IsNullOrWhiteSpace(text)) ?? $"Lead {Id}";

    /// <summary>Job title, company and e-mail, those known, on one line.</summary>
    public string Byline => string.Join(" · ", new[] { Attribute("job_title").ToString(), Company, Email }
        .Where(text => !string.IsNullOrWhiteSpace(text)));

    /// <summary>When the lead was first seen: its earliest activity, or null without any.</summary>
    public DateTimeOffset? FirstSeenAt => Activities.Count == 0 ? null : Activities.Min(a => a.At);

    public FieldValue Attribute(string field) =>
        Attributes.TryGetValue(field, out var value) ? value : FieldValue.Missing;
}
