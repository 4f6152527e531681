using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>One feature the fit looked at: a criterion of the model or a candidate signal, with its evidence and suggested points.</summary>
public sealed record SuggestedWeight(
    string Key, string Label, string? CriterionId, int? Current, int? Suggested,
    int Matches, double RateWith, double RateWithout, double Effect, double StandardError, string? Excluded)
{
    public double Lift => RateWithout == 0 ? double.PositiveInfinity : RateWith / RateWithout;

    /// <summary>A candidate signal not in the model yet: its condition, to add as a criterion.</summary>
    public AttributeCondition? Condition { get; init; }
}

/// <summary>Backtest figures for one scoring on the held-out leads, with the held-out scores and outcomes for the plots.</summary>
public sealed record Backtest(string Name, double Auc, Confusion AtMqlRule)
{
    public IReadOnlyList<double> Scores { get; init; } = [];

    public IReadOnlyList<bool> Outcomes { get; init; } = [];

    /// <summary>MQLs a month the model makes over all the leads (their count spread over the months the leads span).</summary>
    public double MqlsPerMonth { get; init; }

    /// <summary>Per cell, the held-out leads in it and the share that turned out well.</summary>
    public IReadOnlyDictionary<string, (int Leads, double Rate)> CellOutcomes { get; init; } = new Dictionary<string, (int, double)>();
}

/// <summary>What the data suggests: weights per criterion and candidate, the model with them, and how both models do on held-out leads.</summary>
public sealed record Suggestion(
    IReadOnlyList<SuggestedWeight> Weights, ScoringModel SuggestedModel, Split Split, int Labelled, double PositiveRate,
    IReadOnlyList<Backtest> Backtests);
