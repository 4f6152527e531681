using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Tuning;

/// <summary>
/// The features of one fit: the model's criteria first, then the candidate signals; for each, the field group it
/// belongs to and why it is held back (null when used).
/// </summary>
internal sealed class FitFeatures
{
    private readonly int[][] _candidateOfLevel;
    private readonly int _criteria;

    private FitFeatures(int criteria, List<Signal> candidates, int[] groupOf, FieldVerdict?[] heldBackBy,
        int[][] candidateOfLevel, int[][] featureOfLevel)
    {
        _criteria = criteria;
        Candidates = candidates;
        GroupOf = groupOf;
        HeldBackBy = heldBackBy;
        HeldBack = heldBackBy.Select(v => v?.Reason).ToArray();
        _candidateOfLevel = candidateOfLevel;
        FeatureOfLevel = featureOfLevel;
    }

    public int Count => GroupOf.Length;

    public IReadOnlyList<Signal> Candidates { get; }

    public int[] GroupOf { get; }

    /// <summary>Why each feature is held back (null when used).</summary>
    public string?[] HeldBack { get; }

    /// <summary>The verdict on the field that holds each feature back (null when used).</summary>
    public FieldVerdict?[] HeldBackBy { get; }

    /// <summary>Per group and level, the feature that is that level (a criterion equal to it, or its candidate), or
    /// −1.</summary>
    public int[][] FeatureOfLevel { get; }

    public static FitFeatures Of(ScoringModel model, IReadOnlyList<SignalGroup> groups,
        IReadOnlyList<FieldVerdict> verdicts, bool[] matched, int leads)
    {
        var criteria = model.Criteria.Count;
        var groupOf = new List<int>();
        var heldBack = new List<FieldVerdict?>();
        var featureOfLevel = groups.Select(g => Enumerable.Repeat(-1, g.Signals.Count).ToArray()).ToArray();
        for (var j = 0; j < criteria; j++)
        {
            var g = GroupOfCriterion(model.Criteria[j], groups);
            groupOf.Add(g);
            heldBack.Add(HeldBackVerdict(model.Criteria[j], groups, verdicts));
            if (g >= 0 && groups[g].Signals.ToList()
                .FindIndex(s => SameShape(s.Template, model.Criteria[j])) is var level and >= 0
                && featureOfLevel[g][level] < 0)
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

            var overlapping = Overlapping(groups[g], Enumerable.Range(0, criteria)
                .Where(j => groupOf[j] == g && !featureOfLevel[g].Contains(j)).ToList(), matched, criteria, leads);
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

        return new FitFeatures(criteria, candidates, [.. groupOf], [.. heldBack], candidateOfLevel, featureOfLevel);
    }

    /// <summary>The rows of the fit: per labelled lead, the criteria it matched and the candidate signals it
    /// has.</summary>
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
                if (groups[g].LevelOf[lead] is var level and >= 0
                    && _candidateOfLevel[g][level] is var candidate and >= 0)
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

    /// <summary>Which levels of a group share leads with criteria on the same field that are not levels (offering those
    /// would split their points).</summary>
    private static bool[] Overlapping(SignalGroup group, IReadOnlyList<int> criteriaOnField, bool[] matched,
        int criteria, int leads)
    {
        var overlapping = new bool[group.Signals.Count];
        if (criteriaOnField.Count == 0)
        {
            return overlapping;
        }

        for (var lead = 0; lead < leads; lead++)
        {
            if (group.LevelOf[lead] is var level and >= 0 && !overlapping[level]
                && criteriaOnField.Any(j => matched[(lead * criteria) + j]))
            {
                overlapping[level] = true;
            }
        }

        return overlapping;
    }

    /// <summary>The group a criterion belongs to: its field (or its pair of fields, or its activity type), or
    /// −1.</summary>
    private static int GroupOfCriterion(Criterion criterion, IReadOnlyList<SignalGroup> groups)
    {
        if (criterion is ActivityCriterion activity)
        {
            return groups.ToList().FindIndex(g => g.IsActivity && Same(g.Key, activity.When.ActivityType));
        }

        var fields = FieldsOf(criterion);
        return groups.ToList().FindIndex(g => !g.IsActivity && g.Fields.Count == fields.Count && g.Fields.All(f =>
            fields.Contains(f, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>Why a criterion is held back: the verdict on the first of its fields (or its activity type) the guard
    /// holds back.</summary>
    private static FieldVerdict? HeldBackVerdict(Criterion criterion, IReadOnlyList<SignalGroup> groups,
        IReadOnlyList<FieldVerdict> verdicts)
    {
        var keys = criterion is ActivityCriterion activity ? [activity.When.ActivityType] : FieldsOf(criterion);
        return Enumerable.Range(0, groups.Count)
            .Where(g => groups[g].Fields.Count <= 1 && keys.Contains(groups[g].Key, StringComparer.OrdinalIgnoreCase)
                && groups[g].IsActivity == criterion is ActivityCriterion)
            .Select(g => verdicts[g])
            .FirstOrDefault(v => !v.IsUsed && v.Use != FieldUse.Unusable);
    }

    private static IReadOnlyList<string> FieldsOf(Criterion criterion) =>
        criterion is AttributeCriterion attribute ? attribute.Conditions.Select(c => c.Field).ToList() : [];

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>A criterion that counts exactly the leads of a signal: the same condition (and, for activities, the
    /// same window and count).</summary>
    private static bool SameShape(Criterion signal, Criterion criterion) => (signal, criterion) switch
    {
        (AttributeCriterion s, AttributeCriterion c) => s.AlsoWhen.Count == c.AlsoWhen.Count
            && s.Conditions.Zip(c.Conditions).All(pair => SameCondition(pair.First, pair.Second)),
        (ActivityCriterion s, ActivityCriterion c) => s.When == c.When && s.MaxOccurrences == c.MaxOccurrences
            && s.LookbackDays == c.LookbackDays && s.Decay == c.Decay && c.MaxPoints is null,
        _ => false,
    };

    private static bool SameCondition(AttributeCondition a, AttributeCondition b) =>
        Same(a.Field, b.Field) && a.Operator == b.Operator
            && a.Values.SequenceEqual(b.Values, StringComparer.OrdinalIgnoreCase);
}
