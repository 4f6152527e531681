using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// Suggests points from outcomes. Every criterion of the model is a yes/no feature, and so is every signal of the
/// workspace's fields and activity types (see <see cref="Signals"/>) that the model does not hold yet; a signal the
/// model already holds is its criterion, re-fitted. The guard judges each field as a whole (<see cref="FieldGuard"/>)
/// and holds back what would give the outcome away. An L2-regularised logistic model is fitted on the leads learned
/// from; its effects become whole points on a credit-scorecard scale (a fixed number of points doubles the odds),
/// blended toward a criterion's current points where few leads match it.
/// </summary>
public static class WeightSuggester
{
    /// <summary>Points that double the odds when the model's own points say nothing about their scale.</summary>
    public const double DefaultPointsToDoubleOdds = 20;

    private const double BlendAt = 100;

    /// <summary>The fewest leads learned from that a new signal needs before it is given points.</summary>
    private const int LeastLearnedFrom = 10;
    private static readonly string[] Identity = [Lead.NameField, Lead.EmailField, Lead.CompanyField, "phone"];

    /// <summary>Learns from generated leads whose fields are the model's own (tests and benchmarks).</summary>
    public static Suggestion Suggest(ScoringModel model, IReadOnlyList<Lead> leads, IReadOnlyList<bool> outcomes,
        DateTimeOffset asOf, double capacity = 150) =>
        Suggest(
            model,
            new TuningData(LeadBatch.From(leads), outcomes.Select(o => (bool?)o).ToList(),
                leads.Select(l => l.FirstSeenAt).ToList(), asOf, capacity),
            model.Fields.Select(f => CatalogField.Guess(f.Name, f.Type, f.Label)).ToList());

    /// <summary>
    /// The suggestion, with the current model judged on the held-out leads beside the logistic fit and the naive-Bayes
    /// baseline. What a choice of signals would make is judged by <see cref="DraftPreview.Of"/>.
    /// </summary>
    /// <param name="fields">The workspace's fields as described in its catalog.</param>
    /// <param name="split">Which labelled leads (indices into <see cref="TuningData.Labelled"/>) are learned from and
    /// which judged on; by default by time, else stratified.</param>
    public static Suggestion Suggest(ScoringModel model, TuningData data, IReadOnlyList<CatalogField> fields,
        Split? split = null, double lambda = 10.0)
    {
        var suggestion = Analyse(model, data, fields, split, lambda);
        return suggestion with { Backtests = [suggestion.Judge("current", model), .. suggestion.Backtests] };
    }

    /// <summary>The fit, its points and the field verdicts, judged only as a logistic fit and by the naive-Bayes
    /// baseline.</summary>
    internal static Suggestion Analyse(ScoringModel model, TuningData data, IReadOnlyList<CatalogField> fields,
        Split? split, double lambda = 10.0)
    {
        var positions = data.Labelled;
        var labels = positions.Select(i => data.Outcomes[i]!.Value).ToList();
        split ??= data.DefaultSplit();
        var groups = Signals.For(fields.Where(f => !Identity.Contains(f.Key, StringComparer.OrdinalIgnoreCase))
            .ToList(), data.Batch, data.AsOf, model.ActivityTypes).ToList();
        var byKey = fields.ToDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);
        var verdicts = groups.AsParallel().AsOrdered()
            .Select(g => FieldGuard.Judge(g, g.IsActivity ? null : byKey.GetValueOrDefault(g.Key),
            g.Unusable is null ? FieldGuard.AloneAuc(g, positions, labels, split) : null)).ToList();

        var (_, matched) = new BatchScorer(model, data.Batch).ScoreWithMatches(data.AsOf);
        var fitted = Fit(model, groups, verdicts, matched, data.Batch.Count, positions, labels, split, lambda);
        var pairs = FieldPairs.Choose(model, groups, verdicts, fitted.LogOdds, positions, labels, split,
            Signals.MinimumLeads(data.Batch.Count));
        if (pairs.Count > 0)
        {
            groups.AddRange(pairs.Select(p => p.Group));
            verdicts.AddRange(pairs.Select(p => p.Verdict));
            fitted = Fit(model, groups, verdicts, matched, data.Batch.Count, positions, labels, split, lambda, fitted);
        }

        var (features, matrix, kept, keptMatrix, fit) = fitted;
        var effect = new double[features.Count];
        var error = new double[features.Count];
        for (var k = 0; k < kept.Count; k++)
        {
            (effect[kept[k]], error[kept[k]]) = (fit.Coefficients[k], fit.StandardErrors[k]);
        }

