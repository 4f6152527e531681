using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// One feature the fit looked at: a criterion of the model, or a signal not in the model yet (a candidate), with
/// its evidence among the leads learned from and the points it would get.
/// </summary>
public sealed record SuggestedWeight(
    string Key, string Label, string? CriterionId, int? Current, int? Suggested,
    int Matches, double RateWith, double RateWithout, double Effect, double StandardError, string? Excluded)
{
    public double Lift => RateWithout == 0 ? double.PositiveInfinity : RateWith / RateWithout;

    /// <summary>A candidate not in the model yet: the signal, to add as a criterion.</summary>
    public Signal? Signal { get; init; }

    /// <summary>The field (or activity type) the feature is about, when it is about one.</summary>
    public string? Field { get; init; }

    public string? FieldLabel { get; init; }

    public Dimension Dimension { get; init; }

    /// <summary>The effect is at least twice its standard error, among enough leads.</summary>
    public bool IsStrong { get; init; }

    /// <summary>A criterion on a field recorded after contact or left out: applying the suggestion removes
    /// it.</summary>
    public bool Drops { get; init; }
}

/// <summary>Backtest figures for one scoring on the held-out leads, with the held-out scores and outcomes for the
/// plots.</summary>
public sealed record Backtest(string Name, double Auc, Confusion AtMqlRule)
{
    public IReadOnlyList<double> Scores { get; init; } = [];

    public IReadOnlyList<bool> Outcomes { get; init; } = [];

    /// <summary>MQLs a month the model makes over all the leads (their count spread over the months the leads
    /// span).</summary>
    public double MqlsPerMonth { get; init; }

    /// <summary>Per cell, the held-out leads in it and the share that turned out well.</summary>
    public IReadOnlyDictionary<string, (int Leads, double Rate)> CellOutcomes { get; init; } =
        new Dictionary<string, (int, double)>();
}

/// <summary>
/// What the data suggests for a model: points for its criteria and for signals not in it yet, the guard's verdict
/// on every field, the scale points are on, and how the models compare on held-out leads. <see cref="Draft"/> makes
/// exactly the model that applying a choice of signals gives, so its backtest is what would be applied.
/// </summary>
public sealed record Suggestion(
    ScoringModel Model,
    IReadOnlyList<SuggestedWeight> Weights,
    IReadOnlyList<FieldVerdict> Fields,
    Split Split,
    double PointsToDoubleOdds,
    TuningData Data,
    IReadOnlyList<int> HeldOut,
    IReadOnlyList<CatalogField> Catalog)
{
    public int Labelled => Data.Labelled.Count;

    public double PositiveRate => Data.Labelled.Count(i => Data.Outcomes[i] == true) / (double)Math.Max(1,
        Data.Labelled.Count);

    /// <summary>Positions of the leads learned from.</summary>
    public IReadOnlyList<int> LearnedFrom => Split.Train.Select(r => Data.Labelled[r]).ToList();

    /// <summary>The current model, the suggestion with no new signals, the logistic fit and the naive-Bayes
    /// baseline.</summary>
    public IReadOnlyList<Backtest> Backtests { get; init; } = [];

    public IEnumerable<SuggestedWeight> Candidates => Weights.Where(w => w.Signal is not null);

    /// <summary>
    /// The model with the suggested points, without criteria on fields recorded after contact or left out, plus the
    /// <paramref name="chosen"/> candidate signals (by key) as criteria; with <paramref name="fitScale"/> also limits,
    /// grade bands and MQL cells that fit the new scores.
    /// </summary>
    public ScoringModel Draft(IEnumerable<string> chosen, bool fitScale = true)
    {
        var keys = chosen.ToHashSet(StringComparer.Ordinal);
        var dropped = Weights.Where(w => w.Drops).Select(w => w.CriterionId).ToHashSet();
        var model = Weights.Where(w => w.CriterionId is not null && w.Suggested is not null
            && Model.FindCriterion(w.CriterionId) is not null)
            .Aggregate(Model, (m, w) => m.WithCriterionPoints(w.CriterionId!, w.Suggested!.Value));
        model = model with { Criteria = model.Criteria.Where(c => !dropped.Contains(c.Id)).ToValueList() };
        foreach (var weight in Candidates.Where(w => keys.Contains(w.Key) && w.Suggested is not null))
        {
            var template = weight.Signal!.Template;
            model = model.AddCriterion(template.WithBasePoints(weight.Suggested!.Value));
            model = template switch
            {
                AttributeCriterion a => a.Conditions.Select(c => c.Field).Distinct(StringComparer.OrdinalIgnoreCase)
                    .Where(field => model.FindField(field) is null)
                    .Aggregate(model, (m, field) => m with { Fields = m.Fields.Add(DefinitionOf(field)) }),
                ActivityCriterion c when model.FindActivityType(c.When.ActivityType) is null =>
                    model with
                    {
                        ActivityTypes = model.ActivityTypes.Add(new ActivityTypeDefinition(c.When.ActivityType,
                            weight.FieldLabel ?? c.When.ActivityType)),
                    },
                _ => model,
            };
        }

        return fitScale ? ScoreScale.FitTo(model, Data, LearnedFrom) : model;
    }

    private FieldDefinition DefinitionOf(string key) =>
        Catalog.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase))?.Definition
        ?? throw new InvalidOperationException($"The signal's field '{key}' is not in the catalog it was made from.");

    /// <summary>A model judged on this suggestion's held-out leads.</summary>
    public Backtest Judge(string name, ScoringModel model) =>
        Tuning.Backtests.Judge(name, model, Data.Batch, HeldOut, Data.Outcomes.Select(o => o ?? false).ToList(),
            Data.AsOf, Data.Months);
}
