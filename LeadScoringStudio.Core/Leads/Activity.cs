namespace LeadScoringStudio.Core.Leads;

/// <summary>
/// One thing a lead did: a page visit, a download, an e-mail click, a demo request, an intent signal.
/// Properties carry the details criteria filter on (url, content type, topic, source, strength).
/// </summary>
public sealed record Activity(string Type, DateTimeOffset At, IReadOnlyDictionary<string, string> Properties)
{
    private readonly IReadOnlyDictionary<string, string> _properties = AnyCaseKeys.Of(Properties);

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

    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;
}
