using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// Suggests weights from outcomes. Every criterion of the model, and candidate signals (common values of
/// text fields, quartile bins of numbers, "is missing" as its own level), becomes a yes/no feature. A
/// feature that almost decides the outcome alone, or comes from a field recorded after sales contact, is
/// left out with the reason. An L2-regularised logistic model is fitted on the earlier leads; its
/// effects are turned into whole points on the model's own scale, blended toward the current weights
/// where few leads match; both models are then judged on the held-out later leads.
/// </summary>
public static class WeightSuggester
{
    private const double BlendAt = 100;
    private static readonly string[] AfterContactWords = ["status", "stage", "disposition", "outcome", "owner", "rep_", "sales_"];
    private static readonly string[] Identity = [Lead.NameField, Lead.EmailField, Lead.CompanyField, "phone", "job_title"];

    public static Suggestion Suggest(ScoringModel model, IReadOnlyList<Lead> leads, IReadOnlyList<bool> outcomes, DateTimeOffset asOf, double lambda = 1.0) =>
        Suggest(model, LeadBatch.From(leads), leads, outcomes.Select(o => (bool?)o).ToList(), asOf, lambda);

    /// <summary>
    /// The same, on leads already held in columns (<paramref name="batch"/> holds <paramref name="allLeads"/> in the same
    /// order, as the app keeps them); only leads whose outcome is known (not null) are learned from and judged.
    /// </summary>
    public static Suggestion Suggest(ScoringModel model, LeadBatch batch, IReadOnlyList<Lead> allLeads, IReadOnlyList<bool?> knownOutcomes, DateTimeOffset asOf, double lambda = 1.0)
    {
        var (_, allMatched) = new BatchScorer(model, batch).ScoreWithMatches(asOf);
        var rowsToLead = Enumerable.Range(0, allLeads.Count).Where(i => knownOutcomes[i] is not null).ToArray();
        var leads = rowsToLead.Select(i => allLeads[i]).ToList();
        var outcomes = rowsToLead.Select(i => knownOutcomes[i]!.Value).ToList();
        var criteria = model.Criteria.Count;
        var matched = new bool[leads.Count * criteria];
        for (var r = 0; r < rowsToLead.Length; r++)
        {
            Array.Copy(allMatched, rowsToLead[r] * criteria, matched, r * criteria, criteria);
        }

        var candidates = Candidates(model, leads);
        var width = criteria + candidates.Count;
        var matrix = new bool[leads.Count * width];
        var fields = candidates.Select(c => c.Field).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var fieldOf = candidates.Select(c => Array.FindIndex(fields, f => string.Equals(f, c.Field, StringComparison.OrdinalIgnoreCase))).ToArray();
        Parallel.For(0, leads.Count, i =>
        {
            Array.Copy(matched, i * criteria, matrix, i * width, criteria);
            var values = fields.Select(f => Normal(leads[i].Attribute(f))).ToArray(); // each field looked up once per lead
            for (var c = 0; c < candidates.Count; c++)
            {
                matrix[(i * width) + criteria + c] = candidates[c].Matches(values[fieldOf[c]]);
            }
        });

        var split = Split.Of(outcomes, leads.Select(l => l.FirstSeenAt).ToList());
        var labels = outcomes;
        var excluded = Enumerable.Range(0, width).Select(j => Leakage(j < criteria ? FieldOf(model.Criteria[j]) : candidates[j - criteria].Field, matrix, width, j, split.Train, labels)).ToArray();
        var kept = Enumerable.Range(0, width).Where(j => excluded[j] is null).ToArray();
        var keptMatrix = new bool[leads.Count * kept.Length];
        for (var i = 0; i < leads.Count; i++)
        {
            for (var k = 0; k < kept.Length; k++)
            {
                keptMatrix[(i * kept.Length) + k] = matrix[(i * width) + kept[k]];
            }
        }

        var fit = LogisticRegression.Fit(keptMatrix, kept.Length, split.Train, labels, lambda);
        var effect = new double[width];
        var error = new double[width];
        for (var k = 0; k < kept.Length; k++)
        {
            (effect[kept[k]], error[kept[k]]) = (fit.Coefficients[k], fit.StandardErrors[k]);
        }

        var scale = Scale(model, effect, excluded);
        var weights = new List<SuggestedWeight>();
        var suggestedModel = model;
        for (var j = 0; j < width; j++)
        {
            var (n, rateWith, rateWithout) = Rates(matrix, width, j, split.Train, labels);
            if (j < criteria)
            {
                var criterion = model.Criteria[j];
                var blend = n / (n + BlendAt);
                int? points = excluded[j] is null ? (int)Math.Round((blend * scale * effect[j]) + ((1 - blend) * criterion.BasePoints)) : null;
                weights.Add(new SuggestedWeight(criterion.Id, criterion.Label, criterion.Id, criterion.BasePoints, points, n, rateWith, rateWithout, effect[j], error[j], excluded[j]));
                if (points is { } p)
                {
                    suggestedModel = suggestedModel.WithCriterionPoints(criterion.Id, p);
                }
            }
            else
            {
                var candidate = candidates[j - criteria];
                var strong = excluded[j] is null && Math.Abs(effect[j]) > 2 * error[j] && n >= 30;
                int? points = strong ? (int)Math.Round(scale * effect[j]) : null;
                weights.Add(new SuggestedWeight(candidate.Key, candidate.Label, null, null, points is 0 ? null : points, n, rateWith, rateWithout, effect[j], error[j], excluded[j])
                {
                    Condition = candidate.Condition,
                });
            }
        }

        var test = split.Test;
        var testLabels = test.Select(i => labels[i]).ToList();
        var heldOutLeads = test.Select(r => rowsToLead[r]).ToList();
        var outcomeByLead = knownOutcomes.Select(o => o ?? false).ToList();
        var months = Backtests.MonthsSpanned(allLeads.Select(l => l.FirstSeenAt));
        Backtest Judge(string name, ScoringModel judged) => Backtests.Judge(name, judged, batch, heldOutLeads, outcomeByLead, asOf, months);

        var backtests = new List<Backtest>
        {
            Judge("current", model),
            Judge("suggested", suggestedModel),
            new("logistic fit", Metrics.Auc(test.Select(i => fit.LogOdds(keptMatrix.AsSpan(i * kept.Length, kept.Length))).ToList(), testLabels), new Confusion(0, 0, 0, 0)),
            new("naive Bayes baseline", Metrics.Auc(NaiveBayes.Scores(keptMatrix, kept.Length, split.Train, labels, test), testLabels), new Confusion(0, 0, 0, 0)),
        };
        return new Suggestion(weights, suggestedModel, split, leads.Count, labels.Count(l => l) / (double)Math.Max(1, labels.Count), backtests);
    }

