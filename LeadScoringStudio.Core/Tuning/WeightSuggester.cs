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
    private static readonly string[] Identity = [Lead.NameField, Lead.EmailField, Lead.CompanyField, "phone"];

    /// <summary>Learns from generated leads whose fields are the model's own (tests and benchmarks).</summary>
    public static Suggestion Suggest(ScoringModel model, IReadOnlyList<Lead> leads, IReadOnlyList<bool> outcomes, DateTimeOffset asOf, double capacity = 150) =>
        Suggest(
            model,
            new TuningData(LeadBatch.From(leads), outcomes.Select(o => (bool?)o).ToList(), leads.Select(l => l.FirstSeenAt).ToList(), asOf, capacity),
            model.Fields.Select(f => CatalogField.Guess(f.Name, f.Type, f.Label)).ToList());

    /// <param name="fields">The workspace's fields as described in its catalog.</param>
    /// <param name="split">Which labelled leads (indices into <see cref="TuningData.Labelled"/>) are learned from and which judged on; by default by time, else stratified.</param>
    public static Suggestion Suggest(ScoringModel model, TuningData data, IReadOnlyList<CatalogField> fields, Split? split = null, double lambda = 10.0)
    {
        var positions = data.Labelled;
        var labels = positions.Select(i => data.Outcomes[i]!.Value).ToList();
        split ??= data.DefaultSplit();
        var groups = Signals.For(fields.Where(f => !Identity.Contains(f.Key, StringComparer.OrdinalIgnoreCase)).ToList(), data.Batch, data.AsOf, model.ActivityTypes).ToList();
        var byKey = fields.ToDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);
        var verdicts = groups.Select(g => FieldGuard.Judge(g, g.IsActivity ? null : byKey.GetValueOrDefault(g.Key),
            g.Unusable is null ? FieldGuard.AloneAuc(g, positions, labels, split) : null)).ToList();

        var (_, matched) = new BatchScorer(model, data.Batch).ScoreWithMatches(data.AsOf);
        var fitted = Fit(model, groups, verdicts, matched, data.Batch.Count, positions, labels, split, lambda);
        var pairs = Pairs.Choose(model, groups, verdicts, fitted, positions, labels, split, Signals.MinimumLeads(data.Batch.Count));
        if (pairs.Count > 0)
        {
            groups.AddRange(pairs.Select(p => p.Group));
            verdicts.AddRange(pairs.Select(p => p.Verdict));
            fitted = Fit(model, groups, verdicts, matched, data.Batch.Count, positions, labels, split, lambda);
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
        for (var j = 0; j < features.Count; j++)
        {
            var (n, rateWith, rateWithout) = matrix.Rates(j, split.Train, labels);
            var group = features.GroupOf[j] is var g and >= 0 ? groups[g] : null;
            var strong = features.HeldBack[j] is null && Math.Abs(effect[j]) > 2 * error[j] && n >= minimum;
            if (j < model.Criteria.Count)
            {
                var criterion = model.Criteria[j];
                var blend = n / (n + BlendAt);
                int? points = features.HeldBack[j] is null ? (int)Math.Round((blend * scale * effect[j]) + ((1 - blend) * criterion.BasePoints)) : null;
                weights.Add(new SuggestedWeight(criterion.Id, criterion.Label, criterion.Id, criterion.BasePoints, points, n, rateWith, rateWithout, effect[j], error[j], features.HeldBack[j])
                {
                    Field = group?.Key, FieldLabel = group?.Label, Dimension = criterion.Dimension, IsStrong = strong,
                });
            }
            else
            {
                var signal = features.Candidates[j - model.Criteria.Count];
                int? points = features.HeldBack[j] is null ? (int)Math.Round(scale * effect[j]) : null;
                weights.Add(new SuggestedWeight(signal.Key, signal.Label, null, null, points is 0 ? null : points, n, rateWith, rateWithout, effect[j], error[j], features.HeldBack[j])
                {
                    Signal = signal, Field = group!.Key, FieldLabel = group.Label, Dimension = group.Dimension, IsStrong = strong,
                });
            }
        }

        var test = split.Test;
        var testLabels = test.Select(r => labels[r]).ToList();
        var suggestion = new Suggestion(model, weights, verdicts, split, pointsToDouble, data, test.Select(r => positions[r]).ToList(), fields);
        return suggestion with
        {
            Backtests =
            [
                suggestion.Judge("current", model),
                suggestion.Judge("suggested", suggestion.Draft([])),
                new("logistic fit", Metrics.Auc(test.Select(r => fit.LogOdds(keptMatrix.Row(r))).ToList(), testLabels), new Confusion(0, 0, 0, 0)),
                new("naive Bayes baseline", Metrics.Auc(NaiveBayes.Scores(keptMatrix, split.Train, labels, test), testLabels), new Confusion(0, 0, 0, 0)),
            ],
        };
    }

    /// <summary>The features of the model and the signals, and the logistic model fitted on the leads learned from.</summary>
    private static Fitted Fit(
        ScoringModel model, IReadOnlyList<SignalGroup> groups, IReadOnlyList<FieldVerdict> verdicts, bool[] matched, int leads,
        IReadOnlyList<int> positions, IReadOnlyList<bool> labels, Split split, double lambda)
    {
        var features = Features.Of(model, groups, verdicts, matched, leads);
        var matrix = features.Matrix(positions, matched, groups);
        var kept = Enumerable.Range(0, features.Count).Where(j => features.HeldBack[j] is null).ToList();
        var keptMatrix = matrix.Keep(kept);
        return new Fitted(features, matrix, kept, keptMatrix, LogisticRegression.Fit(keptMatrix, split.Train, labels, lambda));
    }

    private sealed record Fitted(Features Features, FeatureMatrix Matrix, IReadOnlyList<int> Kept, FeatureMatrix KeptMatrix, LogisticFit Fit)
    {
        /// <summary>The fit's log-odds for each labelled lead.</summary>
        public double LogOdds(int row) => Fit.LogOdds(KeptMatrix.Row(row));
    }

    /// <summary>
    /// Pairs of fields that go together differently than each alone suggests, found after a fit on single fields: the
    /// outcomes of each combination of their levels set against what that fit expects (a G-test). Up to two pairs
    /// among the ten strongest fields, each at least four times the deviance one expects by chance; pairs the model
    /// already combines are always taken, so their criteria are re-fitted.
    /// </summary>
    private static class Pairs
    {
        private const int Strongest = 10;
        private const int MostPairs = 2;
        private const double DeviancePerDegree = 4;

        public static IReadOnlyList<(SignalGroup Group, FieldVerdict Verdict)> Choose(
            ScoringModel model, IReadOnlyList<SignalGroup> groups, IReadOnlyList<FieldVerdict> verdicts, Fitted fitted,
            IReadOnlyList<int> positions, IReadOnlyList<bool> labels, Split split, int minimum)
        {
            var usable = Enumerable.Range(0, groups.Count).Where(g => verdicts[g].IsUsed && !groups[g].IsActivity && groups[g].Signals.Count >= 2).ToList();
            var combined = model.Criteria.OfType<AttributeCriterion>().Where(c => c.AlsoWhen.Count == 1)
                .Select(c => (usable.FirstOrDefault(g => Same(groups[g].Key, c.When.Field), -1), usable.FirstOrDefault(g => Same(groups[g].Key, c.AlsoWhen[0].Field), -1)))
                .Where(p => p.Item1 >= 0 && p.Item2 >= 0 && p.Item1 != p.Item2)
                .Distinct()
                .Select(p => (A: p.Item1, B: p.Item2, Deviance: 0.0, Degrees: 0));
            var strongest = usable.OrderByDescending(g => verdicts[g].AloneAuc ?? 0).Take(Strongest).ToList();
            var probability = split.Train.ToDictionary(row => row, row => 1 / (1 + Math.Exp(-fitted.LogOdds(row))));
            var found = strongest.SelectMany((a, i) => strongest.Skip(i + 1).Select(b => (A: a, B: b)))
                .AsParallel()
                .Select(p => Deviance(groups[p.A], groups[p.B], positions, labels, split.Train, probability, minimum) is var (deviance, degrees) ? (p.A, p.B, Deviance: deviance, Degrees: degrees) : default)
                .Where(p => p.Degrees >= 2 && p.Deviance / p.Degrees >= DeviancePerDegree)
                .OrderByDescending(p => p.Deviance / p.Degrees)
                .Take(MostPairs);
            return combined.Concat(found)
                .DistinctBy(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B)))
                .Select(p => Pair(groups[p.A], groups[p.B], verdicts[p.A], verdicts[p.B], p.Deviance, p.Degrees, minimum))
                .Where(p => p.Group.Unusable is null)
                .ToList();
        }

        private static (SignalGroup Group, FieldVerdict Verdict) Pair(
            SignalGroup a, SignalGroup b, FieldVerdict first, FieldVerdict second, double deviance, int degrees, int minimum)
        {
            var dimension = a.Dimension == b.Dimension || (first.AloneAuc ?? 0) >= (second.AloneAuc ?? 0) ? a.Dimension : b.Dimension;
            var group = Signals.ForPair(a, b, dimension, minimum);
            var reason = degrees == 0
                ? "the model combines these fields already"
                : $"together they say more than each alone (deviance {deviance:0} over {degrees} combinations)";
            return (group, new FieldVerdict(group.Key, group.Label, FieldUse.Used, null, reason) { IsCombination = true });
        }

        /// <summary>G-test deviance of the combinations' outcomes against the fitted probabilities, over combinations with enough leads.</summary>
        private static (double Deviance, int Degrees) Deviance(
            SignalGroup a, SignalGroup b, IReadOnlyList<int> positions, IReadOnlyList<bool> labels, IReadOnlyList<int> train,
            Dictionary<int, double> probability, int minimum)
        {
            var width = b.Signals.Count;
            var observed = new double[a.Signals.Count * width];
            var expected = new double[observed.Length];
            var count = new int[observed.Length];
            foreach (var row in train)
            {
                var (la, lb) = (a.LevelOf[positions[row]], b.LevelOf[positions[row]]);
                if (la < 0 || lb < 0)
                {
                    continue;
                }

                var cell = (la * width) + lb;
                observed[cell] += labels[row] ? 1 : 0;
                expected[cell] += probability[row];
                count[cell]++;
            }

            double deviance = 0;
            var cells = 0;
            for (var cell = 0; cell < count.Length; cell++)
            {
                if (count[cell] < minimum)
                {
                    continue;
                }

                cells++;
                deviance += 2 * (Term(observed[cell], expected[cell]) + Term(count[cell] - observed[cell], count[cell] - expected[cell]));
            }

            return (deviance, cells - 1);
        }

        private static double Term(double observed, double expected) => observed <= 0 ? 0 : observed * Math.Log(observed / expected);

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Points that double the odds on the model's own scale: the least-squares scale of its current points against the
    /// fitted effects, when those agree in direction; else <see cref="DefaultPointsToDoubleOdds"/>. Kept between 5 and 60.
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

    /// <summary>
    /// The features of one fit: the model's criteria first, then the candidate signals; for each, the field group it
    /// belongs to and why it is held back (null when used).
    /// </summary>
    private sealed class Features
    {
        private readonly int[][] _candidateOfLevel;
        private readonly int _criteria;

        private Features(int criteria, List<Signal> candidates, int[] groupOf, string?[] heldBack, int[][] candidateOfLevel, int[][] featureOfLevel)
        {
            _criteria = criteria;
            Candidates = candidates;
            GroupOf = groupOf;
            HeldBack = heldBack;
            _candidateOfLevel = candidateOfLevel;
            FeatureOfLevel = featureOfLevel;
        }

        public int Count => GroupOf.Length;

        public IReadOnlyList<Signal> Candidates { get; }

        public int[] GroupOf { get; }

        public string?[] HeldBack { get; }

        /// <summary>Per group and level, the feature that is that level (a criterion equal to it, or its candidate), or −1.</summary>
        public int[][] FeatureOfLevel { get; }

        public static Features Of(ScoringModel model, IReadOnlyList<SignalGroup> groups, IReadOnlyList<FieldVerdict> verdicts, bool[] matched, int leads)
        {
            var criteria = model.Criteria.Count;
            var groupOf = new List<int>();
            var heldBack = new List<string?>();
            var featureOfLevel = groups.Select(g => Enumerable.Repeat(-1, g.Signals.Count).ToArray()).ToArray();
            for (var j = 0; j < criteria; j++)
            {
                var g = GroupOfCriterion(model.Criteria[j], groups);
                groupOf.Add(g);
                heldBack.Add(HeldBackReason(model.Criteria[j], groups, verdicts));
                if (g >= 0 && groups[g].Signals.ToList().FindIndex(s => SameShape(s.Template, model.Criteria[j])) is var level and >= 0 && featureOfLevel[g][level] < 0)
                {
                    featureOfLevel[g][level] = j;
                }
            }

            var candidates = new List<Signal>();
            var candidateOfLevel = groups.Select(g => Enumerable.Repeat(-1, g.Signals.Count).ToArray()).ToArray();
            for (var g = 0; g < groups.Count; g++)
            {
                if (!verdicts[g].IsUsed)
                {
                    continue;
                }

                var overlapping = Overlapping(groups[g], Enumerable.Range(0, criteria).Where(j => groupOf[j] == g && !featureOfLevel[g].Contains(j)).ToList(), matched, criteria, leads);
                for (var level = 0; level < groups[g].Signals.Count; level++)
                {
                    if (featureOfLevel[g][level] < 0 && !overlapping[level])
                    {
                        candidateOfLevel[g][level] = candidates.Count;
                        featureOfLevel[g][level] = criteria + candidates.Count;
                        candidates.Add(groups[g].Signals[level]);
                        groupOf.Add(g);
                        heldBack.Add(null);
                    }
                }
            }

            return new Features(criteria, candidates, [.. groupOf], [.. heldBack], candidateOfLevel, featureOfLevel);
        }

        /// <summary>The rows of the fit: per labelled lead, the criteria it matched and the candidate signals it has.</summary>
        public FeatureMatrix Matrix(IReadOnlyList<int> positions, bool[] matched, IReadOnlyList<SignalGroup> groups) =>
            FeatureMatrix.Build(positions.Count, Count, (row, into) =>
            {
                var lead = positions[row];
                for (var j = 0; j < _criteria; j++)
                {
                    if (matched[(lead * _criteria) + j])
                    {
                        into.Add(j);
                    }
                }

                for (var g = 0; g < groups.Count; g++)
                {
                    if (groups[g].LevelOf[lead] is var level and >= 0 && _candidateOfLevel[g][level] is var candidate and >= 0)
                    {
                        into.Add(_criteria + candidate);
                    }
                }

                return into.Count;
            });

        /// <summary>
        /// For a field whose every level is a feature, one level's effect can move to the intercept without changing any
        /// ranking (each lead has exactly one level): the commonest level becomes the reference at 0, the others read
        /// against it, and the strongest values, for or against, are all offered.
        /// </summary>
        public void AnchorCompleteFields(double[] effect, double[] error, IReadOnlyList<SignalGroup> groups)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var levels = FeatureOfLevel[g];
                if (!groups[g].IsComplete || levels.Length == 0 || levels.Any(j => j < 0 || HeldBack[j] is not null))
                {
                    continue;
                }

                var anchor = levels[Enumerable.Range(0, levels.Length).MaxBy(level => groups[g].Signals[level].Leads)];
                var (shift, anchorError) = (effect[anchor], error[anchor]);
                foreach (var j in levels)
                {
                    effect[j] -= shift;
                    error[j] = j == anchor ? 0 : Math.Sqrt((error[j] * error[j]) + (anchorError * anchorError));
                }
            }
        }

        /// <summary>Which levels of a group share leads with criteria on the same field that are not levels (offering those would split their points).</summary>
        private static bool[] Overlapping(SignalGroup group, IReadOnlyList<int> criteriaOnField, bool[] matched, int criteria, int leads)
        {
            var overlapping = new bool[group.Signals.Count];
            if (criteriaOnField.Count == 0)
            {
                return overlapping;
            }

            for (var lead = 0; lead < leads; lead++)
            {
                if (group.LevelOf[lead] is var level and >= 0 && !overlapping[level] && criteriaOnField.Any(j => matched[(lead * criteria) + j]))
                {
                    overlapping[level] = true;
                }
            }

            return overlapping;
        }

        /// <summary>The group a criterion belongs to: its field (or its pair of fields, or its activity type), or −1.</summary>
        private static int GroupOfCriterion(Criterion criterion, IReadOnlyList<SignalGroup> groups)
        {
            if (criterion is ActivityCriterion activity)
            {
                return groups.ToList().FindIndex(g => g.IsActivity && Same(g.Key, activity.When.ActivityType));
            }

            var fields = FieldsOf(criterion);
            return groups.ToList().FindIndex(g => !g.IsActivity && g.Fields.Count == fields.Count && g.Fields.All(f => fields.Contains(f, StringComparer.OrdinalIgnoreCase)));
        }

        /// <summary>Why a criterion is held back: the verdict on the first of its fields (or its activity type) the guard holds back.</summary>
        private static string? HeldBackReason(Criterion criterion, IReadOnlyList<SignalGroup> groups, IReadOnlyList<FieldVerdict> verdicts)
        {
            var keys = criterion is ActivityCriterion activity ? [activity.When.ActivityType] : FieldsOf(criterion);
            return Enumerable.Range(0, groups.Count)
                .Where(g => groups[g].Fields.Count <= 1 && keys.Contains(groups[g].Key, StringComparer.OrdinalIgnoreCase) && groups[g].IsActivity == criterion is ActivityCriterion)
                .Select(g => verdicts[g])
                .FirstOrDefault(v => !v.IsUsed && v.Use != FieldUse.Unusable)?.Reason;
        }

        private static IReadOnlyList<string> FieldsOf(Criterion criterion) =>
            criterion is AttributeCriterion attribute ? attribute.Conditions.Select(c => c.Field).ToList() : [];

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>A criterion that counts exactly the leads of a signal: the same condition (and, for activities, the same window and count).</summary>
        private static bool SameShape(Criterion signal, Criterion criterion) => (signal, criterion) switch
        {
            (AttributeCriterion s, AttributeCriterion c) => s.AlsoWhen.Count == c.AlsoWhen.Count
                && s.Conditions.Zip(c.Conditions).All(pair => SameCondition(pair.First, pair.Second)),
            (ActivityCriterion s, ActivityCriterion c) => s.When == c.When && s.MaxOccurrences == c.MaxOccurrences
                && s.LookbackDays == c.LookbackDays && s.Decay == c.Decay && c.MaxPoints is null,
            _ => false,
        };

        private static bool SameCondition(AttributeCondition a, AttributeCondition b) =>
            Same(a.Field, b.Field) && a.Operator == b.Operator && a.Values.SequenceEqual(b.Values, StringComparer.OrdinalIgnoreCase);
    }
}
