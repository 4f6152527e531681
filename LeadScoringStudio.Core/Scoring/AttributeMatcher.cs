using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Scoring;

/// <summary>
/// A model's attribute criteria and attribute disqualifiers compiled against a batch. Each field a condition reads is
/// looked at once per lead, and the lead's value leads straight to the criteria and disqualifiers it meets. A criterion
/// with several conditions matches when all of them hold. A condition on a field no lead has a value in is decided
/// here, once.
/// </summary>
internal sealed class AttributeMatcher
{
    private const int Disqualifier = -1;

    private readonly FieldTargets[] _fields;
    private readonly int[] _needed;
    private readonly int[] _always;
    private readonly int[] _several;
    private readonly bool _alwaysDisqualified;

    public AttributeMatcher(IReadOnlyList<Criterion> criteria, IEnumerable<AttributeCondition> disqualifiers,
        LeadBatch batch)
    {
        var conditions = criteria
            .SelectMany((criterion, k) => criterion is AttributeCriterion a ? a.Conditions.Select(c => (c, k)) : [])
            .Concat(disqualifiers.Select(c => (c, Disqualifier)))
            .Select(p => (Target: p.Item2, Table: batch.Conditions.Of(p.Item1)))
            .ToList();
        var constant = conditions.Where(c => c.Table.Matches.Length == 1).ToList();
        var never = constant.Where(c => c.Target != Disqualifier && !c.Table.Matches[0]).Select(c => c.Target)
            .ToHashSet();
        _alwaysDisqualified = constant.Any(c => c.Target == Disqualifier && c.Table.Matches[0]);
        var perLead = conditions.Where(c => c.Table.Matches.Length > 1 && !never.Contains(c.Target)).ToList();
        _needed = new int[criteria.Count];
        foreach (var (target, _) in perLead.Where(c => c.Target != Disqualifier))
        {
            _needed[target]++;
        }

        _always = [.. Enumerable.Range(0, criteria.Count)
            .Where(k => criteria[k] is AttributeCriterion && !never.Contains(k) && _needed[k] == 0)];
        _several = [.. Enumerable.Range(0, criteria.Count).Where(k => _needed[k] > 1)];
        _fields = [.. perLead.GroupBy(c => c.Table.ValueIds, ReferenceEqualityComparer.Instance)
            .Select(field => FieldTargets.Of([.. field]))];
    }

    /// <summary>
    /// Writes each attribute criterion lead <paramref name="lead"/> meets into <paramref name="matched"/> from
    /// <paramref name="count"/> on, and moves <paramref name="count"/> past them; says whether a disqualifier holds.
    /// <paramref name="hits"/> holds one count per criterion, all 0 before and after.
    /// </summary>
    public bool Match(int lead, Span<int> hits, Span<int> matched, ref int count)
    {
        var disqualified = _alwaysDisqualified;
        foreach (var k in _always)
        {
            matched[count++] = k;
        }

        foreach (var field in _fields)
        {
            var id = field.ValueIds[lead];
            foreach (var target in field.Targets.AsSpan(field.Start[id], field.Start[id + 1] - field.Start[id]))
            {
                if (target == Disqualifier)
                {
                    disqualified = true;
                }
                else if (_needed[target] == 1 || ++hits[target] == _needed[target])
                {
                    matched[count++] = target;
                }
            }
        }

        foreach (var k in _several)
        {
            hits[k] = 0;
        }

        return disqualified;
    }

    /// <summary>One field's value ids per lead and, per distinct value, the criteria (or disqualifiers, as −1) whose
    /// condition on the field it meets: <c>Targets[Start[id]..Start[id + 1]]</c>.</summary>
    private sealed record FieldTargets(int[] ValueIds, int[] Start, int[] Targets)
    {
        public static FieldTargets Of(IReadOnlyList<(int Target, (int[] ValueIds, bool[] Matches) Table)> conditions)
        {
            var values = conditions[0].Table.Matches.Length;
            var start = new int[values + 1];
            var targets = new List<int>();
            for (var id = 0; id < values; id++)
            {
                start[id] = targets.Count;
                targets.AddRange(conditions.Where(c => c.Table.Matches[id]).Select(c => c.Target));
            }

            start[values] = targets.Count;
            return new FieldTargets(conditions[0].Table.ValueIds, start, [.. targets]);
        }
    }
}
