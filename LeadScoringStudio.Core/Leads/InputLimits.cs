namespace LeadScoringStudio.Core.Leads;

/// <summary>
/// How much one lead, one request or one file may carry. Anything beyond is refused with a sentence naming the
/// place, never truncated: a 10 MB lead name or 200,000 activities in one request would otherwise be stored and then
/// sent to every open page.
/// </summary>
public static class InputLimits
{
    /// <summary>Lead ids, field names and activity types.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>One text value: a name, a company, a property of an activity, a comment.</summary>
    public const int MaxTextLength = 2_000;

    public const int MaxAttributesPerLead = 1_000;

    public const int MaxPropertiesPerActivity = 50;

    /// <summary>Activities per lead in one request or one import row set.</summary>
    public const int MaxActivitiesPerLead = 1_000;

    /// <summary>Columns of an imported file.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>The largest opportunity or deal amount (a trillion in any currency).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Activities must have happened after this and at most a day after now.</summary>
    public static readonly DateTimeOffset EarliestActivity = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What is wrong with a text value, or null when it is within the limit.</summary>
    public static string? TextProblem(string? text, int maxLength = MaxTextLength) =>
        text is { Length: var length } && length > maxLength
            ? $"is {length:N0} characters long; at most {maxLength:N0} are kept"
            : null;

    /// <summary>What is wrong with when an activity happened, or null when it is plausible.</summary>
    public static string? ActivityTimeProblem(DateTimeOffset at, DateTimeOffset now) =>
        at < EarliestActivity ? $"{at:yyyy-MM-dd} is before 1970"
        : at > now.AddDays(1) ? $"{at:yyyy-MM-dd HH:mm} is in the future"
        : null;
}
