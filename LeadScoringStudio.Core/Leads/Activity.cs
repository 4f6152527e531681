namespace LeadScoringStudio.Core.Leads;

/// <summary>
/// One thing a lead did: a page visit, a download, an e-mail click, a demo request, an intent signal.
/// Properties carry the details criteria filter on (url, content type, topic, source, strength).
/// </summary>
public sealed record Activity(string Type, DateTimeOffset At, IReadOnlyDictionary<string, string> Properties)
{
    private readonly Dictionary<string, string> _properties = AnyCaseKeys.Of(Properties);

    public static IReadOnlyDictionary<string, string> NoProperties { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public Activity(string type, DateTimeOffset at)
        : this(type, at, NoProperties)
    {
    }

    /// <summary>The details, by name in any case.</summary>
    public IReadOnlyDictionary<string, string> Properties
    {
        get => _properties;
        init => _properties = AnyCaseKeys.Of(value);
    }

    /// <summary>The same properties as the dictionary they are held in, for readers that walk every activity.</summary>
    internal Dictionary<string, string> AnyCaseProperties => _properties;

    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;
}
