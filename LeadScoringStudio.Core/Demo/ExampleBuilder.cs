using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Core.Demo;

/// <summary>Reads like the story it builds: <c>.Is(...)</c> sets attributes, the verbs add activities so many days before asOf.</summary>
internal sealed class ExampleBuilder(string id, DateTimeOffset asOf, string name, string email, string company)
{
    private readonly Dictionary<string, FieldValue> _attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        [Lead.NameField] = FieldValue.OfText(name),
        [Lead.EmailField] = FieldValue.OfText(email),
        [Lead.CompanyField] = FieldValue.OfText(company),
    };

    private readonly List<Activity> _activities = [];

    public ExampleBuilder Is(params (string Field, object Value)[] attributes)
    {
        foreach (var (field, value) in attributes)
        {
            _attributes[field] = value switch
            {
                bool yes => FieldValue.OfYesNo(yes),
                int number => FieldValue.OfNumber(number),
                _ => FieldValue.OfText((string)value),
            };
        }

        return this;
    }

    public ExampleBuilder Did(int daysAgo, string type, params (string Key, string Value)[] properties)
    {
        var props = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        _activities.Add(new Activity(type, asOf.AddDays(-daysAgo).AddHours(-_activities.Count), props));
        return this;
    }

    public ExampleBuilder Visited(int daysAgo, string url, string source = "direct") => Did(daysAgo, "page_visit", ("url", url), ("source", source));

    public ExampleBuilder Downloaded(int daysAgo, string contentType, string topic) => Did(daysAgo, "content_download", ("content_type", contentType), ("topic", topic));

    public ExampleBuilder Clicked(int daysAgo, string campaign) => Did(daysAgo, "email_click", ("campaign", campaign));

    public ExampleBuilder Filled(int daysAgo, string form) => Did(daysAgo, "form_fill", ("form", form));

    public ExampleLead Tells(string story) =>
        new(new Lead(id, _attributes, _activities.OrderByDescending(a => a.At).ToList()), story);
}
