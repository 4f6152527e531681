using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Workshops;

/// <summary>What should happen to a lead, as a workshop votes it (and as the model's route says it).</summary>
public enum Verdict
{
    ReachOutNow,
    Nurture,
    Disqualify,
}

public static class Verdicts
{
    /// <summary>The model's verdict: sales routes mean reach out now, nurture and account-based mean nurture, the rest disqualify.</summary>
    public static Verdict OfRoute(Route route, bool disqualified) =>
        disqualified ? Verdict.Disqualify : route switch
        {
            Route.SalesNow or Route.Sales => Verdict.ReachOutNow,
            Route.Nurture or Route.AccountBased => Verdict.Nurture,
            _ => Verdict.Disqualify,
        };

    public static Verdict Of(Scoring.LeadScore score) => OfRoute(score.Action.Route, score.IsDisqualified);

    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.ReachOutNow => "Reach out now",
        Verdict.Nurture => "Nurture",
        _ => "Disqualify",
    };
}
