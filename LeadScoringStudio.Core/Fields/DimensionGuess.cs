using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Fields;

/// <summary>
/// Guesses from a field's name whether it describes what the lead did (engagement: visits, time on site, last
/// activity, clicks, opens…) or who they are (fit). Words are matched where a word starts, so "form" finds
/// "form fills" but not "platform"; "TotalVisits" reads as "Total Visits". People can change the guess in the field
/// catalog.
/// </summary>
public static class DimensionGuess
{
    private static readonly string[] EngagementWords =
    [
        "visit", "view", "click", "open", "download", "session", "time on", "time spent", "activit", "engage",
        "webinar", "event", "attend", "form", "submission", "page", "repl", "last seen", "touch", "interaction",
        "trial", "signup", "sign up", "login", "campaign", "previous", "days since", "pdays",
    ];

    public static Dimension For(string nameOrLabel)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(nameOrLabel, "(?<=[a-z])(?=[A-Z])", " ");
        var name = " " + string.Join(' ', words.ToLowerInvariant()
            .Split([' ', '_', '-', '.', '/'], StringSplitOptions.RemoveEmptyEntries));
        return EngagementWords.Any(word => name.Contains(" " + word,
            StringComparison.Ordinal)) ? Dimension.Engagement : Dimension.Fit;
    }
}
