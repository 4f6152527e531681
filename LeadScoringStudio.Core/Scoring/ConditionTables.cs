using System.Collections.Concurrent;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A batch's decided conditions: for an attribute condition, whether each distinct value of its field matches; for an
/// activity condition, whether each distinct activity signature does. Scorers of models that share conditions (a
/// suggestion's drafts, its scale fitting, its backtests) decide each once.
/// </summary>
internal sealed class ConditionTables(LeadBatch batch)
{
    /// <summary>More conditions than this are forgotten at once, so a long-lived batch that sees edit after edit stays
    /// small.</summary>
    private const int MostKept = 4096;

    private readonly ConcurrentDictionary<AttributeCondition, (int[] ValueIds, bool[] Matches)> _attributes = new();
    private readonly ConcurrentDictionary<ActivityCondition, bool[]> _activities = new();

    /// <summary>Each lead's value as an index into <c>Matches</c>, which says whether that value meets the
    /// condition.</summary>
    public (int[] ValueIds, bool[] Matches) Of(AttributeCondition condition)
    {
        Bound(_attributes);
        return _attributes.GetOrAdd(condition, Decide);
    }

    /// <summary>Whether each of the batch's activity signatures meets the condition.</summary>
    public bool[] Of(ActivityCondition condition)
    {
        Bound(_activities);
        return _activities.GetOrAdd(condition, c => [.. batch.Signatures.Select(s => ConditionMatcher.Matches(c, s))]);
    }

    private (int[] ValueIds, bool[] Matches) Decide(AttributeCondition condition)
    {
        if (!batch.Attributes.TryGetValue(condition.Field, out var column))
        {
            var missing = ConditionMatcher.Matches(condition.Operator, condition.Values, FieldValue.Missing);
            return (new int[batch.Count], [missing]);
        }

        return (column.ValueIds, [.. column.Values.Select(v =>
            ConditionMatcher.Matches(condition.Operator, condition.Values, v))]);
    }

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> kept)
        where TKey : notnull
    {
        if (kept.Count > MostKept)
        {
            kept.Clear();
        }
    }
}
