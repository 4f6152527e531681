namespace LeadScoringStudio.Core.Lifecycle;

/// <summary>Why sales rejected a lead: a fixed list, so the answers can be counted and used for tuning.</summary>
public enum RejectionReason
{
    BadFit,
    TooEarly,
    WrongPersona,
    NoAuthority,
    Competitor,
    StudentOrJobSeeker,
    Duplicate,
    AlreadyCustomer,
    BadData,
    Other,
}

public static class RejectionReasons
{
    public static string Describe(RejectionReason reason) => reason switch
    {
        RejectionReason.BadFit => "Bad fit",
        RejectionReason.TooEarly => "Too early / no intent",
        RejectionReason.WrongPersona => "Wrong persona",
        RejectionReason.NoAuthority => "No authority",
        RejectionReason.Competitor => "Competitor",
        RejectionReason.StudentOrJobSeeker => "Student or job seeker",
        RejectionReason.Duplicate => "Duplicate",
        RejectionReason.AlreadyCustomer => "Already a customer",
        RejectionReason.BadData => "Bad data",
        _ => "Other",
    };

    /// <summary>The button that records it: "Accept", "Reject", "Meeting held", ….</summary>
    public static string Verb(SalesEventKind kind) => kind switch
    {
        SalesEventKind.Accepted => "Accept",
        SalesEventKind.Rejected => "Reject",
        SalesEventKind.Qualified => "Qualify",
        _ => Describe(kind),
    };

    public static string Describe(SalesEventKind kind) => kind switch
    {
        SalesEventKind.Accepted => "Accepted",
        SalesEventKind.Rejected => "Rejected",
        SalesEventKind.Qualified => "Qualified",
        SalesEventKind.MeetingHeld => "Meeting held",
        SalesEventKind.OpportunityCreated => "Opportunity created",
        SalesEventKind.Won => "Won",
        _ => "Lost",
    };
}

/// <summary>One accept or reject of a lead, as the feedback summary counts it.</summary>
public sealed record FeedbackFact(DateTimeOffset At, bool Accepted, RejectionReason? Reason, string Cell, string Source,
    string LeadId = "");

/// <summary>
/// One figure of the feedback summary opened up: the accepts or rejects behind a reason (in one week, or all), a cell
/// or a source. Each part left null takes any value.
/// </summary>
public sealed record FeedbackDrill(DateOnly? Week = null, RejectionReason? Reason = null, string? Cell = null,
    string? Source = null, bool? Accepted = null)
{
    public bool Matches(FeedbackFact fact) =>
        (Week is null || FeedbackSummary.WeekOf(fact.At) == Week)
        && (Reason is null || fact.Reason == Reason)
        && (Cell is null || fact.Cell == Cell)
        && (Source is null || fact.Source == Source)
        && (Accepted is null || fact.Accepted == Accepted);

    /// <summary>The facts behind this figure, latest first.</summary>
    public IReadOnlyList<FeedbackFact> Behind(IEnumerable<FeedbackFact> facts) =>
        facts.Where(Matches).OrderByDescending(f => f.At).ToList();

    /// <summary>What was opened, as a heading: "Rejected as Wrong persona, week of 16 Nov, in cell B2".</summary>
    public string Describe() => string.Join(", ", new[]
    {
        Accepted switch { true => "Accepted", false => "Rejected", _ => "Accepted or rejected" }
            + (Reason is { } r ? $" as {RejectionReasons.Describe(r)}" : ""),
        Week is { } w ? $"week of {w:d MMM}" : null,
        Cell is { } c ? $"in cell {c}" : null,
        Source is { } s ? $"from {s}" : null,
    }.OfType<string>());
}

/// <summary>What sales said, summed up for Marketing: acceptance rate, and rejection reasons by week, cell and source.</summary>
public sealed record FeedbackSummary(
    int Accepted, int Rejected,
    IReadOnlyList<(DateOnly Week, RejectionReason Reason, int Count)> RejectionsByWeek,
    IReadOnlyList<(string Cell, int Accepted, int Rejected)> ByCell,
    IReadOnlyList<(string Source, int Accepted, int Rejected)> BySource)
{
    public double? AcceptanceRate => Accepted + Rejected == 0 ? null : (double)Accepted / (Accepted + Rejected);

    public static FeedbackSummary Of(IReadOnlyList<FeedbackFact> facts) => new(
        facts.Count(f => f.Accepted),
        facts.Count(f => !f.Accepted),
        facts.Where(f => !f.Accepted && f.Reason is not null)
            .GroupBy(f => (Week: WeekOf(f.At), f.Reason!.Value))
            .Select(g => (g.Key.Week, g.Key.Value, g.Count()))
            .OrderBy(g => g.Week).ThenByDescending(g => g.Item3)
            .ToList(),
        facts.GroupBy(f => f.Cell).Select(g => (g.Key, g.Count(f => f.Accepted), g.Count(f => !f.Accepted))).OrderBy(g => g.Key).ToList(),
        facts.GroupBy(f => f.Source).Select(g => (g.Key, g.Count(f => f.Accepted), g.Count(f => !f.Accepted))).OrderByDescending(g => g.Item2 + g.Item3).ToList());

    /// <summary>The Monday of the ISO week the moment falls in.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