    /// <summary>Adds the chosen candidate signals to a model as attribute criteria with their suggested points.</summary>
    public static ScoringModel WithCandidates(ScoringModel model, IEnumerable<SuggestedWeight> chosen) =>
        chosen.Where(w => w.Condition is not null && w.Suggested is not null).Aggregate(model, (m, w) => m.AddCriterion(new AttributeCriterion(
            ListEdits.UniqueId(MappingId(w.Key), m.Criteria.Select(c => c.Id)), w.Label, Dimension.Fit, null, w.Condition!, w.Suggested!.Value)));

    private static string MappingId(string key) => string.Join('-', key.ToLowerInvariant().Split([' ', '=', '<', '>', '.', ':', '[', ']', ','], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Points per unit of effect that best match the current weights (least squares over criteria the fit kept).</summary>
    private static double Scale(ScoringModel model, double[] effect, string?[] excluded)
    {
        double cross = 0, square = 0;
        for (var j = 0; j < model.Criteria.Count; j++)
        {
            if (excluded[j] is null && effect[j] != 0)
            {
                cross += model.Criteria[j].BasePoints * effect[j];
                square += effect[j] * effect[j];
            }
        }

        return square == 0 || cross <= 0 ? 10 : cross / square;
    }

    private static string? Leakage(string? field, bool[] matrix, int width, int j, IReadOnlyList<int> rows, IReadOnlyList<bool> labels)
    {
        if (field is not null && AfterContactWords.Any(w => field.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return $"'{field}' looks like something recorded after sales contact";
        }

        var (n, rateWith, rateWithout) = Rates(matrix, width, j, rows, labels);
        var positives = rows.Count(i => labels[i]);
        var truePositiveRate = positives == 0 ? 0 : rows.Count(i => labels[i] && matrix[(i * width) + j]) / (double)positives;
        var falsePositiveRate = rows.Count - positives == 0 ? 0 : rows.Count(i => !labels[i] && matrix[(i * width) + j]) / (double)(rows.Count - positives);
        var aloneAuc = 0.5 + (Math.Abs(truePositiveRate - falsePositiveRate) / 2);
        return n >= 20 && aloneAuc >= 0.85
            ? $"almost decides the outcome on its own (AUC {aloneAuc:0.00} alone; {rateWith:P0} with vs {rateWithout:P0} without)"
            : null;
    }

    private static (int Matches, double RateWith, double RateWithout) Rates(bool[] matrix, int width, int j, IReadOnlyList<int> rows, IReadOnlyList<bool> labels)
    {
        int with = 0, withPositive = 0, without = 0, withoutPositive = 0;
        foreach (var i in rows)
        {
            if (matrix[(i * width) + j])
            {
                with++;
                withPositive += labels[i] ? 1 : 0;
            }
            else
            {
                without++;
                withoutPositive += labels[i] ? 1 : 0;
            }
        }

        return (with, with == 0 ? 0 : (double)withPositive / with, without == 0 ? 0 : (double)withoutPositive / without);
    }

    private static string? FieldOf(Criterion criterion) => criterion is AttributeCriterion a ? a.When.Field : null;

    private sealed record Candidate(string Key, string Label, string Field, AttributeCondition Condition, Func<FieldValue, bool> Matches);

    /// <summary>Common values of text fields and quartile bins of number fields, plus "missing", that no criterion tests yet.</summary>
    private static List<Candidate> Candidates(ScoringModel model, IReadOnlyList<Lead> leads)
    {
        var used = model.Criteria.OfType<AttributeCriterion>().Select(c => (c.When.Field.ToLowerInvariant(), string.Join("|", c.When.Values).ToLowerInvariant())).ToHashSet();
        var candidates = new List<Candidate>();
        var minimum = Math.Max(20, leads.Count / 50);
        foreach (var field in model.Fields.Where(f => !Identity.Contains(f.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var values = leads.Select(l => Normal(l.Attribute(field.Name))).ToList();
            var missing = values.Count(v => v.IsMissing);
            if (missing >= minimum && missing <= leads.Count - minimum)
            {
                candidates.Add(new($"{field.Name} is missing", $"{field.Label} is missing", field.Name, new AttributeCondition(field.Name, Operator.IsMissing, []), v => v.IsMissing));
            }

            if (field.Type == FieldType.Number)
            {
                var numbers = values.Where(v => !v.IsMissing).Select(v => v.Number).Order().ToList();
                var cuts = numbers.Count < 4 * minimum ? [] : new[] { numbers[numbers.Count / 4], numbers[numbers.Count / 2], numbers[3 * numbers.Count / 4] }.Distinct().ToArray();
                var edges = new[] { double.NegativeInfinity }.Concat(cuts).Append(double.PositiveInfinity).ToArray();
                // The lowest bin is the reference level; with all bins and "missing" the levels would add up to the intercept.
                for (var b = 1; b + 1 < edges.Length && cuts.Length > 0; b++)
                {
                    var (low, high) = (edges[b], edges[b + 1]);
                    var label = double.IsNegativeInfinity(low) ? $"{field.Label} below {high:0.##}" : double.IsPositiveInfinity(high) ? $"{field.Label} {low:0.##} or more" : $"{field.Label} {low:0.##} to under {high:0.##}";
                    var condition = double.IsNegativeInfinity(low) ? new AttributeCondition(field.Name, Operator.AtMost, [Format(Below(high))])
                        : double.IsPositiveInfinity(high) ? new AttributeCondition(field.Name, Operator.AtLeast, [Format(low)])
                        : new AttributeCondition(field.Name, Operator.Between, [Format(low), Format(Below(high))]);
                    candidates.Add(new($"{field.Name} bin {b + 1}", label, field.Name, condition, v => !v.IsMissing && v.Number >= low && v.Number < high));
                }
            }
            else if (field.Type == FieldType.Text)
            {
                // The most common value is the reference level (see the bins above).
                foreach (var (value, count) in values.Where(v => !v.IsMissing).GroupBy(v => v.Text!, StringComparer.OrdinalIgnoreCase).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).Skip(1).Take(8))
                {
                    if (count >= minimum && count <= leads.Count - minimum && !used.Contains((field.Name.ToLowerInvariant(), value.ToLowerInvariant())))
                    {
                        candidates.Add(new($"{field.Name} = {value}", $"{field.Label} is {value}", field.Name, new AttributeCondition(field.Name, Operator.Equals, [value]),
                            v => string.Equals(v.Text, value, StringComparison.OrdinalIgnoreCase)));
                    }
                }
            }
        }

        return candidates;
    }

    private static double Below(double value) => value - 1e-6;

    /// <summary>Placeholder texts ("Select", "N/A", "-", …) count as missing: their own level, never a value.</summary>
    private static FieldValue Normal(FieldValue value) =>
        value.Type == FieldType.Text && Import.ImportOptions.Default.IsMissing(value.Text!) ? FieldValue.Missing : value;

    private static string Format(double value) => value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