        features.AnchorCompleteFields(effect, error, groups);
        var pointsToDouble = PointsToDoubleOdds(model, effect, features.HeldBack);
        var scale = pointsToDouble / Math.Log(2);
        var minimum = Signals.MinimumLeads(data.Batch.Count);
        var weights = new List<SuggestedWeight>();
        var rates = matrix.Rates(split.Train, labels);
        for (var j = 0; j < features.Count; j++)
        {
            var (n, rateWith, rateWithout) = rates[j];
            var group = features.GroupOf[j] is var g and >= 0 ? groups[g] : null;
            var strong = features.HeldBack[j] is null && Math.Abs(effect[j]) > 2 * error[j] && n >= minimum;
            if (j < model.Criteria.Count)
            {
                var criterion = model.Criteria[j];
                var blend = n / (n + BlendAt);
                int? points = features.HeldBack[j] is null
                    ? (int)Math.Round((blend * scale * effect[j]) + ((1 - blend) * criterion.BasePoints))
                    : null;
                weights.Add(new SuggestedWeight(criterion.Id, criterion.Label, criterion.Id, criterion.BasePoints,
                    points, n, rateWith, rateWithout, effect[j], error[j], features.HeldBack[j])
                {
                    Field = group?.Key, FieldLabel = group?.Label, Dimension = criterion.Dimension, IsStrong = strong,
                    Drops = features.HeldBackBy[j]?.Use is FieldUse.AfterContact or FieldUse.LeftOut,
                });
            }
            else
            {
                var signal = features.Candidates[j - model.Criteria.Count];
                // A signal too few of the leads learned from have says nothing yet, whatever the prior makes of it.
                int? points = features.HeldBack[j] is null
                    && n >= LeastLearnedFrom ? (int)Math.Round(scale * effect[j]) : null;
                weights.Add(new SuggestedWeight(signal.Key, signal.Label, null, null, points is 0 ? null : points, n,
                    rateWith, rateWithout, effect[j], error[j], features.HeldBack[j])
                {
                    Signal = signal, Field = group!.Key, FieldLabel = group.Label, Dimension = group.Dimension,
                        IsStrong = strong,
                });
            }
        }

        var test = split.Test;
        var testLabels = test.Select(r => labels[r]).ToList();
        return new Suggestion(model, weights, verdicts, split, pointsToDouble, data, test.Select(r => positions[r])
            .ToList(), fields)
        {
            Backtests =
            [
                new("logistic fit", Metrics.Auc(test.Select(r => fit.LogOdds(keptMatrix.Row(r))).ToList(), testLabels),
                    new Confusion(0, 0, 0, 0)),
                new("naive Bayes baseline", Metrics.Auc(NaiveBayes.Scores(keptMatrix, split.Train, labels, test),
                    testLabels), new Confusion(0, 0, 0, 0)),
            ],
        };
    }

    /// <summary>The features of the model and the signals, and the logistic model fitted on the leads learned
    /// from.</summary>
    /// <param name="before">A fit on the same features without the pairs' (they come last): where this one
    /// starts.</param>
    private static Fitted Fit(
        ScoringModel model, IReadOnlyList<SignalGroup> groups, IReadOnlyList<FieldVerdict> verdicts, bool[] matched,
        int leads, IReadOnlyList<int> positions, IReadOnlyList<bool> labels, Split split, double lambda,
            Fitted? before = null)
    {
        var features = FitFeatures.Of(model, groups, verdicts, matched, leads);
        var matrix = features.Matrix(positions, matched, groups);
        var kept = Enumerable.Range(0, features.Count).Where(j => features.HeldBack[j] is null).ToList();
        var keptMatrix = matrix.Keep(kept);
        return new Fitted(features, matrix, kept, keptMatrix,
            LogisticRegression.Fit(keptMatrix, split.Train, labels, lambda, start: before?.Fit));
    }

    private sealed record Fitted(FitFeatures Features, FeatureMatrix Matrix, IReadOnlyList<int> Kept,
        FeatureMatrix KeptMatrix, LogisticFit Fit)
    {
        /// <summary>The fit's log-odds for each labelled lead.</summary>
        public double LogOdds(int row) => Fit.LogOdds(KeptMatrix.Row(row));
    }

    /// <summary>
    /// Points that double the odds on the model's own scale: the least-squares scale of its current points against the
    /// fitted effects, when those agree in direction; else <see cref="DefaultPointsToDoubleOdds"/>. Kept between 5 and
    /// 60.
    /// </summary>
    private static double PointsToDoubleOdds(ScoringModel model, double[] effect, string?[] heldBack)
    {
        double cross = 0, square = 0;
        for (var j = 0; j < model.Criteria.Count; j++)
        {
            if (heldBack[j] is null && effect[j] != 0)
            {
                cross += model.Criteria[j].BasePoints * effect[j];
                square += effect[j] * effect[j];
            }
        }

        return square == 0 || cross <= 0 ? DefaultPointsToDoubleOdds : Math.Clamp(cross / square * Math.Log(2), 5, 60);
    }
}
